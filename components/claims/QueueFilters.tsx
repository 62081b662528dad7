"use client";

import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import type { ClaimsResponse } from "@/lib/api/claimsSchema";
import { formatBorough } from "@/lib/format";
import { NYC_BOROUGHS } from "@/lib/geo";
import { fieldClass } from "./Panel";
import { SEARCH_PATTERN, hasHalfDateRange, type ClaimsFilterPatch, type ClaimsFilters } from "./queueParams";

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
// While a year is being typed the input briefly holds dates like 0002-07-01; those are not dates anyone means.
const isPlausibleDay = (value: string) => ISO_DAY.test(value) && value >= "1900-01-01" && value <= "2999-12-31";

type SetFilters = (patch: ClaimsFilterPatch, options?: { history?: "push" | "replace" }) => void;

export function QueueFilters({
  filters,
  setFilters,
  rules,
}: {
  filters: ClaimsFilters;
  setFilters: SetFilters;
  rules: ClaimsResponse["rules"] | undefined;
}) {
  return (
    <form role="search" aria-label="Queue filters" onSubmit={(event) => event.preventDefault()} className="flex flex-col gap-3 rounded-xl border border-border bg-surface p-4">
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-[minmax(0,1fr)_repeat(2,minmax(0,10rem))] sm:items-start">
        <SearchBox value={filters.q} setFilters={setFilters} />
        <DateRange from={filters.from} to={filters.to} setFilters={setFilters} />
      </div>
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
        <Select
          label="Failed check"
          value={filters.failedCheck}
          onChange={(failedCheck) => setFilters({ failedCheck })}
          options={[{ value: "", label: "Any result" }, ...(rules ?? (filters.failedCheck ? [{ id: filters.failedCheck, name: filters.failedCheck }] : [])).map((r) => ({ value: r.id, label: r.name }))]}
          disabled={!rules && !filters.failedCheck}
        />
        <Select
          label="Suspicious activity"
          value={filters.suspicious === null ? null : String(filters.suspicious)}
          onChange={(value) => setFilters({ suspicious: value === null ? null : value === "true" })}
          options={[
            { value: "", label: "Any" },
            { value: "true", label: "Flagged suspicious" },
            { value: "false", label: "Not flagged" },
          ]}
        />
        <Select
          label="Next best action"
          value={filters.nextBestAction}
          onChange={(value) => setFilters({ nextBestAction: value === "investigate" || value === "release funds" ? value : null })}
          options={[
            { value: "", label: "Any" },
            { value: "investigate", label: "Investigate" },
            { value: "release funds", label: "Release funds" },
          ]}
        />
        <Select
          label="Decision"
          value={filters.decisionStatus}
          onChange={(value) => setFilters({ decisionStatus: value === "decided" || value === "undecided" ? value : null })}
          options={[
            { value: "", label: "Any" },
            { value: "undecided", label: "Undecided" },
            { value: "decided", label: "Decided" },
          ]}
        />
        <Select
          label="Borough"
          value={filters.borough}
          onChange={(borough) => setFilters({ borough })}
          // A borough from a shared link stays selectable even when spelled unlike the list.
          options={[
            { value: "", label: "All boroughs" },
            ...(filters.borough && !(NYC_BOROUGHS as readonly string[]).includes(filters.borough) ? [{ value: filters.borough, label: filters.borough }] : []),
            ...NYC_BOROUGHS.map((b) => ({ value: b, label: formatBorough(b) })),
          ]}
          className="col-span-2 sm:col-span-1"
        />
      </div>
    </form>
  );
}

