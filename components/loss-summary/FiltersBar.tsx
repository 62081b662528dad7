"use client";

import { useEffect, useId, useRef, useState } from "react";
import type { LossSummaryResponse } from "@/lib/api/lossSummarySchema";
import { formatBorough, formatPolicyType } from "@/lib/format";
import type { LossSummaryFilters } from "@/lib/lossSummaryFilters";

type Period = { from: string; to: string };

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
// While a year is being typed the input briefly holds dates like 0002-07-01; those are not periods anyone means.
const isPlausibleDay = (value: string) => ISO_DAY.test(value) && value >= "1900-01-01" && value <= "2999-12-31";

const fieldClass =
  "h-9 w-full rounded-md border border-border bg-surface px-2.5 text-sm text-foreground shadow-[inset_0_1px_1px_rgb(0_0_0/0.03)] transition-colors hover:border-border-strong disabled:opacity-60 aria-[invalid=true]:border-danger";

export function FiltersBar({
  filters,
  setFilters,
  period,
  options,
}: {
  filters: LossSummaryFilters;
  setFilters: (patch: Partial<LossSummaryFilters>) => void;
  /** The period on screen: the URL's, or the API's default when the URL has none. */
  period: Period | undefined;
  options: LossSummaryResponse["options"] | undefined;
}) {
  return (
    <form
      role="search"
      aria-label="Filters"
      onSubmit={(event) => event.preventDefault()}
      className="grid grid-cols-2 gap-x-3 gap-y-3 rounded-xl border border-border bg-surface p-4 sm:grid-cols-[repeat(2,minmax(0,9.5rem))_repeat(3,minmax(0,1fr))] sm:items-end"
    >
      <DateRange filters={filters} setFilters={setFilters} period={period} />
      <Picker
        label="Policy type"
        allLabel="All policy types"
        value={filters.policyType}
        values={options?.policyTypes}
        format={formatPolicyType}
        onChange={(policyType) => setFilters({ policyType })}
      />
      <Picker
        label="Borough"
        allLabel="All boroughs"
        value={filters.borough}
        values={options?.boroughs}
        format={formatBorough}
        onChange={(borough) => setFilters({ borough })}
      />
      <Picker
        label="Make"
        allLabel="All makes"
        value={filters.make}
        values={options?.makes}
        format={(make) => make}
        onChange={(make) => setFilters({ make })}
        className="col-span-2 sm:col-span-1"
      />
    </form>
  );
}

function DateRange({
  filters,
  setFilters,
  period,
}: {
  filters: LossSummaryFilters;
  setFilters: (patch: Partial<LossSummaryFilters>) => void;
  period: Period | undefined;
}) {
  const shownFrom = (filters.from && filters.to ? filters.from : period?.from) ?? "";
  const shownTo = (filters.from && filters.to ? filters.to : period?.to) ?? "";
  const [draft, setDraft] = useState({ from: shownFrom, to: shownTo });
  const errorId = useId();

  // The URL (back/forward, a chip removed) or the API's default period replaces whatever was typed.
  // Field by field, so committing one date does not wipe what is being typed in the other.
  useEffect(() => {
    setDraft((draft) => ({ ...draft, from: shownFrom }));
  }, [shownFrom]);
  useEffect(() => {
    setDraft((draft) => ({ ...draft, to: shownTo }));
  }, [shownTo]);

  const invalidOrder = isPlausibleDay(draft.from) && isPlausibleDay(draft.to) && draft.from > draft.to;

  const commit = (next: { from: string; to: string }) => {
    if (!isPlausibleDay(next.from) || !isPlausibleDay(next.to) || next.from > next.to) return;
    if (next.from === shownFrom && next.to === shownTo) return;
    setFilters({ from: next.from, to: next.to });
  };

  // Typing a date changes the input once per keystroke; committing after a pause keeps one history entry
  // (and one request) per date actually chosen.
  const pending = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(pending.current), []);
  const change = (field: "from" | "to", value: string) => {
    const next = { ...draft, [field]: value };
    setDraft(next);
    clearTimeout(pending.current);
    pending.current = setTimeout(() => commit(next), 600);
  };
  const commitNow = () => {
    clearTimeout(pending.current);
    commit(draft);
  };

  return (
    <>
      {(["from", "to"] as const).map((field) => (
        <label key={field} className="flex min-w-0 flex-col gap-1.5">
          <span className="text-xs font-medium text-muted">{field === "from" ? "From" : "To"}</span>
          <input
            type="date"
            name={field}
            value={draft[field]}
            min={field === "to" ? draft.from || undefined : undefined}
            max={field === "from" ? draft.to || undefined : undefined}
            disabled={!period && !filters.from}
            required
            aria-invalid={invalidOrder}
            aria-describedby={invalidOrder ? errorId : undefined}
            onChange={(event) => change(field, event.target.value)}
            onBlur={commitNow}
            onKeyDown={(event) => {
              if (event.key === "Enter") commitNow();
            }}
            className={`${fieldClass} tabular-nums`}
          />
        </label>
      ))}
      {invalidOrder ? (
        <p id={errorId} role="alert" className="col-span-2 text-xs text-danger sm:order-last sm:col-span-5">
          The start date must not be after the end date.
        </p>
      ) : null}
    </>
  );
}

function Picker({
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
