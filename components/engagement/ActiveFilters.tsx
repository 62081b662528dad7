"use client";

import { formatPeriod } from "@/lib/format";
import type { EngagementFilters } from "./filters";
import { countryLabel } from "./FiltersBar";

type Chip = { key: string; label: string; value: string; clear: Partial<EngagementFilters> };

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
  const chips: Chip[] = [];
  if (filters.from && filters.to) {
    chips.push({ key: "period", label: "Period", value: formatPeriod({ from: filters.from, to: filters.to }), clear: { from: null, to: null } });
  }
  if (filters.campaignId !== null) {
    chips.push({ key: "campaignId", label: "Campaign", value: campaignName ?? `#${filters.campaignId}`, clear: { campaignId: null } });
  }
  if (filters.country) chips.push({ key: "country", label: "Country", value: countryLabel(country ?? filters.country), clear: { country: null } });
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
              className="group inline-flex max-w-full items-center gap-1.5 rounded-full border border-border bg-surface py-1 pl-3 pr-2 text-left text-xs text-foreground transition-colors hover:border-border-strong hover:bg-surface-muted"
            >
              <span className="min-w-0 truncate">
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
