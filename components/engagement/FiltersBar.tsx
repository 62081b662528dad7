"use client";

import { useEffect, useId, useRef, useState } from "react";
import type { EngagementResponse } from "@/lib/api/engagementSchema";
import type { EngagementFilters } from "./filters";
import { UNKNOWN_COUNTRY } from "./metrics";

type Period = { from: string; to: string };
type Campaign = EngagementResponse["options"]["campaigns"][number];

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
// While a year is being typed the input briefly holds dates like 0002-07-01; those are not periods anyone means.
const isPlausibleDay = (value: string) => ISO_DAY.test(value) && value >= "1900-01-01" && value <= "2999-12-31";

const fieldClass =
  "h-9 w-full rounded-md border border-border bg-surface px-2.5 text-sm text-foreground shadow-[inset_0_1px_1px_rgb(0_0_0/0.03)] transition-colors hover:border-border-strong disabled:opacity-60 aria-[invalid=true]:border-danger";

/** Campaign names repeat across runs ("Safe driver reward" twice in one month): those get their id. */
export function campaignLabels(campaigns: readonly Campaign[]): Map<number, string> {
  const counts = new Map<string, number>();
  for (const c of campaigns) counts.set(c.campaignName, (counts.get(c.campaignName) ?? 0) + 1);
  return new Map(campaigns.map((c) => [c.campaignId, (counts.get(c.campaignName) ?? 0) > 1 ? `${c.campaignName} (#${c.campaignId})` : c.campaignName]));
}

export function countryLabel(country: string): string {
  return country === UNKNOWN_COUNTRY ? "Unknown country" : country;
}

export function FiltersBar({
  filters,
  setFilters,
  period,
  options,
  country,
}: {
  filters: EngagementFilters;
  setFilters: (patch: Partial<EngagementFilters>) => void;
  /** The period on screen: the URL's, or the API's default when the URL has none. */
  period: Period | undefined;
  options: EngagementResponse["options"] | undefined;
  /** The selected country as the data spells it. */
  country: string | null;
}) {
  const labels = options ? campaignLabels(options.campaigns) : new Map<number, string>();
  // Newest campaigns first: they are the ones a marketing manager is asking about.
  const campaigns = options ? [...options.campaigns].sort((a, b) => b.campaignName.localeCompare(a.campaignName) || b.campaignId - a.campaignId) : undefined;
  const campaignValues = campaigns?.map((c) => String(c.campaignId));
  const countries = options ? [...options.countries.filter((c) => c !== UNKNOWN_COUNTRY), ...options.countries.filter((c) => c === UNKNOWN_COUNTRY)] : undefined;
  return (
    <form
      role="search"
      aria-label="Filters"
      onSubmit={(event) => event.preventDefault()}
      className="grid grid-cols-2 gap-x-3 gap-y-3 rounded-xl border border-border bg-surface p-4 sm:grid-cols-[repeat(2,minmax(0,9.5rem))_minmax(0,2fr)_minmax(0,1fr)] sm:items-end"
    >
      <DateRange filters={filters} setFilters={setFilters} period={period} />
      <Picker
        label="Campaign"
        allLabel="All campaigns"
        value={filters.campaignId === null ? null : String(filters.campaignId)}
        values={campaignValues}
        format={(id) => labels.get(Number(id)) ?? `Campaign #${id}`}
        onChange={(id) => setFilters({ campaignId: id === null ? null : Number(id) })}
        className="col-span-2 sm:col-span-1"
      />
      <Picker
        label="Country"
        allLabel="All countries"
        value={country ?? filters.country}
        values={countries}
        format={countryLabel}
        onChange={(value) => setFilters({ country: value })}
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
  filters: EngagementFilters;
  setFilters: (patch: Partial<EngagementFilters>) => void;
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

  const commit = (next: Period) => {
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
        <p id={errorId} role="alert" className="col-span-2 text-xs text-danger sm:order-last sm:col-span-4">
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
