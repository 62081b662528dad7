"use client";

import { DateRange } from "@/components/dashboard/DateRange";
import { Picker } from "@/components/dashboard/Picker";
import type { LossSummaryResponse } from "@/lib/api/lossSummarySchema";
import { formatBorough, formatPolicyType } from "@/lib/format";
import type { LossSummaryFilters } from "@/lib/lossSummaryFilters";

type Period = { from: string; to: string };

export function FiltersBar({
  filters,
  setFilters,
  period,
  options,
}: {
  filters: LossSummaryFilters;
  setFilters: (patch: Partial<LossSummaryFilters>) => void;
  /** The period on screen: the URL's, or the API's default when the URL has none. */
  period: Period | undefined;
  options: LossSummaryResponse["options"] | undefined;
}) {
  return (
    <form
      role="search"
      aria-label="Filters"
      onSubmit={(event) => event.preventDefault()}
      className="grid grid-cols-2 gap-x-3 gap-y-3 rounded-xl border border-border bg-surface p-4 sm:grid-cols-[repeat(2,minmax(0,9.5rem))_repeat(3,minmax(0,1fr))] sm:items-end"
    >
      <DateRange filters={filters} setFilters={setFilters} period={period} errorClassName="col-span-2 sm:order-last sm:col-span-5" />
      <Picker
        label="Policy type"
        allLabel="All policy types"
        value={filters.policyType}
        values={options?.policyTypes}
        format={formatPolicyType}
        onChange={(policyType) => setFilters({ policyType })}
      />
      <Picker
        label="Borough"
        allLabel="All boroughs"
        value={filters.borough}
        values={options?.boroughs}
        format={formatBorough}
        onChange={(borough) => setFilters({ borough })}
      />
      <Picker
        label="Make"
        allLabel="All makes"
        value={filters.make}
        values={options?.makes}
        format={(make) => make}
        onChange={(make) => setFilters({ make })}
        className="col-span-2 sm:col-span-1"
      />
    </form>
  );
}
