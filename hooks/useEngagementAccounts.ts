import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import type { EngagementQuery } from "@/lib/api/engagementSchema";
import { fetchEngagementJson, retryEngagement } from "./useEngagement";

export function engagementAccountsQueryOptions(query: EngagementQuery) {
  return queryOptions({
    queryKey: ["engagement-accounts", query] as const,
    queryFn: ({ signal }) => fetchEngagementJson("/api/engagement/accounts", "engagementAccountsResponse", query, signal),
    // Accounts are read per country: without one the page asks for nothing rather than for every account.
    enabled: Boolean(query.country),
    placeholderData: keepPreviousData,
    retry: retryEngagement,
  });
}

export function useEngagementAccounts(query: EngagementQuery) {
  return useQuery(engagementAccountsQueryOptions(query));
}
