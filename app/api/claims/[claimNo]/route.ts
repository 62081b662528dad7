// GET /api/claims/{claimNo}: one claim with policy, driver, vehicle, checks, images and decisions.
import { randomUUID } from "node:crypto";
import { NextResponse, type NextRequest } from "next/server";
import { getWarehouse } from "@/lib/warehouse";
import { prisma } from "@/lib/db";
import { handleApiError } from "@/lib/api/errors";
import { buildClaimDetail } from "@/lib/api/claims";
import { claimNo as claimNoSchema } from "@/lib/api/claimsSchema";
import { getRequestUser } from "@/lib/auth/requestUser";
import { audit } from "@/lib/audit";

export const dynamic = "force-dynamic";

export async function GET(request: NextRequest, { params }: { params: Promise<{ claimNo: string }> }) {
  const requestId = request.headers.get("x-request-id") ?? randomUUID();
  try {
    const claimNo = claimNoSchema.parse((await params).claimNo);
    const body = await buildClaimDetail(getWarehouse(), prisma, claimNo, request.signal);
    // The case carries personal data: every view is on record, written before the data leaves.
    const user = await getRequestUser(request);
    await audit({ action: "claim.viewed", userId: user?.id, actorEmail: user?.email, target: claimNo, requestId });
    return NextResponse.json(body, { headers: { "x-request-id": requestId, "cache-control": "private, no-store" } });
  } catch (err) {
    return handleApiError(err, requestId);
  }
}
