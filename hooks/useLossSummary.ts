import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import type { LossSummaryQuery, LossSummaryResponse } from "@/lib/api/lossSummarySchema";
import { lossSummarySearch } from "@/lib/lossSummaryFilters";
import { isWarehouseStarting, keepWaitingForWarehouse } from "./warehouseStarting";

// The contract's schemas, loaded after the first draw (the page arrives drawn and validates only what it fetches).
export const loadLossSummarySchemas = () => import("@/lib/api/lossSummarySchema");

/** A failed /api/loss-summary call, carrying the API's error code and message. */
export class LossSummaryError extends Error {
  readonly status: number;
  readonly code: string;

  constructor(status: number, code: string, message: string) {
    super(message);
    this.name = "LossSummaryError";
    this.status = status;
    this.code = code;
  }
}

async function fetchLossSummary(query: LossSummaryQuery, signal: AbortSignal): Promise<LossSummaryResponse> {
  const schemas = loadLossSummarySchemas();
  // Awaited below; if the request fails first, a failed chunk load must not surface as an unhandled rejection.
  schemas.catch(() => undefined);
  const response = await fetch(`/api/loss-summary${lossSummarySearch(query)}`, { signal, headers: { accept: "application/json" } });
  const body: unknown = await response.json().catch(() => null);
  const { apiErrorBody, lossSummaryResponse } = await schemas;
  if (!response.ok) {
    const parsed = apiErrorBody.safeParse(body);
    if (parsed.success) throw new LossSummaryError(response.status, parsed.data.error.code, parsed.data.error.message);
    throw new LossSummaryError(response.status, "http_error", `The server answered ${response.status}.`);
  }
  const parsed = lossSummaryResponse.safeParse(body);
  if (!parsed.success) {
    // A shape the page was not built for must not be drawn as if it were right.
    console.error("loss-summary response does not match the contract", parsed.error.issues);
    throw new LossSummaryError(response.status, "bad_response", "The server sent figures in an unexpected shape.");
  }
  return parsed.data;
}

export function lossSummaryQueryOptions(query: LossSummaryQuery) {
  return queryOptions({
    queryKey: ["loss-summary", query] as const,
    queryFn: ({ signal }) => fetchLossSummary(query, signal),
    placeholderData: keepPreviousData,
    // A 4xx will not change on a second try; a dropped connection or a 5xx might; a starting warehouse will.
    retry: (failures, error) =>
      isWarehouseStarting(error) ? keepWaitingForWarehouse(failures) : !(error instanceof LossSummaryError && error.status >= 400 && error.status < 500) && failures < 1,
  });
}

export function useLossSummary(query: LossSummaryQuery) {
  return useQuery(lossSummaryQueryOptions(query));
}
