import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { NextResponse, type NextRequest } from "next/server";
import type { z } from "zod";
import { getWarehouse } from "../warehouse";
import type { Warehouse } from "../warehouse/types";
import { handleApiError } from "./errors";
import { parseSearchParams } from "./parseRequest";
import { createResponseCache } from "./responseCache";

/**
 * A GET handler over gold data: parse the query string, answer from a cache keyed by gold build and
 * request (ETag + 304 for unchanged answers), otherwise compute; errors go through the one catch.
 */
export function cachedJsonRoute<Q extends z.ZodType, R extends object>(
  querySchema: Q,
  compute: (warehouse: Warehouse, query: z.infer<Q>, signal: AbortSignal) => Promise<R>,
) {
  const cache = createResponseCache<R>();
  return async function GET(request: NextRequest): Promise<NextResponse> {
    const requestId = request.headers.get("x-request-id") ?? randomUUID();
    try {
      const query = parseSearchParams(request.nextUrl, querySchema);
      const warehouse = getWarehouse();
      const buildId = await warehouse.buildId();
      const key = JSON.stringify(Object.entries(query as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)));
      const etag = `"${createHash("sha256").update(`${buildId}|${key}`).digest("base64url").slice(0, 27)}"`;
      const headers = { etag, "cache-control": "private, no-cache", "x-request-id": requestId };
      if (request.headers.get("if-none-match") === etag) return new NextResponse(null, { status: 304, headers });
      const { value, hit } = await cache.get(buildId, key, (signal) => compute(warehouse, query, signal), request.signal);
      return NextResponse.json(value, { headers: { ...headers, "x-cache": hit ? "hit" : "miss" } });
    } catch (err) {
      return handleApiError(err, requestId);
    }
  };
}
