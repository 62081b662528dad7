"use client";

import { useId } from "react";
import { fieldClass } from "./DateRange";

/** A filters bar select: "all" or one value, which stays selectable when the options no longer list it. */
export function Picker({
  label,
  allLabel,
  value,
  values,
  format,
  onChange,
  className = "",
}: {
  label: string;
  allLabel: string;
  value: string | null;
  values: readonly string[] | undefined;
  format: (value: string) => string;
  onChange: (value: string | null) => void;
  className?: string;
}) {
  // A value from a shared link stays selectable even when this period's options no longer list it.
  const choices = values ? (value && !values.includes(value) ? [value, ...values] : values) : value ? [value] : [];
  const id = useId();
  // Label by id rather than by nesting: a wrapping label would make every option part of the select's name.
  return (
    <div className={`flex min-w-0 flex-col gap-1.5 ${className}`}>
      <label htmlFor={id} className="text-xs font-medium text-muted">
        {label}
      </label>
      <select id={id} value={value ?? ""} onChange={(event) => onChange(event.target.value || null)} disabled={!values && !value} className={fieldClass}>
        <option value="">{allLabel}</option>
        {choices.map((choice) => (
          <option key={choice} value={choice}>
            {format(choice)}
          </option>
        ))}
      </select>
    </div>
  );
}
