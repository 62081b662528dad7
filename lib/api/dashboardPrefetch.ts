import "server-only";
import { QueryClient, dehydrate, type DehydratedState, type QueryKey } from "@tanstack/react-query";
import type { z } from "zod";
import { engagementSearch, toEngagementQuery, type EngagementFilters } from "@/components/engagement/filters";
import { engagementQueryOptions } from "@/hooks/useEngagement";
import { lossSummaryQueryOptions } from "@/hooks/useLossSummary";
import { lossSummarySearch, toLossSummaryQuery, type LossSummaryFilters } from "@/lib/lossSummaryFilters";
import { logger } from "../logger";
import { getWarehouse } from "../warehouse";
import type { CachedBuilder } from "./cachedJsonRoute";
import { cachedEngagement, cachedLossSummary } from "./dashboardBuilders";
import { engagementQuery, engagementResponse } from "./engagementSchema";
import { parseSearchParams } from "./parseRequest";
import { lossSummaryQuery, lossSummaryResponse } from "./lossSummarySchema";

/**
 * What the API route would answer to the query string the client hook sends: the same parsing, builder,
 * response cache and response schema, without the HTTP round trip.
 */
async function routeAnswer<S extends z.ZodType, R extends object>(
  search: string,
  querySchema: S,
  build: CachedBuilder<z.infer<S>, R>,
  responseSchema: z.ZodType<R>,
): Promise<R> {
  const query = parseSearchParams(new URL(search, "http://localhost"), querySchema);
  const warehouse = getWarehouse();
  const { value } = await build(warehouse, await warehouse.buildId(), query);
  return responseSchema.parse(value);
}

/** The Loss Summary query as the client dashboard builds it from the same URL, answered on the server. */
export function lossSummaryPrefetch(filters: LossSummaryFilters) {
  const query = toLossSummaryQuery(filters);
  return {
    queryKey: lossSummaryQueryOptions(query).queryKey,
    queryFn: () => routeAnswer(lossSummarySearch(query), lossSummaryQuery, cachedLossSummary, lossSummaryResponse),
  };
}

/** The Email Engagement query as the client dashboard builds it from the same URL, answered on the server. */
export function engagementPrefetch(filters: EngagementFilters) {
  const query = toEngagementQuery(filters);
  return {
    queryKey: engagementQueryOptions(query).queryKey,
    queryFn: () => routeAnswer(engagementSearch(query), engagementQuery, cachedEngagement, engagementResponse),
  };
}

/**
 * Runs one prefetch in a client of its own (nothing is shared between requests) and returns it for a
 * HydrationBoundary. A failed answer is left out: the client then asks the API itself and shows its error.
 */
export async function prefetchDashboard(prefetch: { queryKey: QueryKey; queryFn: () => Promise<unknown> }): Promise<DehydratedState> {
  const queryClient = new QueryClient();
  await queryClient.prefetchQuery({ ...prefetch, retry: false });
  const failure = queryClient.getQueryState(prefetch.queryKey)?.error;
  if (failure) logger.warn({ err: failure, queryKey: prefetch.queryKey }, "dashboard prefetch failed; the client will fetch");
  // Only successful queries are dehydrated by default, so a failure never reaches the client as data.
  return dehydrate(queryClient);
}
