// GET /api/decisions?since=ISO-TIME&after=CURSOR: decisions in recording order, for the claims system to pull.
import { randomUUID } from "node:crypto";
import type { NextRequest } from "next/server";
import { prisma } from "@/lib/db";
import { handleApiError } from "@/lib/api/errors";
import { jsonAnswer } from "@/lib/api/serverTiming";
import { parseSearchParams } from "@/lib/api/parseRequest";
import { decisionsFeedQuery, decisionsFeedResponse } from "@/lib/api/claimsSchema";
import { decisionsFeed } from "@/lib/decisions";

export const dynamic = "force-dynamic";

export async function GET(request: NextRequest) {
  const started = performance.now();
  const requestId = request.headers.get("x-request-id") ?? randomUUID();
  try {
    const q = parseSearchParams(request.nextUrl, decisionsFeedQuery);
    const page = await decisionsFeed(prisma, { since: q.since ? new Date(q.since) : undefined, after: q.after, limit: q.limit });
    return jsonAnswer(decisionsFeedResponse.parse(page), started, { "x-request-id": requestId, "cache-control": "no-store" });
  } catch (err) {
    return handleApiError(err, requestId);
  }
}
