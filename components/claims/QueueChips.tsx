"use client";

import type { ClaimsResponse } from "@/lib/api/claimsSchema";
import { formatBorough, formatDate, formatHour, formatPeriod, formatPolicyType } from "@/lib/format";
import type { ClaimsFilterPatch, ClaimsFilters } from "./queueParams";

type Chip = { key: string; label: string; value: string; clear: ClaimsFilterPatch };

function chipsFor(filters: ClaimsFilters, rules: ClaimsResponse["rules"] | undefined): Chip[] {
  const chips: Chip[] = [];
  if (filters.from && filters.to) {
    chips.push({ key: "period", label: "Incident date", value: formatPeriod({ from: filters.from, to: filters.to }), clear: { from: null, to: null } });
  } else if (filters.from) {
    chips.push({ key: "from", label: "From (needs an end date)", value: formatDate(filters.from), clear: { from: null } });
  } else if (filters.to) {
    chips.push({ key: "to", label: "To (needs a start date)", value: formatDate(filters.to), clear: { to: null } });
  }
  if (filters.q) chips.push({ key: "q", label: "Number starts with", value: filters.q, clear: { q: null } });
  if (filters.failedCheck) {
    const rule = rules?.find((r) => r.id === filters.failedCheck);
    chips.push({ key: "failedCheck", label: "Failed check", value: rule?.name ?? filters.failedCheck, clear: { failedCheck: null } });
  }
  if (filters.suspicious !== null) chips.push({ key: "suspicious", label: "Suspicious", value: filters.suspicious ? "Yes" : "No", clear: { suspicious: null } });
  if (filters.nextBestAction) {
    chips.push({ key: "nextBestAction", label: "Next best action", value: filters.nextBestAction === "investigate" ? "Investigate" : "Release funds", clear: { nextBestAction: null } });
  }
  if (filters.decisionStatus) {
    chips.push({ key: "decisionStatus", label: "Decision", value: filters.decisionStatus === "decided" ? "Decided" : "Undecided", clear: { decisionStatus: null } });
  }
  if (filters.policyType) chips.push({ key: "policyType", label: "Policy type", value: formatPolicyType(filters.policyType), clear: { policyType: null } });
  if (filters.borough) chips.push({ key: "borough", label: "Borough", value: formatBorough(filters.borough), clear: { borough: null } });
  if (filters.make) chips.push({ key: "make", label: "Make", value: filters.make, clear: { make: null } });
  if (filters.incidentType) chips.push({ key: "incidentType", label: "Incident type", value: filters.incidentType, clear: { incidentType: null } });
  if (filters.severity) chips.push({ key: "severity", label: "Reported severity", value: filters.severity, clear: { severity: null } });
  if (filters.hour !== null) chips.push({ key: "hour", label: "Hour", value: formatHour(filters.hour), clear: { hour: null } });
  return chips;
}

/** The filters in force (the Loss Summary's drill-through ones included), each removable on its own. */
export function QueueChips({
  filters,
  rules,
  setFilters,
  clearAll,
}: {
  filters: ClaimsFilters;
  rules: ClaimsResponse["rules"] | undefined;
  setFilters: (patch: ClaimsFilterPatch) => void;
  clearAll: () => void;
}) {
  const chips = chipsFor(filters, rules);
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
