"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useMemo } from "react";
import { useIdlePreload } from "@/hooks/useIdlePreload";
import { LossSummaryError, loadLossSummarySchemas, lossSummaryQueryOptions, useLossSummary } from "@/hooks/useLossSummary";
import { useLossSummaryFilters } from "@/hooks/useLossSummaryFilters";
import { usePrefetchingFilters } from "@/hooks/usePrefetchingFilters";
import type { LossSummaryResponse } from "@/lib/api/lossSummarySchema";
import { DashboardHeader } from "@/components/dashboard/DashboardHeader";
import { IgnoredParamsNotice } from "@/components/dashboard/IgnoredParamsNotice";
import { describePreviousPeriod, formatPeriod } from "@/lib/format";
import { claimsHref, lossSummaryFilterKeys, toLossSummaryQuery, type LossSummaryFilters } from "@/lib/lossSummaryFilters";
import { ActiveFilters } from "./ActiveFilters";
import { ByHourTile, DamageByTypeTile, DriverAgeTile, IncidentsByTypeTile, ModelYearTile, TrendTile } from "./ChartTiles";
import { FiltersBar } from "./FiltersBar";
import { KpiTile } from "./KpiTile";
import { MapTile } from "./MapTile";
import type { LossSummaryView } from "./view";
import { PAGE_COLUMN } from "@/components/pageColumn";

const FILTER_NAMES: Record<string, string> = {
  from: "start date",
  to: "end date",
  policyType: "policy type",
  borough: "borough",
  make: "make",
  incidentType: "incident type",
  severity: "severity",
  hour: "hour",
};

export function LossSummary({
  ignoredParams,
  canViewClaims,
}: {
  ignoredParams: string[];
  canViewClaims: boolean;
}) {
  const [filters, setUrlFilters] = useLossSummaryFilters();
  const query = useMemo(() => toLossSummaryQuery(filters), [filters]);
  const result = useLossSummary(query);
  // Fetched figures are validated against the contract; its schemas load once the page is drawn.
  useIdlePreload(loadLossSummarySchemas);
  const data = result.data;

  const queryClient = useQueryClient();
  const { setFilters, clearAll } = usePrefetchingFilters(filters, setUrlFilters, (next: LossSummaryFilters) => {
    void queryClient.prefetchQuery(lossSummaryQueryOptions(toLossSummaryQuery(next)));
  });
  const anyFilter = lossSummaryFilterKeys.some((key) => filters[key] !== null);

  // A retry in flight shows the skeleton again rather than the old error.
  let errorMessage: string | null = null;
  if (result.isError && !result.isFetching) {
    errorMessage =
      result.error instanceof LossSummaryError ? result.error.message : "The server could not be reached. Check the connection and try again.";
  }

  // A 4xx is about the filters (an unknown borough in a shared link, say): retrying will not fix it, clearing them will.
  const rejectedFilters = result.error instanceof LossSummaryError && result.error.status >= 400 && result.error.status < 500;

  const view: LossSummaryView = {
    data,
    filters,
    updating: result.isPlaceholderData || (result.isFetching && !result.isPending),
    errorMessage,
    rejectedFilters,
    retry: () => void result.refetch(),
    clearFilters: anyFilter ? clearAll : null,
    claimsHref: canViewClaims ? claimsHref(query, data?.period) : null,
    setFilters,
  };

  return (
    <div className={`${PAGE_COLUMN} flex flex-col gap-5 py-8 sm:py-10`}>
      <Header data={data} failed={errorMessage !== null} />
      <IgnoredParamsNotice params={ignoredParams} names={FILTER_NAMES} kind="filter" />
      <FiltersBar filters={filters} setFilters={setFilters} period={data?.period} options={data?.options} />
      <ActiveFilters filters={filters} setFilters={setFilters} clearAll={clearAll} />
      <div className="grid gap-5 lg:grid-cols-2">
        <KpiTile view={view} />
        <TrendTile view={view} />
        <IncidentsByTypeTile view={view} />
        <DamageByTypeTile view={view} />
        <ByHourTile view={view} />
        <DriverAgeTile view={view} />
        <ModelYearTile view={view} />
        <MapTile view={view} />
      </div>
    </div>
  );
}

function Header({ data, failed }: { data: LossSummaryResponse | undefined; failed: boolean }) {
  return (
    <DashboardHeader
      eyebrow="Executive view"
      title="Loss Summary"
      failed={failed}
      period={
        data ? (
          <>
            <span className="font-medium text-foreground">{formatPeriod(data.period)}</span>
            <span title={formatPeriod(data.previousPeriod)}> vs {describePreviousPeriod(data.period, data.previousPeriod)}</span>
          </>
        ) : null
      }
      asOf={data ? { date: data.asOf.claimsAsOf, builtAt: data.asOf.builtAt } : null}
    />
  );
}
