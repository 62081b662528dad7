"use client";

import { FilterChips, type FilterChip } from "@/components/dashboard/FilterChips";
import { formatPeriod } from "@/lib/format";
import type { EngagementFilters } from "./filters";
import { countryLabel } from "./FiltersBar";

/** The filters in force, each removable on its own; nothing at all when none is set. */
export function ActiveFilters({
  filters,
  campaignName,
  country,
  setFilters,
  clearAll,
}: {
  filters: EngagementFilters;
  /** The selected campaign's label, once the options have loaded. */
  campaignName: string | null;
  /** The selected country as the data spells it. */
  country: string | null;
  setFilters: (patch: Partial<EngagementFilters>) => void;
  clearAll: () => void;
}) {
  const chips: FilterChip<Partial<EngagementFilters>>[] = [];
  if (filters.from && filters.to) {
    chips.push({ key: "period", label: "Period", value: formatPeriod({ from: filters.from, to: filters.to }), clear: { from: null, to: null } });
  }
  if (filters.campaignId !== null) {
    chips.push({ key: "campaignId", label: "Campaign", value: campaignName ?? `#${filters.campaignId}`, clear: { campaignId: null } });
  }
  if (filters.country) chips.push({ key: "country", label: "Country", value: countryLabel(country ?? filters.country), clear: { country: null } });
  return <FilterChips chips={chips} onRemove={setFilters} onClearAll={clearAll} />;
}
