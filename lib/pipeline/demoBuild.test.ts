import { createHash } from "node:crypto";
import { mkdtemp, readFile, readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { generate } from "../generator/generate";
import { runPipeline } from "./run";
import { createDuckDbWarehouse } from "../warehouse/duckdb";
import { GOLD_TABLES, type Warehouse } from "../warehouse/types";
import { getLossKpis } from "../queries/getLossKpis";

// The generator and the pipeline end to end on demo-scale data.
let rawDir: string;
let warehouse: Warehouse;

beforeAll(async () => {
  rawDir = path.join(await mkdtemp(path.join(tmpdir(), "goldlens-demo-")), "raw");
  await generate({ scale: "demo", seed: 7, outDir: rawDir });
  const warehouseDir = await mkdtemp(path.join(tmpdir(), "goldlens-demo-wh-"));
  await runPipeline({ rawDir, warehouseDir, memoryLimit: "2GB" });
  warehouse = createDuckDbWarehouse({ warehouseDir });
}, 300_000);

afterAll(async () => {
  await warehouse?.close();
});

async function sql<Row>(query: string, row: z.ZodType<Row>): Promise<Row[]> {
  return warehouse.query({ name: "test.sql", sql: query, params: {}, row });
}

async function fileDigests(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const walk = async (d: string) => {
    for (const e of await readdir(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) await walk(p);
      else out.set(path.relative(dir, p), createHash("sha256").update(await readFile(p)).digest("hex"));
    }
  };
  await walk(dir);
  return out;
}

describe("demo data generator", () => {
  it("writes the same bytes for the same seed and different data for another", async () => {
    const base = await mkdtemp(path.join(tmpdir(), "goldlens-det-"));
    await generate({ scale: "demo", seed: 7, outDir: path.join(base, "a") });
    await generate({ scale: "demo", seed: 8, outDir: path.join(base, "b") });
    const [same, first, other] = await Promise.all([fileDigests(rawDir), fileDigests(path.join(base, "a")), fileDigests(path.join(base, "b"))]);
    expect(first.size).toBeGreaterThan(4000);
    expect(first).toEqual(same);
    expect(other.get("claims/claims.jsonl")).not.toBe(first.get("claims/claims.jsonl"));
  }, 120_000);

  it("has the volumes of the demo scale", async () => {
    const manifest = JSON.parse(await readFile(path.join(rawDir, "manifest.json"), "utf8")) as { files: Record<string, number> };
    const f = manifest.files;
    expect(f["policies/policies.csv"]).toBe(20_000);
    expect(f["claims/claims.jsonl"]).toBe(5_000);
    expect(f["marketo/lead.parquet"]).toBe(2_000);
    const activities = f["marketo/activity_send_email.parquet"]! + f["marketo/activity_open_email.parquet"]! + f["marketo/activity_click_email.parquet"]!;
    expect(activities).toBeGreaterThan(90_000);
    expect(activities).toBeLessThan(110_000);
  });

  it("prices the book so the loss ratio lands between 0.60 and 0.70", async () => {
    const [all] = await getLossKpis.run(warehouse, { from: "2000-01-01", to: "2030-12-31" });
    expect(all!.loss_ratio).toBeGreaterThanOrEqual(0.6);
    expect(all!.loss_ratio).toBeLessThanOrEqual(0.7);
    // The dashboards open on the last 12 complete months of the data.
    const [{ as_of }] = await sql(`SELECT CAST(claims_as_of AS STRING) AS as_of FROM ${warehouse.table("build_info")}`, z.object({ as_of: z.string() }));
    const end = new Date(`${as_of!.slice(0, 7)}-01T00:00:00Z`);
    end.setUTCDate(0);
    const start = new Date(Date.UTC(end.getUTCFullYear() - 1, end.getUTCMonth() + 1, 1));
    const [recent] = await getLossKpis.run(warehouse, { from: start.toISOString().slice(0, 10), to: end.toISOString().slice(0, 10) });
    expect(recent!.loss_ratio).toBeGreaterThanOrEqual(0.6);
    expect(recent!.loss_ratio).toBeLessThanOrEqual(0.7);
  });

  it("peaks incident hours at commute times", async () => {
    const rows = await sql(
      `SELECT incident_hour AS hour, count(*) AS n FROM ${warehouse.table("claims")} WHERE incident_hour IS NOT NULL GROUP BY 1`,
      z.object({ hour: z.number(), n: z.coerce.number() }),
    );
    const n = new Map(rows.map((r) => [r.hour, r.n]));
    const night = n.get(3) ?? 0;
    expect(n.get(8)!).toBeGreaterThan(3 * night);
    expect(Math.max(n.get(17)!, n.get(18)!)).toBeGreaterThan(3 * night);
  });

  it("plants the dirty rows real exports have", async () => {
    const claims = (await readFile(path.join(rawDir, "claims/claims.jsonl"), "utf8")).trim().split("\n").map((l) => JSON.parse(l) as Record<string, any>);
    expect(claims.some((c) => c.driver.age === 0 && c.driver.license_issue_date === "01-01-1900")).toBe(true);
    expect(claims.some((c) => /\/\d+$/.test(c.policy_no))).toBe(true);
    expect(claims.some((c) => !("type" in c.collision))).toBe(true);
    expect(claims.some((c) => !("loss_adjustment_expense" in c))).toBe(true);
    const dirty = await sql(
      `SELECT
         (SELECT count(*) FROM read_parquet('${rawDir}/telematics/*.parquet') WHERE chassis_no <> trim(chassis_no) OR chassis_no <> upper(chassis_no)) AS junk_chassis,
         (SELECT count(*) FROM read_parquet('${rawDir}/marketo/lead.parquet') l JOIN read_parquet('${rawDir}/salesforce/user.parquet') u
            ON lower(trim(l.email)) = lower(u.email) AND l.email <> u.email) AS case_mismatched_leads,
         (SELECT count(*) FROM read_parquet('${rawDir}/salesforce/account.parquet') WHERE coalesce(trim(billing_country), '') = '') AS accounts_without_country,
         (SELECT count(*) FROM ${warehouse.table("dim_user")} WHERE account_id IS NULL) AS leads_without_account,
         (SELECT count(*) FROM ${warehouse.table("int_email_open_clicks_joined")} WHERE opens >= 1 AND clicks >= 2) AS sends_with_open_and_clicks`,
      z.object({ junk_chassis: z.coerce.number(), case_mismatched_leads: z.coerce.number(), accounts_without_country: z.coerce.number(), leads_without_account: z.coerce.number(), sends_with_open_and_clicks: z.coerce.number() }),
    );
    for (const [name, value] of Object.entries(dirty[0]!)) expect(value, name).toBeGreaterThan(0);
  });
});

describe("pipeline on demo data", () => {
  it("builds every contract table with the documented columns and types", async () => {
    const doc = await readFile(path.resolve(import.meta.dirname, "../../docs/gold-contract.md"), "utf8");
    const documented = new Map<string, Array<[string, string]>>();
    for (const section of doc.split(/^## /m).slice(1)) {
      const [heading, ...lines] = section.split("\n");
      const tables = [...heading!.matchAll(/`([a-z_]+)`/g)].map((m) => m[1]!);
      const columns = lines
        .map((l) => /^\| ([a-z0-9_]+) \| ([A-Z]+) \|/.exec(l))
        .filter((m): m is RegExpExecArray => m !== null)
        .map((m) => [m[1]!, m[2]!] as [string, string]);
      for (const t of tables) documented.set(t, columns);
    }
    expect([...documented.keys()].sort()).toEqual([...GOLD_TABLES].sort());
    const actual = await sql(
      `SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = 'gold' ORDER BY table_name, ordinal_position`,
      z.object({ table_name: z.string(), column_name: z.string(), data_type: z.string() }),
    );
    for (const table of GOLD_TABLES) {
      const columns = actual.filter((c) => c.table_name === table).map((c) => [c.column_name, c.data_type]);
      expect(columns, table).toEqual(documented.get(table));
    }
  });

  it("indexes the tables a claim is looked up in by its number", async () => {
    const indexes = await sql(
      `SELECT table_name, expressions FROM duckdb_indexes() WHERE schema_name = 'gold' ORDER BY table_name`,
      z.object({ table_name: z.string(), expressions: z.string() }),
    );
    expect(indexes).toEqual([
      { table_name: "claim_rule_results", expressions: "[claim_no]" },
      { table_name: "claims", expressions: "[claim_no]" },
    ]);
  });

  // A filter on the leading key reads one stretch of the table: a country's accounts, a vehicle's trip.
  it.each([
    ["email_engagement_daily", "country", "activity_date"],
    ["telematics", "chassis_no", "event_ts"],
  ])("stores %s grouped by %s, in %s order within each", async (table, group, within) => {
    const rows = await sql(
      `SELECT CAST(${group} AS VARCHAR) AS g, CAST(${within} AS VARCHAR) AS w FROM gold.${table} ORDER BY rowid`,
      z.object({ g: z.string(), w: z.string() }),
    );
    expect(rows.length).toBeGreaterThan(1000);
    const seen = new Set<string>();
    let stretches = 0;
    let outOfOrder = 0;
    rows.forEach((row, i) => {
      const previous = rows[i - 1];
      if (previous?.g === row.g) {
        if (row.w < previous.w) outOfOrder += 1;
        return;
      }
      stretches += 1;
      seen.add(row.g);
    });
    expect(outOfOrder).toBe(0);
    // Every group is one stretch: no group starts again further down.
    expect(stretches).toBe(seen.size);
    expect(seen.size).toBeGreaterThan(1);
  });

  it("quarantines exactly the planted unusable claims and keeps every other one", async () => {
    const policies = new Set(
      (await readFile(path.join(rawDir, "policies/policies.csv"), "utf8")).trim().split("\n").slice(1).map((l) => l.split(",")[1]),
    );
    const validDate = (s: unknown) => {
      const d = new Date(`${String(s)}T00:00:00Z`);
      return typeof s === "string" && /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
    };
    const claims = (await readFile(path.join(rawDir, "claims/claims.jsonl"), "utf8")).trim().split("\n").map((l) => JSON.parse(l) as Record<string, any>);
    const expected = { claim_no_present: 0, policy_exists: 0, total_positive: 0, dates_readable: 0 };
    for (const c of claims) {
      // The first rule a claim breaks, in the order the model declares them.
      if (!c.claim_no) expected.claim_no_present++;
      else if (!policies.has(String(c.policy_no).split("/")[0])) expected.policy_exists++;
      else if (!(c.claim_amount.total > 0)) expected.total_positive++;
      else if (!validDate(c.incident.date) || !validDate(c.claim_date)) expected.dates_readable++;
    }
    for (const v of Object.values(expected)) expect(v).toBeGreaterThan(0);
    const rows = await sql(
      `SELECT rule, count(*) AS n FROM silver.quarantine WHERE model = 'silver.stg_claims' GROUP BY rule`,
      z.object({ rule: z.string(), n: z.coerce.number() }),
    );
    expect(Object.fromEntries(rows.map((r) => [r.rule, r.n]))).toEqual(expected);
    const [{ n }] = await sql(`SELECT count(*) AS n FROM ${warehouse.table("claims")}`, z.object({ n: z.coerce.number() }));
    const quarantined = Object.values(expected).reduce((a, b) => a + b, 0);
    expect(n).toBe(claims.length - quarantined);
  });

  it("ends each telematics trip at the incident and catches some speeding", async () => {
    const [r] = await sql(
      `SELECT
         count(*) FILTER (WHERE check_speed_within_limit = false) AS speeding,
         count(*) FILTER (WHERE check_speed_within_limit IS NULL) AS unknown,
         count(*) FILTER (WHERE check_severity_consistent = false) AS mismatched,
         count(*) AS claims
       FROM ${warehouse.table("claims")}`,
      z.object({ speeding: z.coerce.number(), unknown: z.coerce.number(), mismatched: z.coerce.number(), claims: z.coerce.number() }),
    );
    expect(r!.speeding / r!.claims).toBeGreaterThan(0.03);
    expect(r!.speeding / r!.claims).toBeLessThan(0.2);
    expect(r!.unknown).toBeGreaterThan(0);
    expect(r!.mismatched / r!.claims).toBeGreaterThan(0.05);
    expect(r!.mismatched / r!.claims).toBeLessThan(0.25);
  });
});
