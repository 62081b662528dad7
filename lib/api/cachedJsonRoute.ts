import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { NextResponse, type NextRequest } from "next/server";
import type { z } from "zod";
import { getWarehouse } from "../warehouse";
import type { Warehouse } from "../warehouse/types";
import { handleApiError } from "./errors";
import { parseSearchParams } from "./parseRequest";
import { createJsonTextCache } from "./responseCache";
import { serverTiming } from "./serverTiming";

/** A builder's answer for one request: its JSON text, as the cache keeps it, and the value parsed from it on demand. */
export type CachedAnswer<R> = { json: string; hit: boolean; value: () => R };

/** A builder's answer for one request, from the cache when the same gold build already answered it. */
export type CachedBuilder<Q, R> = (warehouse: Warehouse, buildId: string, query: Q, signal?: AbortSignal) => Promise<CachedAnswer<R>>;

/** The request as a cache key: the parsed query with its fields in a fixed order. */
function requestKey(query: object): string {
  return JSON.stringify(Object.entries(query).sort(([a], [b]) => a.localeCompare(b)));
}

// On globalThis because a route handler and a page may be bundled apart, each with its own copy of this
// module; keyed by name, so the route and a page's server prefetch of the same endpoint share one cache.
type ResponseCache = ReturnType<typeof createJsonTextCache>;
const globalForCaches = globalThis as unknown as { goldlensResponseCaches?: Map<string, ResponseCache> };

/** `compute` behind the response cache named `name` (one name per endpoint). */
export function cachedBuilder<Q extends object, R extends object>(
  name: string,
  compute: (warehouse: Warehouse, query: Q, signal: AbortSignal) => Promise<R>,
): CachedBuilder<Q, R> {
  const caches = (globalForCaches.goldlensResponseCaches ??= new Map<string, ResponseCache>());
  let cache = caches.get(name);
  if (!cache) {
    cache = createJsonTextCache();
    caches.set(name, cache);
  }
  const shared = cache;
  return async (warehouse, buildId, query, signal) => {
    const key = requestKey(query);
    // A query can carry a long list (the decided claims): keep the cache's keys short.
    const short = key.length > 256 ? createHash("sha256").update(key).digest("base64url") : key;
    const { json, hit } = await shared.get(buildId, short, (s) => compute(warehouse, query, s), signal);
    // Only `compute` writes under this name, so the text is an R's.
    return { json, hit, value: () => JSON.parse(json) as R };
  };
}

/**
 * A GET handler over gold data: parse the query string, answer from a cache keyed by gold build and
 * request (ETag + 304 for unchanged answers), otherwise compute; errors go through the one catch.
 */
export function cachedJsonRoute<Q extends z.ZodType, R extends object>(querySchema: Q, build: CachedBuilder<z.infer<Q>, R>) {
  return async function GET(request: NextRequest): Promise<NextResponse> {
    const started = performance.now();
    const requestId = request.headers.get("x-request-id") ?? randomUUID();
    try {
      const query = parseSearchParams(request.nextUrl, querySchema);
      const warehouse = getWarehouse();
      const buildId = await warehouse.buildId();
      const etag = `"${createHash("sha256").update(`${buildId}|${requestKey(query as object)}`).digest("base64url").slice(0, 27)}"`;
      const headers = { etag, "cache-control": "private, no-cache", "x-request-id": requestId };
      if (request.headers.get("if-none-match") === etag) return new NextResponse(null, { status: 304, headers });
      const { json, hit } = await build(warehouse, buildId, query, request.signal);
      const cache = hit ? "hit" : "miss";
      return new NextResponse(json, { headers: { ...headers, "content-type": "application/json", "x-cache": cache, "server-timing": serverTiming(started, cache) } });
    } catch (err) {
      return handleApiError(err, requestId);
    }
  };
}
