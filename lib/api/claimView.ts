import "server-only";
import { audit } from "../audit";
import { prisma } from "../db";
import { getWarehouse } from "../warehouse";
import { buildClaimDetail } from "./claims";
import type { ClaimDetailResponse } from "./claimsSchema";

/**
 * One claim as an investigator sees it, for GET /api/claims/{claimNo} and the case page's first render alike.
 * The case carries personal data: every view is on record, written before the data leaves. An unknown claim
 * is an ApiError not_found, and writes nothing.
 */
export async function viewClaim(
  claimNo: string,
  viewer: { id: string; email: string } | null,
  requestId: string,
  signal?: AbortSignal,
): Promise<ClaimDetailResponse> {
  const body = await buildClaimDetail(getWarehouse(), prisma, claimNo, signal);
  await audit({ action: "claim.viewed", userId: viewer?.id, actorEmail: viewer?.email, target: claimNo, requestId });
  return body;
}
