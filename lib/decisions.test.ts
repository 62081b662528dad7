import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestAppDatabase } from "./testing/appDatabase";
import { DecisionConflict, IdempotencyKeyReused, decisionHistory, decisionsFeed, latestDecisionsFor, recordDecision } from "./decisions";
import type { PrismaClient } from "./generated/prisma/client";

let prisma: PrismaClient;
let investigator: string;
let admin: string;

beforeAll(async () => {
  ({ prisma } = await createTestAppDatabase());
  investigator = (await prisma.user.findUniqueOrThrow({ where: { email: "investigator@goldlens.local" } })).id;
  admin = (await prisma.user.findUniqueOrThrow({ where: { email: "admin@goldlens.local" } })).id;
});

afterAll(async () => {
  await prisma.$disconnect();
});

const decide = (claimNo: string, expectedVersion: number, key: string, userId = investigator, decision: "release_funds" | "investigate" | "deny" = "investigate") =>
  recordDecision(prisma, { claimNo, decision, note: decision === "release_funds" ? undefined : "checked the photos", expectedVersion, idempotencyKey: key, userId });

describe("claim decisions", () => {
  it("records versions in order, with an audit event each, newest first in the history", async () => {
    const first = await decide("CLM-A", 0, "key-a-0001");
    const second = await decide("CLM-A", 1, "key-a-0002", admin, "deny");
    expect([first.decision.version, second.decision.version]).toEqual([1, 2]);
    const history = await decisionHistory(prisma, "CLM-A");
    expect(history.map((d) => [d.version, d.decision, d.decidedBy])).toEqual([
      [2, "deny", "admin@goldlens.local"],
      [1, "investigate", "investigator@goldlens.local"],
    ]);
    expect(await prisma.auditEvent.count({ where: { action: "decision.recorded", target: "CLM-A" } })).toBe(2);
  });

  it("refuses a decision made on a stale view and returns the newer decision", async () => {
    await decide("CLM-B", 0, "key-b-0001");
    const stale = decide("CLM-B", 0, "key-b-0002", admin, "release_funds");
    await expect(stale).rejects.toBeInstanceOf(DecisionConflict);
    await expect(stale).rejects.toMatchObject({ current: { version: 1, decidedBy: "investigator@goldlens.local" } });
    expect((await decisionHistory(prisma, "CLM-B")).length).toBe(1);
  });

  it("records a retried submit once", async () => {
    const a = await decide("CLM-C", 0, "key-c-0001");
    const b = await decide("CLM-C", 0, "key-c-0001");
    expect(b).toEqual({ decision: a.decision, replayed: true });
    expect(await prisma.claimDecision.count({ where: { claimNo: "CLM-C" } })).toBe(1);
    await expect(decide("CLM-D", 0, "key-c-0001")).rejects.toBeInstanceOf(IdempotencyKeyReused);
  });

  it("lets exactly one of two concurrent decisions on the same version win", async () => {
    const results = await Promise.allSettled([decide("CLM-E", 0, "key-e-0001"), decide("CLM-E", 0, "key-e-0002", admin, "deny")]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(rejected).toHaveLength(1);
    expect(rejected[0]!.reason).toBeInstanceOf(DecisionConflict);
    expect(await prisma.claimDecision.count({ where: { claimNo: "CLM-E" } })).toBe(1);
  });

  it("gives the latest decision per claim and a stable, paginated feed", async () => {
    const latest = await latestDecisionsFor(prisma, ["CLM-A", "CLM-B", "CLM-NONE"]);
    expect(latest.get("CLM-A")?.version).toBe(2);
    expect(latest.has("CLM-NONE")).toBe(false);
    const all = await prisma.claimDecision.count();
    const seen: number[] = [];
    let after: number | undefined;
    for (;;) {
      const page = await decisionsFeed(prisma, { after, limit: 2 });
      seen.push(...page.decisions.map((d) => d.id));
      if (page.nextCursor === null) break;
      after = page.nextCursor;
    }
    expect(seen).toHaveLength(all);
    expect([...seen].sort((x, y) => x - y)).toEqual(seen);
    const future = await decisionsFeed(prisma, { since: new Date(Date.now() + 60_000), limit: 10 });
    expect(future.decisions).toEqual([]);
  });
});
