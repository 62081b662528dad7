import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { handleApiError } from "../api/errors";
import { buildFixtureWarehouse, claim } from "../testing/rawFixture";
import { startStandIn, STAND_IN_CA, type StandIn } from "../testing/databricksStandIn/standIn";
import { createDatabricksWarehouse, type DatabricksWarehouseOptions } from "./databricks";
import { databricksConfig, type DatabricksConfig } from "./databricksConfig";
import { WarehouseError, type Warehouse } from "./types";

// The Databricks engine against the local stand-in (an HTTPS TCLIService server over the same gold build),
// with faults injected on the stand-in and every assertion made on what the stand-in itself recorded.
let goldFile: string;
let embedded: Warehouse;
let standIn: StandIn;
const opened: Warehouse[] = [];

beforeAll(async () => {
  const built = await buildFixtureWarehouse({
    policies: [{ policyNo: "100000001", eff: "01-01-2023", expiry: "01-01-2024", premium: 365 }],
    claims: ["C1", "C2", "C3", "C4", "C5"].map((claim_no) => claim({ claim_no, policy_no: "100000001" })),
  });
  embedded = built.warehouse;
  const current = z.object({ file: z.string() }).parse(JSON.parse(readFileSync(path.join(built.warehouseDir, "CURRENT.json"), "utf8")));
  goldFile = path.join(built.warehouseDir, current.file);
});

afterAll(async () => {
  await embedded.close();
});

beforeEach(async () => {
  // Two rows per page, so every multi-row answer takes several FetchResults round trips.
  standIn = await startStandIn({ goldFile, pageSize: 2 });
});

afterEach(async () => {
  await Promise.all(opened.splice(0).map((w) => w.close()));
  await standIn.close();
});

function configFor(s: StandIn, overrides: Partial<DatabricksConfig> = {}): DatabricksConfig {
  return {
    host: s.host, port: s.port, httpPath: s.path, auth: { kind: "token", token: s.token },
    catalog: s.catalog, schema: "gold", queryTimeoutMs: 30_000, maxConcurrency: 4, ...overrides,
  };
}

function warehouseFor(overrides: Partial<DatabricksConfig> = {}, options: Partial<DatabricksWarehouseOptions> = {}): Warehouse {
  const w = createDatabricksWarehouse({ config: configFor(standIn, overrides), customCaCert: STAND_IN_CA, backoffMs: 20, ...options });
  opened.push(w);
  return w;
}

const claimNumbers = (w: Warehouse) =>
  w.query({ name: "test.claims", sql: `SELECT claim_no FROM ${w.table("claims")} ORDER BY claim_no`, params: {}, row: z.object({ claim_no: z.string() }) });

const SLOW_SQL = "SELECT count(*) AS n FROM range(1000000000000) a";
const slowQuery = (w: Warehouse, signal?: AbortSignal) =>
  w.query({ name: "test.slow", sql: SLOW_SQL, params: {}, row: z.object({ n: z.coerce.number() }), signal });

const errorOf = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e);

