"use client";

import { DateRange } from "@/components/dashboard/DateRange";
import { Picker } from "@/components/dashboard/Picker";
import type { EngagementResponse } from "@/lib/api/engagementSchema";
import type { EngagementFilters } from "./filters";
import { UNKNOWN_COUNTRY } from "./metrics";

type Period = { from: string; to: string };
type Campaign = EngagementResponse["options"]["campaigns"][number];

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
      <DateRange filters={filters} setFilters={setFilters} period={period} errorClassName="col-span-2 sm:order-last sm:col-span-4" />
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
