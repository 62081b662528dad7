import { beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { encode } from "next-auth/jwt";
import { createTestAppDatabase } from "@/lib/testing/appDatabase";
import { auditResponse } from "@/lib/api/auditSchema";
import { apiErrorBody } from "@/lib/api/lossSummarySchema";
import type { PrismaClient } from "@/lib/generated/prisma/client";

// Five hand-placed events, oldest first:
//   e1 2026-01-01 10:00 auth.signed_in      admin
//   e2 2026-01-02 09:00 claim.viewed  CLM1  investigator
//   e3 2026-01-03 00:00 claim.viewed  CLM2  investigator
//   e4 2026-01-03 23:59 export.csv          executive (detail {rows: 12})
//   e5 2026-01-04 08:00 auth.sign_in_failed mallory@example.com (no user)
let prisma: PrismaClient;
let ids: number[] = [];
let GET: (r: NextRequest) => Promise<Response>;
let POST: (r: NextRequest) => Promise<Response>;
const SECRET = "test-secret-that-is-long-enough-for-jwt-signing";

beforeAll(async () => {
  const db = await createTestAppDatabase();
  prisma = db.prisma;
  process.env.DATABASE_URL = db.url;
  process.env.NEXTAUTH_SECRET = SECRET;
  await prisma.auditEvent.deleteMany();
  const user = (email: string) => prisma.user.findUniqueOrThrow({ where: { email } });
  const [admin, investigator, exec] = await Promise.all([user("admin@goldlens.local"), user("investigator@goldlens.local"), user("exec@goldlens.local")]);
  const rows = [
    { at: "2026-01-01T10:00:00Z", action: "auth.signed_in", userId: admin.id, actorEmail: admin.email },
    { at: "2026-01-02T09:00:00Z", action: "claim.viewed", userId: investigator.id, actorEmail: investigator.email, target: "CLM1" },
    { at: "2026-01-03T00:00:00Z", action: "claim.viewed", userId: investigator.id, actorEmail: investigator.email, target: "CLM2" },
    { at: "2026-01-03T23:59:59Z", action: "export.csv", userId: exec.id, actorEmail: exec.email, target: "loss-summary/trend", detail: JSON.stringify({ rows: 12 }) },
    { at: "2026-01-04T08:00:00Z", action: "auth.sign_in_failed", actorEmail: "mallory@example.com" },
  ];
  ids = [];
  for (const r of rows) ids.push((await prisma.auditEvent.create({ data: { ...r, at: new Date(r.at) } })).id);
  ({ GET } = await import("./route"));
  ({ POST } = await import("../../exports/route"));
});

async function list(query: string) {
  const res = await GET(new NextRequest(`http://localhost/api/admin/audit${query}`));
  expect(res.status).toBe(200);
  return auditResponse.parse(await res.json());
}

const idsOf = (r: { events: Array<{ id: number }> }) => r.events.map((e) => ids.indexOf(e.id) + 1);

describe("GET /api/admin/audit", () => {
  it("lists newest first in keyset pages", async () => {
    const first = await list("?limit=2");
    expect(first.total).toBe(5);
    expect(idsOf(first)).toEqual([5, 4]);
    const second = await list(`?limit=2&before=${first.nextBefore}`);
    expect(idsOf(second)).toEqual([3, 2]);
    const third = await list(`?limit=2&before=${second.nextBefore}`);
    expect(idsOf(third)).toEqual([1]);
    expect(third.nextBefore).toBeNull();
  });

  it("filters by action, part of the email, target prefix and inclusive dates", async () => {
    expect(idsOf(await list("?action=claim.viewed"))).toEqual([3, 2]);
    expect(idsOf(await list("?actor=INVEST"))).toEqual([3, 2]);
    expect(idsOf(await list("?target=CLM1"))).toEqual([2]);
    expect(idsOf(await list("?from=2026-01-03&to=2026-01-03"))).toEqual([4, 3]);
    const filtered = await list("?action=claim.viewed&limit=1");
    expect(filtered.total).toBe(2);
  });

  it("carries the actor's name and the parsed detail", async () => {
    const [e4] = (await list("?action=export.csv")).events;
    expect(e4).toMatchObject({ actorName: "Demo Executive", actorEmail: "exec@goldlens.local", target: "loss-summary/trend", detail: { rows: 12 } });
    const [e5] = (await list("?action=auth.sign_in_failed")).events;
    expect(e5).toMatchObject({ actorName: null, actorEmail: "mallory@example.com" });
  });

  it.each([
    ["?action=drop%20table", "action"],
    ["?from=2026-01-05&to=2026-01-01", "from"],
    ["?limit=0", "limit"],
    ["?before=-3", "before"],
    ["?actor=a&actor=b", "actor"],
    ["?password=x", "request"],
  ])("answers 400 naming the parameter for %s", async (query, field) => {
    const res = await GET(new NextRequest(`http://localhost/api/admin/audit${query}`));
    expect(res.status).toBe(400);
    expect(apiErrorBody.parse(await res.json()).error.message.startsWith(`${field}:`)).toBe(true);
  });
});

describe("POST /api/exports", () => {
  async function post(email: string | null, role: string, body: unknown) {
    const user = email ? await prisma.user.findUniqueOrThrow({ where: { email } }) : null;
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (user) headers.cookie = `next-auth.session-token=${await encode({ token: { sub: user.id, email: user.email, name: user.name, role }, secret: SECRET })}`;
    return POST(new NextRequest("http://localhost/api/exports", { method: "POST", headers, body: typeof body === "string" ? body : JSON.stringify(body) }));
  }
  const record = { dashboard: "loss-summary", tile: "incidents-by-type", fileName: "loss-summary-incidents-by-type-2025-07-01-2026-06-30.csv", rows: 7, filters: { from: "2025-07-01", to: "2026-06-30" } };

  it("records a tile export by a role that may open the dashboard", async () => {
    const res = await post("exec@goldlens.local", "executive", record);
    expect(res.status).toBe(201);
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { action: "export.csv", target: "loss-summary/incidents-by-type" } });
    expect(event.actorEmail).toBe("exec@goldlens.local");
    expect(JSON.parse(event.detail!)).toEqual({ fileName: record.fileName, rows: 7, filters: record.filters });
  });

  it("refuses an export from a dashboard the role may not open, and anonymous callers", async () => {
    expect((await post("marketing@goldlens.local", "marketing", record)).status).toBe(403);
    expect((await post(null, "", record)).status).toBe(401);
  });

  it.each([
    [{ ...record, fileName: "../../etc/passwd" }, 422, "fileName"],
    [{ ...record, rows: -1 }, 422, "rows"],
    [{ ...record, dashboard: "claims" }, 422, "dashboard"],
    [{ ...record, extra: 1 }, 422, "request"],
    [[record], 422, "request"],
    ["{not json", 400, "body"],
    [JSON.stringify({ ...record, fileName: "x".repeat(100_000) }), 400, "body"],
  ])("refuses a bad body (%#) with %i naming %s and records nothing", async (body, status, field) => {
    const before = await prisma.auditEvent.count();
    const res = await post("exec@goldlens.local", "executive", body);
    expect(res.status).toBe(status);
    expect(apiErrorBody.parse(await res.json()).error.message.startsWith(`${field}:`)).toBe(true);
    expect(await prisma.auditEvent.count()).toBe(before);
  });
});
