import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, request as playwrightRequest, test } from "@playwright/test";
import { startStandIn, type StandIn } from "../lib/testing/databricksStandIn/standIn";
import { startAppServer } from "./support/appServer";
import { storageStateFor } from "./roles";

// The production build with WAREHOUSE=databricks, reading the demo gold build through the unmodified
// Databricks SQL driver from the stand-in warehouse, must answer every dashboard API exactly as the
// embedded server does, and its pages must load.
test.describe.configure({ mode: "serial" });

const repoRoot = path.resolve(import.meta.dirname, "..");
let standIn: StandIn;
let app: Awaited<ReturnType<typeof startAppServer>>;

test.beforeAll(async () => {
  const warehouseDir = path.join(repoRoot, "data", "warehouse");
  const current = JSON.parse(readFileSync(path.join(warehouseDir, "CURRENT.json"), "utf8")) as { file: string };
  standIn = await startStandIn({ goldFile: path.join(warehouseDir, current.file) });
  app = await startAppServer(3111, {
    // The same demo sign-in as the embedded server, so the same sessions work on both.
    ALLOW_DEMO_AUTH: "true",
    WAREHOUSE: "databricks",
    DATABRICKS_SERVER_HOSTNAME: `${standIn.host}:${standIn.port}`,
    DATABRICKS_HTTP_PATH: standIn.path,
    DATABRICKS_TOKEN: standIn.token,
    DATABRICKS_CATALOG: standIn.catalog,
    DATABRICKS_SCHEMA: "gold",
    // The stand-in's certificate is self-signed; the server trusts it the way a proxy's CA would be trusted.
    NODE_EXTRA_CA_CERTS: path.join(repoRoot, "lib/testing/databricksStandIn/tls-cert.pem"),
  });
});

test.afterAll(async () => {
  await app?.stop();
  await standIn?.close();
});

/**
 * Deep equality, where numbers may differ in the last bits: a sum over many rows depends on the order the
 * engine adds them in, which parallel scans do not fix.
 */
function expectSameFigures(actual: unknown, expected: unknown, where: string) {
  if (typeof expected === "number" && typeof actual === "number" && !Number.isInteger(expected)) {
    expect(Math.abs(actual - expected), where).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
  } else if (Array.isArray(expected)) {
    expect(Array.isArray(actual) && actual.length, where).toBe(expected.length);
    expected.forEach((item, i) => expectSameFigures((actual as unknown[])[i], item, `${where}[${i}]`));
  } else if (expected !== null && typeof expected === "object") {
    expect(Object.keys(actual as object).sort(), where).toEqual(Object.keys(expected).sort());
    for (const [key, value] of Object.entries(expected)) expectSameFigures((actual as Record<string, unknown>)[key], value, `${where}.${key}`);
  } else {
    expect(actual, where).toEqual(expected);
  }
}

const ENDPOINTS = [
  "/api/loss-summary",
  "/api/loss-summary?from=2025-01-01&to=2025-12-31&severity=Major%20Damage&borough=BROOKLYN",
  "/api/engagement",
  "/api/engagement/accounts?country=United%20States",
  "/api/claims?failedCheck=severity_consistent&sort=amountTotal&dir=desc&pageSize=100",
  "/api/claims?q=CLM1&page=2&pageSize=20",
];

test("every dashboard API answers the same through Databricks as embedded", async ({ baseURL }) => {
  const embedded = await playwrightRequest.newContext({ baseURL, storageState: storageStateFor("admin") });
  const databricks = await playwrightRequest.newContext({ baseURL: app.url, storageState: storageStateFor("admin") });
  const queue = await (await embedded.get("/api/claims?pageSize=1&sort=claimNo")).json();
  const claimNo: string = queue.rows[0].claimNo;
  for (const endpoint of [...ENDPOINTS, `/api/claims/${claimNo}`, `/api/claims/${claimNo}/telematics`]) {
    const [a, b] = await Promise.all([embedded.get(endpoint), databricks.get(endpoint)]);
    expect(b.status(), endpoint).toBe(200);
    expect(a.status(), endpoint).toBe(200);
    const [left, right] = [await a.json(), await b.json()];
    expectSameFigures(right, left, endpoint);
  }
  expect(standIn.records.calls.ExecuteStatement ?? 0).toBeGreaterThan(10);
  // One session serves every request.
  expect(standIn.records.calls.OpenSession).toBe(1);
  await embedded.dispose();
  await databricks.dispose();
});

test("the Loss Summary page loads every tile through Databricks", async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageStateFor("executive") });
  const page = await context.newPage();
  await page.goto(`${app.url}/loss-summary`);
  for (const tile of ["key-figures", "monthly-trend", "incidents-by-type", "damage-by-type", "by-hour", "driver-age", "model-year", "policy-map"]) {
    await expect(page.locator(`[data-tile="${tile}"]`)).toHaveAttribute("data-state", "loaded");
  }
  await context.close();
});
