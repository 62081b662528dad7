// GET /api/claims: one page of the claims queue with its counters, filtered, sorted and searched.
import { randomUUID } from "node:crypto";
import type { NextRequest } from "next/server";
import { getWarehouse } from "@/lib/warehouse";
import { prisma } from "@/lib/db";
import { handleApiError } from "@/lib/api/errors";
import { jsonAnswer } from "@/lib/api/serverTiming";
import { parseSearchParams } from "@/lib/api/parseRequest";
import { buildClaimsQueue } from "@/lib/api/claims";
import { claimsQuery } from "@/lib/api/claimsSchema";

export const dynamic = "force-dynamic";

export async function GET(request: NextRequest) {
  const started = performance.now();
  const requestId = request.headers.get("x-request-id") ?? randomUUID();
  try {
    const query = parseSearchParams(request.nextUrl, claimsQuery);
    const body = await buildClaimsQueue(getWarehouse(), prisma, query, request.signal);
    return jsonAnswer(body, started, { "x-request-id": requestId, "cache-control": "private, no-store" });
  } catch (err) {
    return handleApiError(err, requestId);
  }
}
