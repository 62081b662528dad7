import "server-only";
import type { PrismaClient } from "./generated/prisma/client";
import type { Decision, DecisionRequest } from "./api/claimsSchema";
import { DECISIONS } from "./api/claimsSchema";

type DecisionRow = {
  id: number;
  claimNo: string;
  version: number;
  decision: string;
  note: string | null;
  createdAt: Date;
  user: { email: string };
};

export function toDecision(row: DecisionRow): Decision {
  const decision = DECISIONS.find((d) => d === row.decision);
  if (!decision) throw new Error(`stored decision ${row.id} has unknown value ${row.decision}`);
  return {
    id: row.id,
    claimNo: row.claimNo,
    version: row.version,
    decision,
    note: row.note,
    decidedBy: row.user.email,
    decidedAt: row.createdAt.toISOString(),
  };
}

/** A decision was made on a view older than the claim's latest decision. */
export class DecisionConflict extends Error {
  constructor(readonly current: Decision) {
    super(`claim ${current.claimNo} was decided (version ${current.version}) after this view was loaded`);
    this.name = "DecisionConflict";
  }
}

/** An idempotency key that was already used for a different claim or decision. */
export class IdempotencyKeyReused extends Error {}

const withUser = { user: { select: { email: true } } } as const;

export async function latestDecision(prisma: PrismaClient, claimNo: string): Promise<Decision | null> {
  const row = await prisma.claimDecision.findFirst({ where: { claimNo }, orderBy: { version: "desc" }, include: withUser });
  return row ? toDecision(row) : null;
}

export async function decisionHistory(prisma: PrismaClient, claimNo: string): Promise<Decision[]> {
  const rows = await prisma.claimDecision.findMany({ where: { claimNo }, orderBy: { version: "desc" }, include: withUser });
  return rows.map(toDecision);
}

/** The latest decision of each of the given claims. */
export async function latestDecisionsFor(prisma: PrismaClient, claimNos: string[]): Promise<Map<string, Decision>> {
  if (claimNos.length === 0) return new Map();
  const rows = await prisma.claimDecision.findMany({
    where: { claimNo: { in: claimNos } },
    orderBy: [{ claimNo: "asc" }, { version: "desc" }],
    distinct: ["claimNo"],
    include: withUser,
  });
  return new Map(rows.map((r) => [r.claimNo, toDecision(r)]));
}

/** Every claim number with at least one decision. */
export async function decidedClaimNos(prisma: PrismaClient): Promise<string[]> {
  const rows = await prisma.claimDecision.findMany({ select: { claimNo: true }, distinct: ["claimNo"] });
  return rows.map((r) => r.claimNo);
}

function isUniqueViolation(err: unknown): boolean {
  return typeof err === "object" && err !== null && (err as { code?: string }).code === "P2002";
}

/**
 * Records a decision as the claim's next version, in one transaction with its audit event. A decision made
 * on a stale version is refused with the newer decision; a retried request (same idempotency key) returns
 * what the first one recorded instead of recording twice.
 */
export async function recordDecision(
  prisma: PrismaClient,
  input: DecisionRequest & { claimNo: string; userId: string; requestId?: string },
): Promise<{ decision: Decision; replayed: boolean }> {
  const replay = async () => {
    const existing = await prisma.claimDecision.findUnique({ where: { idempotencyKey: input.idempotencyKey }, include: withUser });
    if (!existing) return null;
    if (existing.claimNo !== input.claimNo || existing.decision !== input.decision) {
      throw new IdempotencyKeyReused(`idempotencyKey was already used for another decision`);
    }
    return { decision: toDecision(existing), replayed: true };
  };
  const earlier = await replay();
  if (earlier) return earlier;
  try {
    return await prisma.$transaction(async (tx) => {
      const latest = await tx.claimDecision.findFirst({ where: { claimNo: input.claimNo }, orderBy: { version: "desc" }, include: withUser });
      const current = latest?.version ?? 0;
      if (current !== input.expectedVersion) throw new DecisionConflict(toDecision(latest!));
      const created = await tx.claimDecision.create({
        data: {
          claimNo: input.claimNo,
          version: current + 1,
          decision: input.decision,
          note: input.note ?? null,
          userId: input.userId,
          idempotencyKey: input.idempotencyKey,
        },
        include: withUser,
      });
      await tx.auditEvent.create({
        data: {
          userId: input.userId,
          actorEmail: created.user.email,
          action: "decision.recorded",
          target: input.claimNo,
          requestId: input.requestId ?? null,
          detail: JSON.stringify({ decision: input.decision, version: created.version }),
        },
      });
      return { decision: toDecision(created), replayed: false };
    });
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    // A concurrent request won the race: either the same retry (replay it) or another decision (conflict).
    const raced = await replay();
    if (raced) return raced;
    const latest = await latestDecision(prisma, input.claimNo);
    if (latest) throw new DecisionConflict(latest);
    throw err;
  }
}

/** Decisions in recording order after a cursor, for the claims system to pull; ids only grow, so pages are stable. */
export async function decisionsFeed(prisma: PrismaClient, opts: { since?: Date; after?: number; limit: number }) {
  const rows = await prisma.claimDecision.findMany({
    where: { id: { gt: opts.after ?? 0 }, ...(opts.since ? { createdAt: { gte: opts.since } } : {}) },
    orderBy: { id: "asc" },
    take: opts.limit + 1,
    include: withUser,
  });
  const page = rows.slice(0, opts.limit);
  return { decisions: page.map(toDecision), nextCursor: rows.length > opts.limit ? page[page.length - 1]!.id : null };
}
