// GET /api/loss-summary: every figure of the Loss Summary page for one period and set of filters.
import { createHash, randomUUID } from "node:crypto";
import { NextResponse, type NextRequest } from "next/server";
import { getWarehouse } from "@/lib/warehouse";
import { handleApiError } from "@/lib/api/errors";
import { parseSearchParams } from "@/lib/api/parseRequest";
import { createResponseCache } from "@/lib/api/responseCache";
import { buildLossSummary } from "@/lib/api/lossSummary";
import { lossSummaryQuery, type LossSummaryResponse } from "@/lib/api/lossSummarySchema";

export const dynamic = "force-dynamic";

const cache = createResponseCache<LossSummaryResponse>();

export async function GET(request: NextRequest) {
  const requestId = request.headers.get("x-request-id") ?? randomUUID();
  try {
    const query = parseSearchParams(request.nextUrl, lossSummaryQuery);
    const warehouse = getWarehouse();
    const buildId = await warehouse.buildId();
    const key = JSON.stringify(Object.entries(query).sort(([a], [b]) => a.localeCompare(b)));
    const etag = `"${createHash("sha256").update(`${buildId}|${key}`).digest("base64url").slice(0, 27)}"`;
    const headers = { etag, "cache-control": "private, no-cache", "x-request-id": requestId };
    if (request.headers.get("if-none-match") === etag) return new NextResponse(null, { status: 304, headers });
    const { value, hit } = await cache.get(buildId, key, () => buildLossSummary(warehouse, query, request.signal));
    return NextResponse.json(value, { headers: { ...headers, "x-cache": hit ? "hit" : "miss" } });
  } catch (err) {
    return handleApiError(err, requestId);
  }
}
