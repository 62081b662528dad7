import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { claimsResponse, type ClaimsQuery } from "@/lib/api/claimsSchema";
import { claimsApiSearch } from "@/components/claims/queueParams";
import { getClaimsApi, retryUnlessRefused } from "./claimsApi";

export function claimsQueueOptions(query: ClaimsQuery) {
  return queryOptions({
    queryKey: ["claims", query] as const,
    queryFn: ({ signal }) => getClaimsApi(`/api/claims?${claimsApiSearch(query)}`, claimsResponse, "claims queue", signal),
    placeholderData: keepPreviousData,
    // Decisions change the queue while the gold tables do not: another investigator's decision should show soon.
    staleTime: 15_000,
    retry: retryUnlessRefused,
  });
}

export function useClaimsQueue(query: ClaimsQuery) {
  return useQuery(claimsQueueOptions(query));
}
