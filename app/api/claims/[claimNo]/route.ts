// GET /api/claims/{claimNo}: one claim with policy, driver, vehicle, checks, images and decisions.
import { randomUUID } from "node:crypto";
import type { NextRequest } from "next/server";
import { viewClaim } from "@/lib/api/claimView";
import { handleApiError } from "@/lib/api/errors";
import { jsonAnswer } from "@/lib/api/serverTiming";
import { claimPath } from "@/lib/api/claimsSchema";
import { getRequestUser } from "@/lib/auth/requestUser";

export const dynamic = "force-dynamic";

export async function GET(request: NextRequest, { params }: { params: Promise<{ claimNo: string }> }) {
  const started = performance.now();
  const requestId = request.headers.get("x-request-id") ?? randomUUID();
  try {
    const { claimNo } = claimPath.parse(await params);
    const body = await viewClaim(claimNo, await getRequestUser(request), requestId, request.signal);
    return jsonAnswer(body, started, { "x-request-id": requestId, "cache-control": "private, no-store" });
  } catch (err) {
    return handleApiError(err, requestId);
  }
}