describe("Databricks warehouse over the stand-in", () => {
  it("binds named parameters, quotes tables from config, and reads every page", async () => {
    const w = warehouseFor();
    expect(w.table("claims")).toBe("`goldlens`.`gold`.`claims`");
    const hostile = await w.query({
      name: "test.bind",
      sql: `SELECT count(*) AS n FROM ${w.table("claims")} WHERE claim_no = :claimNo OR claim_no = :other`,
      params: { claimNo: "C1' OR '1'='1", other: "C2", unused: 1 },
      row: z.object({ n: z.coerce.number() }),
    });
    expect(hostile).toEqual([{ n: 1 }]);
    expect(await claimNumbers(w)).toEqual([{ claim_no: "C1" }, { claim_no: "C2" }, { claim_no: "C3" }, { claim_no: "C4" }, { claim_no: "C5" }]);
    // Five rows at two per page: three pages at least (the driver asks once more until a page comes back empty).
    expect(standIn.records.operations.at(-1)?.pagesServed).toBeGreaterThanOrEqual(3);
    expect(standIn.records.operations[0]?.params).toEqual({ claimNo: "C1' OR '1'='1", other: "C2" });
  });

  it("returns the same rows as the embedded engine, JSON-safe", async () => {
    const w = warehouseFor();
    const q = (x: Warehouse) =>
      x.query({
        name: "test.types",
        sql: `SELECT claim_no, amount_total, CAST(incident_date AS STRING) AS incident_date, suspicious_activity, CAST(:n AS BIGINT) AS n, CAST(:x AS DOUBLE) AS x, CAST(:none AS STRING) AS none
              FROM ${x.table("claims")} ORDER BY claim_no`,
        params: { n: 9007199254740991, x: 0.25, none: null },
        row: z.object({ claim_no: z.string(), amount_total: z.coerce.number(), incident_date: z.string(), suspicious_activity: z.boolean(), n: z.coerce.number(), x: z.number(), none: z.null() }),
      });
    const [fromStandIn, fromEmbedded] = await Promise.all([q(w), q(embedded)]);
    expect(fromStandIn).toHaveLength(5);
    expect(fromStandIn).toEqual(fromEmbedded);
    expect(() => JSON.stringify(fromStandIn)).not.toThrow();
  });

  it("reuses one session and never runs more statements at once than DATABRICKS_MAX_CONCURRENCY", async () => {
    const w = warehouseFor({ maxConcurrency: 4 });
    standIn.inject({ slowMs: 60 });
    const all = await Promise.all(Array.from({ length: 20 }, () => claimNumbers(w)));
    expect(all.every((rows) => rows.length === 5)).toBe(true);
    expect(standIn.records.calls.OpenSession).toBe(1);
    expect(standIn.records.calls.ExecuteStatement).toBe(20);
    expect(standIn.records.maxRunning).toBe(4);
  });

  it("cancels the statement on the warehouse when the caller goes away, and keeps working", async () => {
    const w = warehouseFor();
    const controller = new AbortController();
    const running = errorOf(slowQuery(w, controller.signal));
    await vi.waitFor(() => expect(standIn.running()).toBe(1), { timeout: 10_000, interval: 20 });
    controller.abort();
    const error = await running;
    expect(error).toBeInstanceOf(WarehouseError);
    expect((error as WarehouseError).code).toBe("aborted");
    const op = standIn.records.operations.find((o) => o.sql === SLOW_SQL)!;
    expect(standIn.records.calls.CancelOperation).toBe(1);
    expect(op).toMatchObject({ cancelRequested: true, interrupted: true, state: "cancelled" });
    expect(standIn.running()).toBe(0);
    expect(await claimNumbers(w)).toHaveLength(5);
  });

  it("cancels the statement when DATABRICKS_QUERY_TIMEOUT_MS passes", async () => {
    const w = warehouseFor({ queryTimeoutMs: 400 });
    const error = await errorOf(slowQuery(w));
    expect(error).toMatchObject({ code: "timeout", message: expect.stringContaining("DATABRICKS_QUERY_TIMEOUT_MS") });
    const op = standIn.records.operations.find((o) => o.sql === SLOW_SQL)!;
    expect(op).toMatchObject({ cancelRequested: true, interrupted: true, state: "cancelled" });
  });

  it("cancels a statement still waiting on a slow warehouse", async () => {
    const w = warehouseFor();
    standIn.inject({ slowMs: 60_000 });
    const controller = new AbortController();
    const cancelled = errorOf(w.query({ name: "test.wait", sql: "SELECT 1 AS one", params: {}, row: z.object({ one: z.number() }), signal: controller.signal }));
    await vi.waitFor(() => expect(standIn.running()).toBe(1), { timeout: 10_000, interval: 20 });
    controller.abort();
    expect(await cancelled).toMatchObject({ code: "aborted" });
    expect(standIn.records.operations.find((o) => o.sql === "SELECT 1 AS one")).toMatchObject({ cancelRequested: true, interrupted: false, state: "cancelled" });
    expect(standIn.running()).toBe(0);
  });

  it("waits for a starting warehouse with backoff, then answers", async () => {
    const w = warehouseFor({}, { startingWaitMs: 20_000, backoffMs: 100 });
    standIn.inject({ startingForMs: 1_500 });
    expect(await claimNumbers(w)).toHaveLength(5);
    expect(standIn.records.refused[503]).toBeGreaterThanOrEqual(1);
    expect(standIn.records.calls.OpenSession).toBe(1);
  });

  it("answers 'starting' with a Retry-After once the wait is over, and the API says warehouse_starting", async () => {
    const w = warehouseFor({}, { startingWaitMs: 300, backoffMs: 50 });
    standIn.inject({ startingForMs: 120_000 });
    const error = await errorOf(claimNumbers(w));
    expect(error).toBeInstanceOf(WarehouseError);
    expect(error).toMatchObject({ code: "starting" });
    expect((error as WarehouseError).retryAfterSeconds).toBeGreaterThanOrEqual(1);
    const res = handleApiError(error, "req-1");
    expect(res.status).toBe(503);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(await res.json()).toEqual({ error: { code: "warehouse_starting", message: expect.stringMatching(/warehouse is starting/i) } });
  });

  it("retries 429 and 503 a bounded number of times", async () => {
    const w = warehouseFor({}, { maxAttempts: 3 });
    standIn.inject({ httpErrors: { status: 429, count: 2, method: "ExecuteStatement" } });
    expect(await claimNumbers(w)).toHaveLength(5);
    expect(standIn.records.refused[429]).toBe(2);

    standIn.inject({ httpErrors: { status: 503, count: 100, method: "ExecuteStatement" } });
    const error = await errorOf(claimNumbers(w));
    expect(error).toMatchObject({ code: "unavailable", message: expect.stringContaining("after 3 attempts (HTTP 503)") });
    expect(standIn.records.refused[503]).toBe(3);
    const res = handleApiError(error, "req-2");
    expect(res.status).toBe(503);
    expect((await res.json()).error.code).toBe("warehouse_unavailable");
  });

  it("re-runs a statement whose connection dropped mid-fetch, a bounded number of times", async () => {
    const w = warehouseFor({}, { maxAttempts: 3 });
    standIn.inject({ dropFetchAfterPages: 1, dropFetchTimes: 1 });
    expect(await claimNumbers(w)).toHaveLength(5);
    expect(standIn.records.dropped).toBe(1);
    expect(standIn.records.calls.ExecuteStatement).toBe(2);

    standIn.inject({ dropFetchAfterPages: 1 });
    const error = await errorOf(claimNumbers(w));
    expect(error).toMatchObject({ code: "unavailable", message: expect.stringContaining("connection was dropped") });
    expect(standIn.records.dropped).toBe(4);
  });

  it("names DATABRICKS_TOKEN when the token is refused, and the API shows no internals", async () => {
    const w = warehouseFor({ auth: { kind: "token", token: "dapi-wrong" } });
    const error = await errorOf(claimNumbers(w));
    expect(error).toMatchObject({ code: "auth_failed", message: expect.stringContaining("DATABRICKS_TOKEN") });
    expect(standIn.records.refused[401]).toBe(1);
    const res = handleApiError(error, "req-3");
    expect(res.status).toBe(500);
    const body = await res.json();
    expect(body).toEqual({ error: { code: "warehouse_misconfigured", message: expect.stringContaining("DATABRICKS_TOKEN") } });
    expect(JSON.stringify(body)).not.toMatch(/ at |\.js:|stack|dapi-wrong/);
  });

  it("signs in as a service principal (OAuth M2M), and names the client settings when refused", async () => {
    const good = warehouseFor({ auth: { kind: "oauth-m2m", clientId: standIn.oauthClient.id, clientSecret: standIn.oauthClient.secret } });
    expect(await claimNumbers(good)).toHaveLength(5);
    const bad = warehouseFor({ auth: { kind: "oauth-m2m", clientId: standIn.oauthClient.id, clientSecret: "wrong" } });
    expect(await errorOf(claimNumbers(bad))).toMatchObject({ code: "auth_failed", message: expect.stringContaining("DATABRICKS_CLIENT_ID and DATABRICKS_CLIENT_SECRET") });
    standIn.inject({ authFailure: true });
    expect(await errorOf(claimNumbers(warehouseFor()))).toMatchObject({ code: "auth_failed" });
  });

  it("names the missing table and the catalog and schema settings", async () => {
    const w = warehouseFor({ schema: "gold_missing" });
    const error = await errorOf(claimNumbers(w));
    expect(error).toMatchObject({ code: "missing_table" });
    expect((error as Error).message).toContain("`goldlens`.`gold_missing`.`claims`");
    expect((error as Error).message).toContain("DATABRICKS_CATALOG and DATABRICKS_SCHEMA");
    const res = handleApiError(error, "req-4");
    expect(res.status).toBe(500);
    expect((await res.json()).error).toMatchObject({ code: "warehouse_misconfigured", message: expect.stringContaining("gold_missing") });
  });

  it("opens a new session when the warehouse has dropped the shared one", async () => {
    const w = warehouseFor();
    expect(await claimNumbers(w)).toHaveLength(5);
    standIn.expireSessions();
    expect(await claimNumbers(w)).toHaveLength(5);
    expect(standIn.records.calls.OpenSession).toBe(2);
    expect(await claimNumbers(w)).toHaveLength(5);
    expect(standIn.records.calls.OpenSession).toBe(2);
  });

  it("reads the build id from build_info and caches it briefly", async () => {
    const w = warehouseFor();
    const first = await w.buildId();
    expect(first).toBe(await embedded.buildId());
    expect(await w.buildId()).toBe(first);
    expect(standIn.records.operations.filter((o) => o.sql.includes("build_info"))).toHaveLength(1);
  });
});

