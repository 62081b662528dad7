"use client";

import { useEffect, useId, useRef, useState } from "react";

type Period = { from: string; to: string };

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
// While a year is being typed the input briefly holds dates like 0002-07-01; those are not periods anyone means.
const isPlausibleDay = (value: string) => ISO_DAY.test(value) && value >= "1900-01-01" && value <= "2999-12-31";

/** The look of a filters bar's inputs and selects. */
export const fieldClass =
  "h-9 w-full rounded-md border border-border bg-surface px-2.5 text-sm text-foreground shadow-[inset_0_1px_1px_rgb(0_0_0/0.03)] transition-colors hover:border-border-strong disabled:opacity-60 aria-[invalid=true]:border-danger";

/**
 * The From and To inputs of a dashboard's filters bar. Shows the URL's period, or the API's default while
 * the URL has none; a typed date is committed after a pause, on blur or on Enter, and only as a valid range.
 */
export function DateRange({
  filters,
  setFilters,
  period,
  errorClassName,
}: {
  filters: { from: string | null; to: string | null };
  setFilters: (patch: { from: string; to: string }) => void;
  /** The period on screen: the URL's, or the API's default when the URL has none. */
  period: Period | undefined;
  /** Grid placement of the range error under the bar's fields. */
  errorClassName: string;
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
        <p id={errorId} role="alert" className={`text-xs text-danger ${errorClassName}`}>
          The start date must not be after the end date.
        </p>
      ) : null}
    </>
  );
}
