import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { buildFixtureWarehouse, claim } from "@/lib/testing/rawFixture";
import { createTestAppDatabase } from "@/lib/testing/appDatabase";
import { recordDecision } from "@/lib/decisions";
import { apiErrorBody } from "@/lib/api/lossSummarySchema";
import { claimDetailResponse, claimsResponse } from "@/lib/api/claimsSchema";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Warehouse } from "@/lib/warehouse/types";
import { encode } from "next-auth/jwt";

// Three claims, hand-checked:
//   K1 on A, 2023-03-10 08h, Minor Damage, photo scored 0.3 (Minor), telematics ending 08:20 -> every check passes.
//   K2 on A, incident on A's expiry date -> not in force; no photo, no telematics -> two unknown checks.
//   K3 on B, suspicious, 25,000 claimed on 20,000 insured -> exceeds cover; no photo, no telematics.
// No claim has a severity mismatch: that counter must read 0.
let warehouse: Warehouse;
let prisma: PrismaClient;
let queue: (r: NextRequest) => Promise<Response>;
let detail: (r: NextRequest, c: { params: Promise<{ claimNo: string }> }) => Promise<Response>;
let telematics: (r: NextRequest, c: { params: Promise<{ claimNo: string }> }) => Promise<Response>;
let image: (r: NextRequest, c: { params: Promise<{ claimNo: string; imageName: string }> }) => Promise<Response>;
let decide: (r: NextRequest, c: { params: Promise<{ claimNo: string }> }) => Promise<Response>;
const SECRET = "test-secret-that-is-long-enough-for-jwt-signing";

