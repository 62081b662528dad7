"use client";

import { FilterChips, type FilterChip } from "@/components/dashboard/FilterChips";
import type { ClaimsResponse } from "@/lib/api/claimsSchema";
import { formatBorough, formatDate, formatHour, formatPeriod, formatPolicyType } from "@/lib/format";
import type { ClaimsFilterPatch, ClaimsFilters } from "./queueParams";

function chipsFor(filters: ClaimsFilters, rules: ClaimsResponse["rules"] | undefined): FilterChip<ClaimsFilterPatch>[] {
  const chips: FilterChip<ClaimsFilterPatch>[] = [];
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
  return <FilterChips chips={chipsFor(filters, rules)} onRemove={setFilters} onClearAll={clearAll} />;
}
