// GET|POST /api/claims/{claimNo}/decisions: the claim's decision history; record a decision on a known version.
import { randomUUID } from "node:crypto";
import { NextResponse, type NextRequest } from "next/server";
import { prisma } from "@/lib/db";
import { getWarehouse } from "@/lib/warehouse";
import { ApiError, errorResponse, handleApiError } from "@/lib/api/errors";
import { jsonAnswer } from "@/lib/api/serverTiming";
import { parseJsonBody } from "@/lib/api/parseRequest";
import { claimExists } from "@/lib/api/claims";
import { claimPath, decisionRequest } from "@/lib/api/claimsSchema";
import { DecisionConflict, IdempotencyKeyReused, decisionHistory, recordDecision } from "@/lib/decisions";
import { getRequestUser } from "@/lib/auth/requestUser";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ claimNo: string }> };

async function knownClaim(claimNo: string, signal: AbortSignal) {
  if (!(await claimExists(getWarehouse(), claimNo, signal))) throw new ApiError("not_found", `No claim ${claimNo}.`);
}

export async function GET(request: NextRequest, { params }: Context) {
  const started = performance.now();
  const requestId = request.headers.get("x-request-id") ?? randomUUID();
  try {
    const { claimNo } = claimPath.parse(await params);
    return jsonAnswer({ decisions: await decisionHistory(prisma, claimNo) }, started, { "x-request-id": requestId });
  } catch (err) {
    return handleApiError(err, requestId);
  }
}

export async function POST(request: NextRequest, { params }: Context) {
  const started = performance.now();
  const requestId = request.headers.get("x-request-id") ?? randomUUID();
  try {
    const user = await getRequestUser(request);
    if (!user) throw new ApiError("unauthorized", "Sign in to record a decision.");
    const { claimNo } = claimPath.parse(await params);
    const body = await parseJsonBody(request, decisionRequest);
    await knownClaim(claimNo, request.signal);
    const { decision, replayed } = await recordDecision(prisma, { ...body, claimNo, userId: user.id, requestId });
    return jsonAnswer({ decision, replayed }, started, { "x-request-id": requestId }, replayed ? 200 : 201);
  } catch (err) {
    if (err instanceof DecisionConflict) {
      return NextResponse.json(
        { error: { code: "conflict", message: `This claim was decided by ${err.current.decidedBy} after you loaded it. Review their decision and resubmit.` }, current: err.current },
        { status: 409, headers: { "x-request-id": requestId } },
      );
    }
    // The session names a user the app database no longer has (it was reset): sign in again.
    if ((err as { code?: string }).code === "P2003") return errorResponse("unauthorized", "Your session refers to a user this app no longer knows. Sign in again.", requestId);
    if (err instanceof IdempotencyKeyReused) return errorResponse("unprocessable", `idempotencyKey: ${err.message}`, requestId);
    return handleApiError(err, requestId);
  }
}
