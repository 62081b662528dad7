"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useMemo } from "react";
import { EngagementError, engagementQueryOptions, loadEngagementSchemas, useEngagement } from "@/hooks/useEngagement";
import { useIdlePreload } from "@/hooks/useIdlePreload";
import { engagementAccountsQueryOptions, useEngagementAccounts } from "@/hooks/useEngagementAccounts";
import { useEngagementFilters } from "@/hooks/useEngagementFilters";
import { usePrefetchingFilters } from "@/hooks/usePrefetchingFilters";
import type { EngagementResponse } from "@/lib/api/engagementSchema";
import { DashboardHeader } from "@/components/dashboard/DashboardHeader";
import { IgnoredParamsNotice } from "@/components/dashboard/IgnoredParamsNotice";
import { describePreviousPeriod, formatPeriod } from "@/lib/format";
import { ActiveFilters } from "./ActiveFilters";
import { TopCampaignsTile, TrendTile } from "./ChartTiles";
import { engagementFilterKeys, toEngagementQuery, type EngagementFilters } from "./filters";
import { FiltersBar, campaignLabels } from "./FiltersBar";
import { KpiTile } from "./KpiTile";
import type { WorldMapGeometry } from "@/lib/worldMap";
import { MapTile } from "./MapTile";
import { AccountsTile, CountryTableTile, type AccountsView } from "./TableTiles";
import type { EngagementView } from "./view";
import { PAGE_COLUMN } from "@/components/pageColumn";

const FILTER_NAMES: Record<string, string> = {
  from: "start date",
  to: "end date",
  campaignId: "campaign",
  country: "country",
};

function errorText(isError: boolean, isFetching: boolean, error: Error | null): string | null {
  // A retry in flight shows the skeleton again rather than the old error.
  if (!isError || isFetching) return null;
  return error instanceof EngagementError ? error.message : "The server could not be reached. Check the connection and try again.";
}

export function EngagementDashboard({ worldMap, ignoredParams }: { worldMap: WorldMapGeometry; ignoredParams: string[] }) {
  const [filters, setUrlFilters] = useEngagementFilters();
  const query = useMemo(() => toEngagementQuery(filters), [filters]);
  const result = useEngagement(query);
  // Fetched figures are validated against the contract; its schemas load once the page is drawn.
  useIdlePreload(loadEngagementSchemas);
  const accountsResult = useEngagementAccounts(query);
  const data = result.data;

  const queryClient = useQueryClient();
  const { setFilters, clearAll, update } = usePrefetchingFilters(filters, setUrlFilters, (next: EngagementFilters) => {
    const nextQuery = toEngagementQuery(next);
    void queryClient.prefetchQuery(engagementQueryOptions(nextQuery));
    if (nextQuery.country) void queryClient.prefetchQuery(engagementAccountsQueryOptions(nextQuery));
  });
  const anyFilter = engagementFilterKeys.some((key) => filters[key] !== null);

  // The URL may spell the country in any letter case; the API answers with the data's spelling.
  const country = filters.country ? matchCountry(data, filters.country) : null;
  const toggleCountry = useCallback(
    (next: string) => update((current) => ({ country: current.country?.toLowerCase() === next.toLowerCase() ? null : next })),
    [update],
  );

  const campaignName = useMemo(() => {
    if (filters.campaignId === null || !data) return null;
    return campaignLabels(data.options.campaigns).get(filters.campaignId) ?? null;
  }, [data, filters.campaignId]);

  const errorMessage = errorText(result.isError, result.isFetching, result.error);
  // A 4xx is about the filters (an unknown country in a shared link, say): retrying will not fix it, clearing them will.
  const rejectedFilters = result.error instanceof EngagementError && result.error.status >= 400 && result.error.status < 500;

  // The view and the accounts answer keep their identity while nothing in them changes, and the tiles are
  // memoised on them: each answer redraws the tiles that show it, not the whole page.
  const updating = result.isPlaceholderData || (result.isFetching && !result.isPending);
  const { refetch } = result;
  const retry = useCallback(() => void refetch(), [refetch]);
  const clearFilters = anyFilter ? clearAll : null;
  const view = useMemo<EngagementView>(
    () => ({ data, filters, country, updating, errorMessage, rejectedFilters, retry, clearFilters, setFilters, toggleCountry }),
    [data, filters, country, updating, errorMessage, rejectedFilters, retry, clearFilters, setFilters, toggleCountry],
  );

  const accountsUpdating = accountsResult.isPlaceholderData || (accountsResult.isFetching && !accountsResult.isPending);
  const accountsError = errorText(accountsResult.isError, accountsResult.isFetching, accountsResult.error);
  const { refetch: refetchAccounts } = accountsResult;
  const retryAccounts = useCallback(() => void refetchAccounts(), [refetchAccounts]);
  const accounts = useMemo<AccountsView>(
    () => ({ data: accountsResult.data, updating: accountsUpdating, errorMessage: accountsError, retry: retryAccounts }),
    [accountsResult.data, accountsUpdating, accountsError, retryAccounts],
  );

  return (
    <div className={`${PAGE_COLUMN} flex flex-col gap-5 py-8 sm:py-10`}>
      <Header data={data} failed={errorMessage !== null} />
      <IgnoredParamsNotice params={ignoredParams} names={FILTER_NAMES} kind="filter" />
      <FiltersBar filters={filters} setFilters={setFilters} period={data?.period} options={data?.options} country={country} />
      <ActiveFilters filters={filters} campaignName={campaignName} country={country} setFilters={setFilters} clearAll={clearAll} />
      <div className="grid gap-5 lg:grid-cols-2">
        <KpiTile view={view} campaignName={campaignName} />
        <MapTile view={view} geometry={worldMap} />
        <CountryTableTile view={view} campaignName={campaignName} />
        <AccountsTile country={country} accounts={accounts} campaignName={campaignName} />
        <TrendTile view={view} />
        <TopCampaignsTile view={view} />
      </div>
    </div>
  );
}

function matchCountry(data: EngagementResponse | undefined, country: string): string {
  return data?.options.countries.find((c) => c.toLowerCase() === country.toLowerCase()) ?? country;
}

function Header({ data, failed }: { data: EngagementResponse | undefined; failed: boolean }) {
  return (
    <DashboardHeader
      eyebrow="Marketing view"
      title="Email Engagement"
      failed={failed}
      period={
        data ? (
          <>
            <span className="font-medium text-foreground">{formatPeriod(data.period)}</span>
            <span> vs {describePreviousPeriod(data.period, data.previousPeriod)}</span>
            <span className="text-subtle"> ({formatPeriod(data.previousPeriod)})</span>
          </>
        ) : null
      }
      asOf={data ? { date: data.asOf.engagementAsOf, builtAt: data.asOf.builtAt } : null}
    />
  );
}
