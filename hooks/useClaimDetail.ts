import { queryOptions, useQuery } from "@tanstack/react-query";
import { claimDetailResponse } from "@/lib/api/claimsSchema";
import { getClaimsApi, retryUnlessRefused } from "./claimsApi";

export function claimDetailOptions(claimNo: string) {
  return queryOptions({
    queryKey: ["claim", claimNo] as const,
    queryFn: ({ signal }) => getClaimsApi(`/api/claims/${encodeURIComponent(claimNo)}`, claimDetailResponse, "claim detail", signal),
    // The decision panel compares the version on screen with the newest, so an old copy must not stand in for
    // it for long; a few seconds keep the copy the case page came with (counted from its arrival, see
    // ArrivalHydrationBoundary) from being fetched again, and its view recorded twice, when the page hydrates.
    staleTime: 5_000,
    retry: retryUnlessRefused,
  });
}

export function useClaimDetail(claimNo: string) {
  return useQuery(claimDetailOptions(claimNo));
}
