import { createHash } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { encode } from "next-auth/jwt";
import { buildFixtureWarehouse, claim } from "@/lib/testing/rawFixture";
import { createTestAppDatabase } from "@/lib/testing/appDatabase";
import { ACCESS_RULES } from "@/lib/auth/access";
import { GOLD_TABLES, type Warehouse } from "@/lib/warehouse/types";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { z } from "zod";

// Every API endpoint gets hostile input in every parameter and body field. Nothing may answer 5xx or
// leak internals, and neither the gold build nor the app database may change, except by the writes the
// API accepted (each counted from the responses).

const HOSTILE: readonly string[] = [
  "' OR 1=1--",
  "'; DROP TABLE gold.claims; --",
  '" OR ""="',
  "1; DELETE FROM ClaimDecision",
  "/* comment */ 1",
  "-- comment",
  "`id`",
  "\\",
  "-1",
  "-99999999999999999999",
  "99999999999999999999999999",
  "1e308",
  "NaN",
  "Infinity",
  "0x7fffffff",
  "2023-02-30",
  "9999-12-31",
  "0000-00-00",
  "+275760-09-13",
  "1900-01-01",
  "a".repeat(100_000),
  "\u0000",
  "abc\u0000def",
  "🦄💥👨‍👩‍👧",
  "\u202eevil",
  "Ω≈ç√",
  "%00",
  "../../../../etc/passwd",
  "${7*7}",
  "<script>alert(1)</script>",
  "[]",
  "{}",
  "null",
  "true",
  " ",
];

const WRONG_JSON: readonly unknown[] = [null, 0, -1, 1e308, "text", true, [], [{}], {}, { __proto__: { admin: true } }, "a".repeat(100_000)];

interface Endpoint {
  route: string;
  method: "GET" | "POST";
  params: string[];
  /** Path segments taken from the route's [name] parts. */
  pathParams?: Record<string, string>;
  body?: Record<string, unknown>;
}

const LOSS = ["from", "to", "policyType", "borough", "make", "incidentType", "severity", "hour"];
const ENGAGEMENT = ["from", "to", "campaignId", "country", "sort", "dir"];
const CLAIMS = [...LOSS, "failedCheck", "suspicious", "nextBestAction", "decisionStatus", "q", "sort", "dir", "page", "pageSize"];

const ENDPOINTS: Endpoint[] = [
  { route: "/api/loss-summary", method: "GET", params: LOSS },
  { route: "/api/engagement", method: "GET", params: ENGAGEMENT },
  { route: "/api/engagement/accounts", method: "GET", params: ENGAGEMENT },
  { route: "/api/claims", method: "GET", params: CLAIMS },
  { route: "/api/claims/export", method: "GET", params: CLAIMS },
  { route: "/api/claims/[claimNo]", method: "GET", params: [], pathParams: { claimNo: "F1" } },
  { route: "/api/claims/[claimNo]/telematics", method: "GET", params: [], pathParams: { claimNo: "F1" } },
  { route: "/api/claims/[claimNo]/images/[imageName]", method: "GET", params: [], pathParams: { claimNo: "F1", imageName: "F1_1.svg" } },
  { route: "/api/claims/[claimNo]/decisions", method: "GET", params: [], pathParams: { claimNo: "F1" } },
  {
    route: "/api/claims/[claimNo]/decisions",
    method: "POST",
    params: [],
    pathParams: { claimNo: "F1" },
    body: { decision: "investigate", note: "checked", expectedVersion: 0, idempotencyKey: "fuzz-key-0001" },
  },
  { route: "/api/decisions", method: "GET", params: ["since", "after", "limit"] },
  { route: "/api/admin/audit", method: "GET", params: ["action", "actor", "target", "from", "to", "before", "limit"] },
  {
    route: "/api/exports",
    method: "POST",
    params: [],
    body: { dashboard: "loss-summary", tile: "trend", fileName: "loss-summary-trend.csv", rows: 3, filters: { from: "2023-01-01" } },
  },
];

