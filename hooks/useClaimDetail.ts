import { queryOptions, useQuery } from "@tanstack/react-query";
import { claimDetailResponse } from "@/lib/api/claimsSchema";
import { getClaimsApi, retryUnlessRefused } from "./claimsApi";

export function claimDetailOptions(claimNo: string) {
  return queryOptions({
    queryKey: ["claim", claimNo] as const,
    queryFn: ({ signal }) => getClaimsApi(`/api/claims/${encodeURIComponent(claimNo)}`, claimDetailResponse, "claim detail", signal),
    // The decision panel compares the version on screen with the newest; an old copy must not stand in for it.
    staleTime: 0,
    retry: retryUnlessRefused,
  });
}

export function useClaimDetail(claimNo: string) {
  return useQuery(claimDetailOptions(claimNo));
}