describe("Databricks settings", () => {
  const base = { DATABRICKS_SERVER_HOSTNAME: "dbc-a1b2.cloud.databricks.com", DATABRICKS_HTTP_PATH: "/sql/1.0/warehouses/abc123", DATABRICKS_TOKEN: "dapi1", DATABRICKS_CATALOG: "main" };

  it("reads a complete configuration with its defaults", () => {
    expect(databricksConfig(base)).toEqual({
      host: "dbc-a1b2.cloud.databricks.com", port: 443, httpPath: "/sql/1.0/warehouses/abc123", auth: { kind: "token", token: "dapi1" },
      catalog: "main", schema: "gold", queryTimeoutMs: 30_000, maxConcurrency: 4,
    });
  });

  it("accepts DATABRICKS_HOST as Databricks Apps inject it, and a warehouse id instead of a path", () => {
    const c = databricksConfig({ DATABRICKS_HOST: "https://dbc-a1b2.cloud.databricks.com/", DATABRICKS_WAREHOUSE_ID: "abc123", DATABRICKS_CLIENT_ID: "id", DATABRICKS_CLIENT_SECRET: "s", DATABRICKS_CATALOG: "main", DATABRICKS_SCHEMA: "gold_v2" });
    expect(c).toMatchObject({ host: "dbc-a1b2.cloud.databricks.com", httpPath: "/sql/1.0/warehouses/abc123", auth: { kind: "oauth-m2m", clientId: "id", clientSecret: "s" }, schema: "gold_v2" });
  });

  it("names every missing or malformed setting", () => {
    expect(() => databricksConfig({})).toThrow(/DATABRICKS_SERVER_HOSTNAME.*DATABRICKS_HTTP_PATH.*DATABRICKS_TOKEN.*DATABRICKS_CLIENT_ID.*DATABRICKS_CATALOG/);
    expect(() => databricksConfig({ ...base, DATABRICKS_CATALOG: "main`; DROP" })).toThrow(/DATABRICKS_CATALOG must be/);
    expect(() => databricksConfig({ ...base, DATABRICKS_TOKEN: undefined, DATABRICKS_CLIENT_ID: "id" })).toThrow(/DATABRICKS_CLIENT_SECRET is not set/);
    expect(() => databricksConfig({ ...base, DATABRICKS_MAX_CONCURRENCY: "0" })).toThrow(/DATABRICKS_MAX_CONCURRENCY must be a whole number/);
    expect(() => databricksConfig({ ...base, DATABRICKS_QUERY_TIMEOUT_MS: "soon" })).toThrow(/DATABRICKS_QUERY_TIMEOUT_MS/);
  });
});