function SearchBox({ value, setFilters }: { value: string | null; setFilters: SetFilters }) {
  const [draft, setDraft] = useState(value ?? "");
  const hintId = useId();
  const inputId = useId();
  const committed = useRef(value ?? "");

  // The URL (back/forward, a chip removed) replaces what was typed.
  useEffect(() => {
    committed.current = value ?? "";
    setDraft(value ?? "");
  }, [value]);

  const trimmed = draft.trim();
  const invalid = trimmed !== "" && !SEARCH_PATTERN.test(trimmed);

  const commit = (text: string, history: "push" | "replace") => {
    const next = text.trim();
    if (next !== "" && !SEARCH_PATTERN.test(next)) return;
    if (next === committed.current) return;
    committed.current = next;
    setFilters({ q: next === "" ? null : next }, { history });
  };

  // One request and one history entry per pause in typing, not per keystroke.
  const pending = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(pending.current), []);
  const change = (text: string) => {
    setDraft(text);
    clearTimeout(pending.current);
    pending.current = setTimeout(() => commit(text, "replace"), 350);
  };

  return (
    <div className="col-span-2 flex min-w-0 flex-col gap-1.5 sm:col-span-1">
      <label htmlFor={inputId} className="text-xs font-medium text-muted">
        Find a claim
      </label>
      <div className="relative">
        <svg width="14" height="14" viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="1.75" aria-hidden="true" className="pointer-events-none absolute left-2.5 top-1/2 -translate-y-1/2 text-subtle">
          <circle cx="7" cy="7" r="4.5" />
          <path d="m10.5 10.5 3 3" strokeLinecap="round" />
        </svg>
        <input
          id={inputId}
          type="search"
          name="q"
          value={draft}
          autoComplete="off"
          spellCheck={false}
          placeholder="Claim or policy number, e.g. CLM75"
          aria-describedby={hintId}
          aria-invalid={invalid}
          onChange={(event) => change(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === "Enter") {
              clearTimeout(pending.current);
              commit(draft, "push");
            }
          }}
          className={`${fieldClass} pl-8`}
        />
      </div>
      <p id={hintId} className={`text-[11px] leading-4 ${invalid ? "text-danger" : "text-subtle"}`}>
        {invalid ? "Claim and policy numbers hold letters, digits and . _ / - only (up to 40)." : "Matches the start of a claim or policy number."}
      </p>
    </div>
  );
}

function DateRange({ from, to, setFilters }: { from: string | null; to: string | null; setFilters: SetFilters }) {
  const [draft, setDraft] = useState({ from: from ?? "", to: to ?? "" });
  const messageId = useId();

  // Field by field, so a date committed from the URL does not wipe what is being typed in the other.
  useEffect(() => {
    setDraft((d) => ({ ...d, from: from ?? "" }));
  }, [from]);
  useEffect(() => {
    setDraft((d) => ({ ...d, to: to ?? "" }));
  }, [to]);

  const invalidOrder = isPlausibleDay(draft.from) && isPlausibleDay(draft.to) && draft.from > draft.to;
  const half = hasHalfDateRange({ from: from, to: to });

  const commit = (next: { from: string; to: string }) => {
    const f = next.from === "" ? null : isPlausibleDay(next.from) ? next.from : undefined;
    const t = next.to === "" ? null : isPlausibleDay(next.to) ? next.to : undefined;
    if (f === undefined || t === undefined) return;
    if (f && t && f > t) return;
    if (f === from && t === to) return;
    setFilters({ from: f, to: t });
  };

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
          <span className="text-xs font-medium text-muted">{field === "from" ? "Incident from" : "Incident to"}</span>
          <input
            type="date"
            name={field}
            value={draft[field]}
            min={field === "to" ? draft.from || undefined : undefined}
            max={field === "from" ? draft.to || undefined : undefined}
            aria-invalid={invalidOrder || (half && draft[field] === "")}
            aria-describedby={invalidOrder || half ? messageId : undefined}
            onChange={(event) => change(field, event.target.value)}
            onBlur={commitNow}
            onKeyDown={(event) => {
              if (event.key === "Enter") commitNow();
            }}
            className={`${fieldClass} tabular-nums`}
          />
        </label>
      ))}
      {invalidOrder || half ? (
        <p id={messageId} role="status" className={`col-span-2 text-xs sm:col-start-2 ${invalidOrder ? "text-danger" : "text-muted"}`}>
          {invalidOrder ? "The start date must not be after the end date." : "Set both dates to narrow the queue by incident date."}
        </p>
      ) : null}
    </>
  );
}

function Select({
  label,
  value,
  options,
  onChange,
  disabled = false,
  className = "",
}: {
  label: string;
  value: string | null;
  options: { value: string; label: string }[];
  onChange: (value: string | null) => void;
  disabled?: boolean;
  className?: string;
}): ReactNode {
  const id = useId();
  // Label by id rather than by nesting: a wrapping label would make every option part of the select's name.
  return (
    <div className={`flex min-w-0 flex-col gap-1.5 ${className}`}>
      <label htmlFor={id} className="text-xs font-medium text-muted">
        {label}
      </label>
      <select id={id} value={value ?? ""} disabled={disabled} onChange={(event) => onChange(event.target.value || null)} className={fieldClass}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
