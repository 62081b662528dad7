"use client";

import { FilterChips, type FilterChip } from "@/components/dashboard/FilterChips";
import { formatBorough, formatHour, formatPeriod, formatPolicyType } from "@/lib/format";
import type { LossSummaryFilters } from "@/lib/lossSummaryFilters";

function chipsFor(filters: LossSummaryFilters): FilterChip<Partial<LossSummaryFilters>>[] {
  const chips: FilterChip<Partial<LossSummaryFilters>>[] = [];
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
  return <FilterChips chips={chipsFor(filters)} onRemove={setFilters} onClearAll={clearAll} />;
}