type Handler = (request: NextRequest, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

const SECRET = "test-secret-that-is-long-enough-for-jwt-signing";
let warehouse: Warehouse;
let prisma: PrismaClient;
let dbFile: string;
let warehouseDir: string;
let cookie: string;
const handlers = new Map<string, Handler>();

async function goldChecksum(): Promise<Record<string, string | number>> {
  const pointer = await readFile(path.join(warehouseDir, "CURRENT.json"), "utf8");
  const file = (JSON.parse(pointer) as { file: string }).file;
  const out: Record<string, string | number> = {
    pointer: createHash("sha256").update(pointer).digest("hex"),
    file: createHash("sha256").update(await readFile(path.join(warehouseDir, file))).digest("hex"),
  };
  for (const table of GOLD_TABLES) {
    const rows = await warehouse.query({ name: "fuzzCount", sql: `SELECT count(*) AS n FROM ${warehouse.table(table)}`, params: {}, row: z.object({ n: z.coerce.number() }) });
    out[table] = rows[0]!.n;
  }
  return out;
}

/** Every app table's rows, each table hashed; rows added after `since` (by id) are returned apart. */
function appSnapshot(since?: Record<string, number>) {
  const db = new Database(dbFile, { readonly: true });
  try {
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations' ORDER BY name").all() as Array<{ name: string }>).map((t) => t.name);
    const hashes: Record<string, string> = {};
    const maxIds: Record<string, number> = {};
    const added: Record<string, Array<Record<string, unknown>>> = {};
    for (const table of tables) {
      const rows = db.prepare(`SELECT rowid AS _rowid, * FROM "${table}" ORDER BY rowid`).all() as Array<Record<string, unknown>>;
      const old = since ? rows.filter((r) => (r._rowid as number) <= (since[table] ?? 0)) : rows;
      added[table] = since ? rows.filter((r) => (r._rowid as number) > (since[table] ?? 0)) : [];
      hashes[table] = createHash("sha256").update(JSON.stringify(old)).digest("hex");
      maxIds[table] = rows.reduce((m, r) => Math.max(m, r._rowid as number), 0);
    }
    return { hashes, maxIds, added };
  } finally {
    db.close();
  }
}

function urlOf(e: Endpoint, pathParams: Record<string, string>, search: string): string {
  const p = e.route.replace(/\[(\w+)\]/g, (_, name: string) => encodeURIComponent(pathParams[name] ?? ""));
  return `http://localhost${p}${search}`;
}

async function call(e: Endpoint, options: { search?: string; pathParams?: Record<string, string>; body?: string } = {}): Promise<Response> {
  const pathParams = options.pathParams ?? e.pathParams ?? {};
  const request = new NextRequest(urlOf(e, pathParams, options.search ?? ""), {
    method: e.method,
    headers: { cookie: `next-auth.session-token=${cookie}`, "content-type": "application/json" },
    body: e.method === "POST" ? (options.body ?? JSON.stringify(e.body)) : undefined,
  });
  return handlers.get(`${e.method} ${e.route}`)!(request, { params: Promise.resolve(pathParams) });
}

const tally = { responses: 0, byStatus: new Map<number, number>(), writes: { decisions: 0, audit: 0 } };

/** No 5xx, the error shape on every refusal, no stack trace or SQL in a message; counts accepted writes. */
async function expectHandled(e: Endpoint, res: Response, what: string) {
  tally.responses += 1;
  tally.byStatus.set(res.status, (tally.byStatus.get(res.status) ?? 0) + 1);
  expect(res.status, `${e.method} ${e.route} ${what}`).toBeLessThan(500);
  if (res.status >= 400) {
    const body = (await res.json()) as { error?: { code?: unknown; message?: unknown } };
    expect(typeof body.error?.code, `${what}: error code`).toBe("string");
    expect(String(body.error?.message)).not.toMatch(/\n\s+at |Error:|SELECT |duckdb|prisma/i);
    expect(String(body.error?.message).length).toBeLessThan(600);
  } else {
    await res.arrayBuffer();
    if (e.method === "POST" && e.route.endsWith("/decisions") && res.status === 201) tally.writes.decisions += 1;
    if (e.method === "POST" && e.route.endsWith("/decisions") && res.status === 201) tally.writes.audit += 1;
    if (e.route === "/api/exports" && res.status === 201) tally.writes.audit += 1;
    if (e.route === "/api/claims/export" && res.status === 200) tally.writes.audit += 1;
    if (e.route === "/api/claims/[claimNo]" && res.status === 200) tally.writes.audit += 1;
  }
}

let goldBefore: Record<string, string | number>;
let appBefore: ReturnType<typeof appSnapshot>;

beforeAll(async () => {
  const built = await buildFixtureWarehouse({
    policies: [{ policyNo: "100000001", eff: "01-01-2023", expiry: "01-01-2024", premium: 365, chassisNo: "CHF1" }],
    claims: [claim({ claim_no: "F1", policy_no: "100000001", claim_date: "2023-03-11", incident: { date: "2023-03-10", hour: 8 } })],
    telematics: [["CHF1", 40.7, -73.9, "2023-03-10 08:10:00", 30]],
    images: [{ image_name: "F1_1.svg", image_id: 1, claim_no: "F1", chassis_no: "CHF1" }],
    scores: [{ image_name: "F1_1.svg", severity: 0.3 }],
  });
  warehouse = built.warehouse;
  warehouseDir = built.warehouseDir;
  const images = path.join(built.dataDir, "raw", "accidents", "images");
  await mkdir(images, { recursive: true });
  await writeFile(path.join(images, "F1_1.svg"), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  const db = await createTestAppDatabase();
  prisma = db.prisma;
  dbFile = db.url.replace(/^file:/, "");
  process.env.DATA_DIR = built.dataDir;
  process.env.DATABASE_URL = db.url;
  process.env.NEXTAUTH_SECRET = SECRET;
  const admin = await prisma.user.findUniqueOrThrow({ where: { email: "admin@goldlens.local" } });
  cookie = await encode({ token: { sub: admin.id, email: admin.email, name: admin.name, role: "admin" }, secret: SECRET });
  // Imported once the environment points at the fixture: the app's database client is made on import.
  const modules: Record<string, Record<string, unknown>> = {
    "/api/loss-summary": await import("./loss-summary/route"),
    "/api/engagement": await import("./engagement/route"),
    "/api/engagement/accounts": await import("./engagement/accounts/route"),
    "/api/claims": await import("./claims/route"),
    "/api/claims/export": await import("./claims/export/route"),
    "/api/claims/[claimNo]": await import("./claims/[claimNo]/route"),
    "/api/claims/[claimNo]/telematics": await import("./claims/[claimNo]/telematics/route"),
    "/api/claims/[claimNo]/images/[imageName]": await import("./claims/[claimNo]/images/[imageName]/route"),
    "/api/claims/[claimNo]/decisions": await import("./claims/[claimNo]/decisions/route"),
    "/api/decisions": await import("./decisions/route"),
    "/api/admin/audit": await import("./admin/audit/route"),
    "/api/exports": await import("./exports/route"),
  };
  for (const e of ENDPOINTS) handlers.set(`${e.method} ${e.route}`, modules[e.route]![e.method] as Handler);
  goldBefore = await goldChecksum();
  appBefore = appSnapshot();
});

afterAll(async () => {
  await warehouse?.close();
});

describe("hostile input on every endpoint", () => {
  it("covers every API route of the access table", () => {
    const fuzzed = new Set(ENDPOINTS.map((e) => `${e.method} ${e.route}`));
    for (const rule of ACCESS_RULES) {
      if (!rule.route.startsWith("/api/") || rule.route.startsWith("/api/auth/")) continue;
      for (const method of rule.methods ?? ["GET"]) expect(fuzzed, `${method} ${rule.route} is not fuzzed`).toContain(`${method} ${rule.route}`);
    }
  });

  for (const e of ENDPOINTS) {
    it(`${e.method} ${e.route}: query parameters`, async () => {
      for (const name of [...e.params, "unknownParam"]) {
        for (const value of HOSTILE) {
          await expectHandled(e, await call(e, { search: `?${name}=${encodeURIComponent(value)}` }), `${name}=${JSON.stringify(value.slice(0, 30))}`);
        }
        // Arrays where scalars belong.
        await expectHandled(e, await call(e, { search: `?${name}=1&${name}=2` }), `${name} twice`);
        await expectHandled(e, await call(e, { search: `?${name}[]=1` }), `${name}[]`);
      }
      await expectHandled(e, await call(e, { search: `?${"x".repeat(50_000)}=1` }), "a 50 kB parameter name");
    });

    if (e.pathParams) {
      it(`${e.method} ${e.route}: path segments`, async () => {
        for (const name of Object.keys(e.pathParams!)) {
          for (const value of HOSTILE) {
            await expectHandled(e, await call(e, { pathParams: { ...e.pathParams, [name]: value } }), `${name}=${JSON.stringify(value.slice(0, 30))}`);
          }
        }
      });
    }

    if (e.body) {
      it(`${e.method} ${e.route}: body fields and JSON of the wrong type`, async () => {
        for (const field of [...Object.keys(e.body!), "unknownField"]) {
          const values: unknown[] = [...HOSTILE, ...WRONG_JSON, -1, 2 ** 53, 1e308, -0.5];
          for (const value of values) {
            const body = { ...e.body, [field]: value, ...(field === "idempotencyKey" ? {} : { idempotencyKey: `fuzz-${tally.responses}-key` }) };
            if (!("idempotencyKey" in e.body!)) delete (body as Record<string, unknown>).idempotencyKey;
            await expectHandled(e, await call(e, { body: JSON.stringify(body) }), `${field}=${JSON.stringify(value)?.slice(0, 30)}`);
          }
        }
        for (const raw of [...WRONG_JSON.map((v) => JSON.stringify(v)), "{not json", "", "\u0000", "{".repeat(10_000), JSON.stringify({ nested: { deep: [[[[[[]]]]]] } })]) {
          await expectHandled(e, await call(e, { body: raw }), `body ${raw.slice(0, 30)}`);
        }
      });
    }
  }

  it("left the gold build as it was, and the app database changed only by the writes the API accepted", async () => {
    expect(tally.responses).toBeGreaterThan(2_000);
    expect(await goldChecksum()).toEqual(goldBefore);
    const after = appSnapshot(appBefore.maxIds);
    // Rows that existed before are untouched.
    expect(after.hashes).toEqual(appBefore.hashes);
    expect(after.added.ClaimDecision ?? []).toHaveLength(tally.writes.decisions);
    expect(after.added.AuditEvent ?? []).toHaveLength(tally.writes.audit);
    expect(after.added.User ?? []).toHaveLength(0);
    // Hostile text that was accepted is stored as text.
    for (const row of after.added.AuditEvent ?? []) expect(["claim.viewed", "decision.recorded", "export.csv"]).toContain(row.action);
  });
});
