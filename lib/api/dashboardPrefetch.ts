import "server-only";
import { QueryClient, dehydrate, type DehydratedState, type QueryKey } from "@tanstack/react-query";
import { createLoader } from "nuqs/server";
import type { z } from "zod";
import { claimsApiSearch, claimsFilterParsers, toClaimsQuery } from "@/components/claims/queueParams";
import { engagementSearch, toEngagementQuery, type EngagementFilters } from "@/components/engagement/filters";
import { claimDetailOptions } from "@/hooks/useClaimDetail";
import { claimTelematicsOptions } from "@/hooks/useClaimTelematics";
import { claimsQueueOptions } from "@/hooks/useClaimsQueue";
import { engagementQueryOptions } from "@/hooks/useEngagement";
import { lossSummaryQueryOptions } from "@/hooks/useLossSummary";
import { lossSummarySearch, toLossSummaryQuery, type LossSummaryFilters } from "@/lib/lossSummaryFilters";
import { prisma } from "../db";
import { logger } from "../logger";
import { getWarehouse } from "../warehouse";
import type { CachedBuilder } from "./cachedJsonRoute";
import { buildClaimTelematics, buildClaimsQueue } from "./claims";
import { claimsQuery, claimsResponse } from "./claimsSchema";
import { viewClaim } from "./claimView";
import { cachedEngagement, cachedLossSummary } from "./dashboardBuilders";
import { engagementQuery, engagementResponse } from "./engagementSchema";
import { isNotFound } from "./errors";
import { parseSearchParams } from "./parseRequest";
import { lossSummaryQuery, lossSummaryResponse } from "./lossSummarySchema";

/**
 * What an API route would answer to the URL its client hook fetches: the same parsing, builder and
 * response schema, without the HTTP round trip. `answer` does what the route does with the parsed query.
 */
async function routeAnswer<S extends z.ZodType, R extends object>(
  url: string,
  querySchema: S,
  answer: (query: z.infer<S>) => Promise<unknown>,
  responseSchema: z.ZodType<R>,
): Promise<R> {
  const query = parseSearchParams(new URL(url, "http://localhost"), querySchema);
  return responseSchema.parse(await answer(query));
}

/** A cached dashboard builder as its route calls it: for the current gold build, from the shared response cache. */
function fromCache<Q, R>(build: CachedBuilder<Q, R>) {
  return async (query: Q): Promise<R> => {
    const warehouse = getWarehouse();
    const answer = await build(warehouse, await warehouse.buildId(), query);
    return answer.value();
  };
}

/** The Loss Summary query as the client dashboard builds it from the same URL, answered on the server. */
export function lossSummaryPrefetch(filters: LossSummaryFilters) {
  const query = toLossSummaryQuery(filters);
  return {
    queryKey: lossSummaryQueryOptions(query).queryKey,
    queryFn: () => routeAnswer(lossSummarySearch(query), lossSummaryQuery, fromCache(cachedLossSummary), lossSummaryResponse),
  };
}

/** The Email Engagement query as the client dashboard builds it from the same URL, answered on the server. */
export function engagementPrefetch(filters: EngagementFilters) {
  const query = toEngagementQuery(filters);
  return {
    queryKey: engagementQueryOptions(query).queryKey,
    queryFn: () => routeAnswer(engagementSearch(query), engagementQuery, fromCache(cachedEngagement), engagementResponse),
  };
}

const loadClaimsFilters = createLoader(claimsFilterParsers);

/**
 * The claims queue page as the client queue reads it from the same URL (useClaimsFilters: the first value
 * of each parameter, unreadable ones dropped, defaults for sort and paging), answered as GET /api/claims
 * answers it: the route does nothing per request beyond the builder (the list writes no audit row).
 */
export function claimsQueuePrefetch(searchParams: Record<string, string | string[] | undefined>) {
  const query = toClaimsQuery(loadClaimsFilters(searchParams));
  return {
    queryKey: claimsQueueOptions(query).queryKey,
    queryFn: () => routeAnswer(`/api/claims?${claimsApiSearch(query)}`, claimsQuery, (parsed) => buildClaimsQueue(getWarehouse(), prisma, parsed), claimsResponse),
  };
}

/**
 * The case page's claim as GET /api/claims/{claimNo} answers the client hook, view audit included: the page
 * shows the claim, so the view is on record as when the client fetches it (which it then does not).
 */
export function claimCasePrefetch(claimNo: string, viewer: { id: string; email: string } | null, requestId: string) {
  return {
    queryKey: claimDetailOptions(claimNo).queryKey,
    // The builder's answer is already the response schema's output, as the route sends it.
    queryFn: () => viewClaim(claimNo, viewer, requestId),
  };
}

/** The case page's telematics as GET /api/claims/{claimNo}/telematics answers the client hook (no audit: no personal data). */
export function claimTelematicsPrefetch(claimNo: string) {
  return {
    queryKey: claimTelematicsOptions(claimNo).queryKey,
    queryFn: () => buildClaimTelematics(getWarehouse(), claimNo),
  };
}

type Prefetch = { queryKey: QueryKey; queryFn: () => Promise<unknown> };

/**
 * Runs one page's prefetches together in a client of their own (nothing is shared between requests) and
 * returns them for a HydrationBoundary, with each one's failure (null when it answered). A failed answer is
 * left out: the client then asks the API itself and shows its error. Failures other than an unknown item
 * are logged.
 */
export async function prefetchPage(...prefetches: Prefetch[]): Promise<{ state: DehydratedState; failures: unknown[] }> {
  const queryClient = new QueryClient();
  await Promise.all(prefetches.map((prefetch) => queryClient.prefetchQuery({ ...prefetch, retry: false })));
  const failures = prefetches.map((prefetch) => queryClient.getQueryState(prefetch.queryKey)?.error ?? null);
  prefetches.forEach(({ queryKey }, i) => {
    const failure = failures[i];
    if (failure && !isNotFound(failure)) logger.warn({ err: failure, queryKey }, "page prefetch failed; the client will fetch");
  });
  // Only successful queries are dehydrated by default, so a failure never reaches the client as data.
  return { state: dehydrate(queryClient), failures };
}

/** A dashboard's one prefetch, for its HydrationBoundary; a failure is left to the client's own request. */
export async function prefetchDashboard(prefetch: Prefetch): Promise<DehydratedState> {
  return (await prefetchPage(prefetch)).state;
}
