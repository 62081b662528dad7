// GET /api/claims/{claimNo}/telematics: the vehicle's trip window around the incident as GeoJSON.
import { randomUUID } from "node:crypto";
import type { NextRequest } from "next/server";
import { getWarehouse } from "@/lib/warehouse";
import { handleApiError } from "@/lib/api/errors";
import { jsonAnswer } from "@/lib/api/serverTiming";
import { buildClaimTelematics } from "@/lib/api/claims";
import { claimPath } from "@/lib/api/claimsSchema";

export const dynamic = "force-dynamic";

export async function GET(request: NextRequest, { params }: { params: Promise<{ claimNo: string }> }) {
  const started = performance.now();
  const requestId = request.headers.get("x-request-id") ?? randomUUID();
  try {
    const { claimNo } = claimPath.parse(await params);
    const body = await buildClaimTelematics(getWarehouse(), claimNo, request.signal);
    return jsonAnswer(body, started, { "x-request-id": requestId, "cache-control": "private, no-store", "content-type": "application/geo+json" });
  } catch (err) {
    return handleApiError(err, requestId);
  }
}
