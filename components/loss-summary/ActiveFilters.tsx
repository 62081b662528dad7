"use client";

import { formatBorough, formatHour, formatPeriod, formatPolicyType } from "@/lib/format";
import type { LossSummaryFilters } from "@/lib/lossSummaryFilters";

type Chip = { key: string; label: string; value: string; clear: Partial<LossSummaryFilters> };

function chipsFor(filters: LossSummaryFilters): Chip[] {
  const chips: Chip[] = [];
  if (filters.from && filters.to) {
    chips.push({ key: "period", label: "Period", value: formatPeriod({ from: filters.from, to: filters.to }), clear: { from: null, to: null } });
  }
  if (filters.policyType) chips.push({ key: "policyType", label: "Policy type", value: formatPolicyType(filters.policyType), clear: { policyType: null } });
  if (filters.borough) chips.push({ key: "borough", label: "Borough", value: formatBorough(filters.borough), clear: { borough: null } });
  if (filters.make) chips.push({ key: "make", label: "Make", value: filters.make, clear: { make: null } });
  if (filters.incidentType) chips.push({ key: "incidentType", label: "Incident type", value: filters.incidentType, clear: { incidentType: null } });
  if (filters.severity) chips.push({ key: "severity", label: "Severity", value: filters.severity, clear: { severity: null } });
  if (filters.hour !== null) chips.push({ key: "hour", label: "Hour", value: formatHour(filters.hour), clear: { hour: null } });
  return chips;
}

/** The filters in force, each removable on its own; nothing at all when none is set. */
export function ActiveFilters({
  filters,
  setFilters,
  clearAll,
}: {
  filters: LossSummaryFilters;
  setFilters: (patch: Partial<LossSummaryFilters>) => void;
  clearAll: () => void;
}) {
  const chips = chipsFor(filters);
  if (chips.length === 0) return null;
  return (
    <div className="flex flex-wrap items-center gap-2" aria-label="Active filters" role="group">
      <span className="mr-1 text-xs font-medium text-muted">Filtered by</span>
      <ul className="contents">
        {chips.map((chip) => (
          <li key={chip.key} data-filter-chip={chip.key}>
            <button
              type="button"
              onClick={() => setFilters(chip.clear)}
              aria-label={`Remove filter ${chip.label}: ${chip.value}`}
              className="group inline-flex items-center gap-1.5 rounded-full border border-border bg-surface py-1 pl-3 pr-2 text-xs text-foreground transition-colors hover:border-border-strong hover:bg-surface-muted"
            >
              <span>
                <span className="text-muted">{chip.label}:</span> <span className="font-medium">{chip.value}</span>
              </span>
              <span aria-hidden="true" className="text-sm leading-none text-subtle group-hover:text-foreground">
                ×
              </span>
            </button>
          </li>
        ))}
      </ul>
      <button type="button" onClick={clearAll} className="rounded-md px-2 py-1 text-xs font-medium text-accent-strong hover:bg-accent-soft">
        Clear all
      </button>
    </div>
  );
}