beforeAll(async () => {
  const built = await buildFixtureWarehouse({
    policies: [
      { policyNo: "100000001", eff: "01-01-2023", expiry: "01-01-2024", premium: 365, sumInsured: "20000.0", chassisNo: "CHA1" },
      { policyNo: "200000002", eff: "01-01-2023", expiry: "01-01-2024", premium: 500, sumInsured: "20000.0", chassisNo: "CHB2", borough: "QUEENS" },
    ],
    claims: [
      claim({ claim_no: "K1", policy_no: "100000001", claim_date: "2023-03-11", incident: { date: "2023-03-10", hour: 8, severity: "Minor Damage" } }),
      claim({ claim_no: "K2", policy_no: "100000001", claim_date: "2024-01-02", incident: { date: "2024-01-01", hour: 9, severity: "Major Damage" } }),
      claim({ claim_no: "K3", policy_no: "200000002", suspicious_activity: true, claim_date: "2023-05-02", incident: { date: "2023-05-01", hour: 17 }, claim_amount: { total: 25000, injury: 0, property: 5000, vehicle: 20000 } }),
    ],
    // 70 mph at 08:10 is outside the last five minutes before the stop at 08:20, so it does not count.
    telematics: [
      ["cha1  ", 40.7, -73.9, "2023-03-10 08:10:00", 70],
      ["CHA1", 40.71, -73.91, "2023-03-10 08:16:00", 40],
      ["CHA1#", 40.72, -73.92, "2023-03-10 08:20:00", 0],
    ],
    images: [{ image_name: "K1_1.svg", image_id: 1, claim_no: "K1", chassis_no: "CHA1" }],
    scores: [{ image_name: "K1_1.svg", severity: 0.3 }],
  });
  warehouse = built.warehouse;
  const images = path.join(built.dataDir, "raw", "accidents", "images");
  await mkdir(images, { recursive: true });
  await writeFile(path.join(images, "K1_1.svg"), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  const db = await createTestAppDatabase();
  prisma = db.prisma;
  process.env.DATA_DIR = built.dataDir;
  process.env.DATABASE_URL = db.url;
  process.env.NEXTAUTH_SECRET = SECRET;
  ({ GET: queue } = await import("./route"));
  ({ GET: detail } = await import("./[claimNo]/route"));
  ({ GET: telematics } = await import("./[claimNo]/telematics/route"));
  ({ GET: image } = await import("./[claimNo]/images/[imageName]/route"));
  ({ POST: decide } = await import("./[claimNo]/decisions/route"));
});

afterAll(async () => {
  await warehouse.close();
  await prisma.$disconnect();
});

const list = async (query = "") => {
  const res = await queue(new NextRequest(`http://localhost/api/claims?${query}`));
  expect(res.status).toBe(200);
  return claimsResponse.parse(await res.json());
};
const params = (claimNo: string) => ({ params: Promise.resolve({ claimNo }) });

describe("GET /api/claims", () => {
  it("counts each category on its own, 0 for an empty one", async () => {
    const q = await list();
    expect(q.counters).toEqual({ claims: 3, suspicious: 1, policyNotInForce: 1, severityMismatch: 0, exceedsCover: 1, needsInvestigation: 2, undecided: 3 });
  });

  it("gives each row a tick, cross or unknown per check and the next best action", async () => {
    const q = await list("sort=claimNo&dir=asc");
    expect(q.rows.map((r) => r.claimNo)).toEqual(["K1", "K2", "K3"]);
    const checks = Object.fromEntries(q.rows.map((r) => [r.claimNo, Object.fromEntries(r.checks.map((c) => [c.id, c.passed]))]));
    expect(checks.K1).toEqual({ amount_within_cover: true, policy_in_force: true, severity_consistent: true, speed_within_limit: true });
    expect(checks.K2).toEqual({ amount_within_cover: true, policy_in_force: false, severity_consistent: null, speed_within_limit: null });
    expect(checks.K3!.amount_within_cover).toBe(false);
    expect(q.rows.map((r) => r.nextBestAction)).toEqual(["release funds", "investigate", "investigate"]);
  });

  it("filters by failed check, suspicion, action, borough and a claim or policy number prefix", async () => {
    expect((await list("failedCheck=policy_in_force")).rows.map((r) => r.claimNo)).toEqual(["K2"]);
    expect((await list("failedCheck=severity_consistent")).rows).toEqual([]);
    expect((await list("suspicious=true")).rows.map((r) => r.claimNo)).toEqual(["K3"]);
    expect((await list("nextBestAction=release%20funds")).rows.map((r) => r.claimNo)).toEqual(["K1"]);
    expect((await list("borough=QUEENS")).rows.map((r) => r.claimNo)).toEqual(["K3"]);
    expect((await list("q=2000")).rows.map((r) => r.claimNo)).toEqual(["K3"]);
    expect((await list("q=K1")).rows.map((r) => r.claimNo)).toEqual(["K1"]);
  });

  it("pages and sorts on the server", async () => {
    const first = await list("sort=amountTotal&dir=desc&pageSize=2&page=1");
    expect(first.total).toBe(3);
    expect(first.rows.map((r) => r.claimNo)).toEqual(["K3", "K1"]);
    const second = await list("sort=amountTotal&dir=desc&pageSize=2&page=2");
    expect(second.rows.map((r) => r.claimNo)).toEqual(["K2"]);
  });

  it("tracks decisions: decided claims leave the undecided count and carry their decision", async () => {
    const user = await prisma.user.findUniqueOrThrow({ where: { email: "investigator@goldlens.local" } });
    // Asked once before the decision: answers are cached per gold build, and a decision must still show.
    expect((await list("decisionStatus=undecided&sort=claimNo&dir=asc")).rows.map((r) => r.claimNo)).toEqual(["K1", "K2", "K3"]);
    expect((await list("sort=claimNo&dir=asc")).counters.undecided).toBe(3);
    await recordDecision(prisma, { claimNo: "K1", decision: "release_funds", expectedVersion: 0, idempotencyKey: "route-test-1", userId: user.id });
    const q = await list("sort=claimNo&dir=asc");
    expect(q.counters.undecided).toBe(2);
    expect(q.rows[0]!.decision).toMatchObject({ decision: "release_funds", version: 1 });
    expect((await list("decisionStatus=undecided&sort=claimNo&dir=asc")).rows.map((r) => r.claimNo)).toEqual(["K2", "K3"]);
    expect((await list("decisionStatus=decided")).rows.map((r) => r.claimNo)).toEqual(["K1"]);
  });

  it.each([
    ["failedCheck=no_such_rule", "failedCheck"],
    ["sort=password", "sort"],
    ["pageSize=100000", "pageSize"],
    ["page=-1", "page"],
    ["q=%27%20OR%201%3D1--", "q"],
    ["suspicious=maybe", "suspicious"],
  ])("rejects %s with a 400 naming %s", async (query, parameter) => {
    const res = await queue(new NextRequest(`http://localhost/api/claims?${query}`));
    expect(res.status).toBe(400);
    expect(apiErrorBody.parse(await res.json()).error.message).toContain(parameter);
  });
});

describe("GET /api/claims/{claimNo}", () => {
  it("shows what each check compared", async () => {
    const res = await detail(new NextRequest("http://localhost/api/claims/K2"), params("K2"));
    const body = claimDetailResponse.parse(await res.json());
    const inForce = body.assessment.checks.find((c) => c.id === "policy_in_force")!;
    expect(inForce).toMatchObject({ passed: false, expected: "[2023-01-01, 2024-01-01)", actual: "2024-01-01" });
    expect(body.images).toEqual([]);
    expect(body.telematics.pointsInIncidentHour).toBe(0);
  });

  it("lists the checks high severity first, then by rule id, each with its rule's name and description", async () => {
    const body = claimDetailResponse.parse(await (await detail(new NextRequest("http://localhost/api/claims/K2"), params("K2"))).json());
    // The seed rules: amount_within_cover and policy_in_force are high, severity_consistent and speed_within_limit medium.
    expect(body.assessment.checks.map((c) => [c.id, c.severity])).toEqual([
      ["amount_within_cover", "high"],
      ["policy_in_force", "high"],
      ["severity_consistent", "medium"],
      ["speed_within_limit", "medium"],
    ]);
    expect(body.assessment.checks[1]).toMatchObject({ name: "Policy in force", description: expect.stringContaining("policy term") });
  });

  it("uses the speed near the incident, not the trip's top speed", async () => {
    const body = claimDetailResponse.parse(await (await detail(new NextRequest("http://localhost/api/claims/K1"), params("K1"))).json());
    expect(body.assessment.speedNearIncident).toBe(40);
    expect(body.assessment.checks.find((c) => c.id === "speed_within_limit")!.passed).toBe(true);
    expect(body.images[0]).toMatchObject({ name: "K1_1.svg", assessedSeverity: "Minor Damage", score: 0.3, illustrative: true });
    expect(body.decision).toMatchObject({ decision: "release_funds" });
  });

  it("answers 404 with the error shape for an unknown claim and 400 for a malformed number", async () => {
    const missing = await detail(new NextRequest("http://localhost/api/claims/NOPE"), params("NOPE"));
    expect(missing.status).toBe(404);
    expect(apiErrorBody.parse(await missing.json()).error.code).toBe("not_found");
    const bad = await detail(new NextRequest("http://localhost/api/claims/x"), params("'; DROP TABLE claims; --"));
    expect(bad.status).toBe(400);
    // The message names the parameter, as every other 400 of the API does.
    expect(apiErrorBody.parse(await bad.json()).error).toEqual({ code: "invalid_parameter", message: "claimNo: is not a claim number" });
    const badTrip = await telematics(new NextRequest("http://localhost/api/claims/-1/telematics"), params("-1"));
    expect(badTrip.status).toBe(400);
    expect(apiErrorBody.parse(await badTrip.json()).error.message).toBe("claimNo: is not a claim number");
  });
});

describe("telematics and images", () => {
  it("returns the trip as a GeoJSON line plus timed points", async () => {
    const sent = performance.now();
    const res = await telematics(new NextRequest("http://localhost/api/claims/K1/telematics"), params("K1"));
    const ms = performance.now() - sent;
    expect(res.headers.get("content-type")).toBe("application/geo+json");
    const handler = /^app;dur=(\d+\.\d{2});desc="route handler"$/.exec(res.headers.get("server-timing") ?? "");
    expect(Number(handler?.[1])).toBeGreaterThan(0);
    expect(Number(handler?.[1])).toBeLessThanOrEqual(ms);
    const body = (await res.json()) as { features: Array<{ geometry: { type: string }; properties: Record<string, unknown> }> };
    expect(body.features.map((f) => f.geometry.type)).toEqual(["LineString", "Point", "Point", "Point"]);
    expect(body.features.slice(1).map((f) => f.properties.speed)).toEqual([70, 40, 0]);
    const none = await (await telematics(new NextRequest("http://localhost/api/claims/K3/telematics"), params("K3"))).json();
    expect(none).toEqual({ type: "FeatureCollection", features: [] });
  });

  it("serves a claim's own image and nothing else", async () => {
    const ok = await image(new NextRequest("http://localhost/x"), { params: Promise.resolve({ claimNo: "K1", imageName: "K1_1.svg" }) });
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toBe("image/svg+xml");
    const other = await image(new NextRequest("http://localhost/x"), { params: Promise.resolve({ claimNo: "K3", imageName: "K1_1.svg" }) });
    expect(other.status).toBe(404);
    const traversal = await image(new NextRequest("http://localhost/x"), { params: Promise.resolve({ claimNo: "K1", imageName: "../../../etc/passwd" }) });
    expect(traversal.status).toBe(400);
  });
});

describe("audit and decisions through the routes", () => {
  it("writes an audit event for every view of a claim's personal data", async () => {
    const before = await prisma.auditEvent.count({ where: { action: "claim.viewed", target: "K3" } });
    await detail(new NextRequest("http://localhost/api/claims/K3"), params("K3"));
    await detail(new NextRequest("http://localhost/api/claims/K3"), params("K3"));
    expect(await prisma.auditEvent.count({ where: { action: "claim.viewed", target: "K3" } })).toBe(before + 2);
  });

  async function asInvestigator(body: unknown, claimNo = "K2") {
    const user = await prisma.user.findUniqueOrThrow({ where: { email: "investigator@goldlens.local" } });
    const cookie = await encode({ token: { sub: user.id, email: user.email, name: user.name, role: "investigator" }, secret: SECRET });
    const request = new NextRequest(`http://localhost/api/claims/${claimNo}/decisions`, {
      method: "POST",
      body: typeof body === "string" ? body : JSON.stringify(body),
      headers: { cookie: `next-auth.session-token=${cookie}`, "content-type": "application/json" },
    });
    return decide(request, params(claimNo));
  }

  it("records a decision once, replays a retry and refuses a stale one with the newer decision", async () => {
    const first = await asInvestigator({ decision: "investigate", note: "photos do not match", expectedVersion: 0, idempotencyKey: "route-post-0001" });
    expect(first.status).toBe(201);
    expect((await first.json()).decision).toMatchObject({ version: 1, decidedBy: "investigator@goldlens.local" });
    const retry = await asInvestigator({ decision: "investigate", note: "photos do not match", expectedVersion: 0, idempotencyKey: "route-post-0001" });
    expect(retry.status).toBe(200);
    expect((await retry.json()).replayed).toBe(true);
    const stale = await asInvestigator({ decision: "deny", note: "fraud ring", expectedVersion: 0, idempotencyKey: "route-post-0002" });
    expect(stale.status).toBe(409);
    const conflict = await stale.json();
    expect(conflict.error.code).toBe("conflict");
    expect(conflict.current).toMatchObject({ version: 1, decision: "investigate" });
  });

  it("refuses an anonymous decision, a missing note and an unknown claim", async () => {
    const anonymous = await decide(
      new NextRequest("http://localhost/api/claims/K3/decisions", { method: "POST", body: JSON.stringify({ decision: "deny", note: "x", expectedVersion: 0, idempotencyKey: "route-post-0003" }) }),
      params("K3"),
    );
    expect(anonymous.status).toBe(401);
    const noNote = await asInvestigator({ decision: "deny", expectedVersion: 0, idempotencyKey: "route-post-0004" }, "K3");
    expect(noNote.status).toBe(422);
    expect((await noNote.json()).error.message).toContain("note");
    const unknown = await asInvestigator({ decision: "release_funds", expectedVersion: 0, idempotencyKey: "route-post-0005" }, "NOPE");
    expect(unknown.status).toBe(404);
    const notJson = await asInvestigator("{not json", "K3");
    expect(notJson.status).toBe(400);
    expect((await notJson.json()).error.message).toContain("body");
  });
});

describe("GET /api/claims/export", () => {
  async function exportCsv(query: string, cookie?: string) {
    const { GET } = await import("./export/route");
    return GET(new NextRequest(`http://localhost/api/claims/export${query}`, { headers: cookie ? { cookie: `next-auth.session-token=${cookie}` } : {} }));
  }

  it("streams the filtered queue as CSV with a column per check, and puts the export on the audit log first", async () => {
    const user = await prisma.user.findUniqueOrThrow({ where: { email: "investigator@goldlens.local" } });
    const cookie = await encode({ token: { sub: user.id, email: user.email, name: user.name, role: "investigator" }, secret: SECRET });
    const res = await exportCsv("?failedCheck=amount_within_cover&page=3", cookie);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="claims-queue-all-dates.csv"');
    expect(res.headers.get("x-export-rows")).toBe("1");
    // Bytes, not res.text(): the decoder would drop the byte order mark the file must start with.
    const text = Buffer.from(await res.arrayBuffer()).toString("utf8");
    expect(text.startsWith("\uFEFF")).toBe(true);
    const lines = text.slice(1).trimEnd().split("\r\n");
    // Only K3 claims more than its cover; page=3 of the queue's paging does not narrow an export.
    expect(lines).toHaveLength(2);
    const header = lines[0]!.split(",");
    const row = Object.fromEntries(lines[1]!.split(",").map((v, i) => [header[i], v]));
    expect(row).toMatchObject({ claimNo: "K3", policyNo: "200000002", amountTotal: "25000", suspicious: "true", check_amount_within_cover: "failed" });
    expect(header.filter((h) => h.startsWith("check_")).length).toBeGreaterThanOrEqual(3);
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { action: "export.csv", target: "claims-queue" }, orderBy: { id: "desc" } });
    expect(event.userId).toBe(user.id);
    expect(JSON.parse(event.detail!)).toMatchObject({ rows: 1, total: 1, fileName: "claims-queue-all-dates.csv", filters: { failedCheck: "amount_within_cover" } });
  });

  it("exports every claim once when nothing narrows the queue", async () => {
    const res = await exportCsv("?sort=amountTotal&dir=desc");
    const lines = (await res.text()).trimEnd().split("\r\n");
    expect(lines.slice(1).map((l) => l.split(",")[0])).toEqual(["K3", "K1", "K2"]);
  });

  it("refuses bad filters with 400 and records nothing", async () => {
    const before = await prisma.auditEvent.count({ where: { action: "export.csv" } });
    const res = await exportCsv("?from=2023-02-30&to=2023-03-01");
    expect(res.status).toBe(400);
    expect(apiErrorBody.parse(await res.json()).error.message).toMatch(/^from:/);
    expect(await prisma.auditEvent.count({ where: { action: "export.csv" } })).toBe(before);
  });
});
