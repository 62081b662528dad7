import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import { engagementSearch } from "@/components/engagement/filters";
import type { EngagementQuery } from "@/lib/api/engagementSchema";
import { isWarehouseStarting, keepWaitingForWarehouse } from "./warehouseStarting";

/** A failed /api/engagement* call, carrying the API's error code and message. */
export class EngagementError extends Error {
  readonly status: number;
  readonly code: string;

  constructor(status: number, code: string, message: string) {
    super(message);
    this.name = "EngagementError";
    this.status = status;
    this.code = code;
  }
}

type Schemas = typeof import("@/lib/api/engagementSchema");
// The contract's schemas, loaded after the first draw (the page arrives drawn and validates only what it fetches).
export const loadEngagementSchemas = () => Promise.all([import("@/lib/api/engagementSchema"), import("@/lib/api/lossSummarySchema")]);
type ResponseSchema = "engagementResponse" | "engagementAccountsResponse";

/**
 * GETs one engagement endpoint and parses its answer with the contract's schema, named here because the
 * schemas load apart from the page.
 */
export async function fetchEngagementJson<Name extends ResponseSchema>(
  path: string,
  schemaName: Name,
  query: EngagementQuery,
  signal: AbortSignal,
): Promise<z.infer<Schemas[Name]>> {
  const loading = loadEngagementSchemas();
  // Awaited below; if the request fails first, a failed chunk load must not surface as an unhandled rejection.
  loading.catch(() => undefined);
  const response = await fetch(`${path}${engagementSearch(query)}`, { signal, headers: { accept: "application/json" } });
  const body: unknown = await response.json().catch(() => null);
  const [schemas, { apiErrorBody }] = await loading;
  const schema: z.ZodType = schemas[schemaName];
  if (!response.ok) {
    const parsed = apiErrorBody.safeParse(body);
    if (parsed.success) throw new EngagementError(response.status, parsed.data.error.code, parsed.data.error.message);
    throw new EngagementError(response.status, "http_error", `The server answered ${response.status}.`);
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    // A shape the page was not built for must not be drawn as if it were right.
    console.error(`${path} response does not match the contract`, parsed.error.issues);
    throw new EngagementError(response.status, "bad_response", "The server sent figures in an unexpected shape.");
  }
  // Parsed by the schema named `schemaName`, so it is that schema's output.
  return parsed.data as z.infer<Schemas[Name]>;
}

/** A 4xx will not change on a second try; a dropped connection or a 5xx might; a starting warehouse will. */
export function retryEngagement(failures: number, error: Error): boolean {
  if (isWarehouseStarting(error)) return keepWaitingForWarehouse(failures);
  return !(error instanceof EngagementError && error.status >= 400 && error.status < 500) && failures < 1;
}

export function engagementQueryOptions(query: EngagementQuery) {
  return queryOptions({
    queryKey: ["engagement", query] as const,
    queryFn: ({ signal }) => fetchEngagementJson("/api/engagement", "engagementResponse", query, signal),
    placeholderData: keepPreviousData,
    retry: retryEngagement,
  });
}

export function useEngagement(query: EngagementQuery) {
  return useQuery(engagementQueryOptions(query));
}
