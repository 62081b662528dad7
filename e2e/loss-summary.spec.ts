import { expect, test, type Locator, type Page } from "@playwright/test";
import Papa from "papaparse";
import { lossRatioClass, noDataColor } from "../components/maps/layerStyles";
import { lossSummaryResponse, type LossKpis, type LossSummaryResponse } from "../lib/api/lossSummarySchema";
import {
  formatCount,
  formatCurrencyCompact,
  formatDate,
  formatPercent,
  formatPeriod,
  formatPointChange,
  formatRelativeChange,
  formatTimestamp,
} from "../lib/format";
import { NYC_BOROUGHS } from "../lib/geo";
import { storageStateFor } from "./roles";

// Every figure is compared with what the API answers for the same query, formatted the way the page
// formats it: the test proves the page shows the API's numbers, not that the numbers are some constant.

test.use({ storageState: storageStateFor("executive") });

// A cold server computes the first answers from the warehouse; on a busy CI machine that outlasts the
// default five seconds. The tests still wait on data-state, never on a clock.
const DATA_TIMEOUT = 30_000;
test.describe.configure({ timeout: 90_000 });

type Query = Record<string, string>;

// Through the page's own context, so the API sees the same signed-in session as the page.
async function fetchSummary(page: Page, query: Query = {}): Promise<LossSummaryResponse> {
  const response = await page.request.get(`/api/loss-summary?${new URLSearchParams(query)}`);
  expect(response.status(), await response.text()).toBe(200);
  return lossSummaryResponse.parse(await response.json());
}

const tile = (page: Page, id: string): Locator => page.locator(`section[data-tile="${id}"]`);
const kpiValue = (page: Page, key: string) => page.locator(`[data-kpi="${key}"] [data-kpi-value]`);
const kpiChange = (page: Page, key: string) => page.locator(`[data-kpi="${key}"] [data-kpi-change]`);

async function expectLoaded(page: Page, ids = ["key-figures"]) {
  for (const id of ids) await expect(tile(page, id)).toHaveAttribute("data-state", "loaded", { timeout: DATA_TIMEOUT });
}

const TILES = ["key-figures", "monthly-trend", "incidents-by-type", "damage-by-type", "by-hour", "driver-age", "model-year", "policy-map"];

const kpiExpectations = (kpis: LossKpis, previous: LossKpis) => [
  { key: "lossRatioTotal", value: formatPercent(kpis.lossRatio.total), change: formatPointChange(kpis.lossRatio.total, previous.lossRatio.total) },
  { key: "lossRatioProperty", value: formatPercent(kpis.lossRatio.property), change: formatPointChange(kpis.lossRatio.property, previous.lossRatio.property) },
  { key: "lossRatioLiability", value: formatPercent(kpis.lossRatio.liability), change: formatPointChange(kpis.lossRatio.liability, previous.lossRatio.liability) },
  { key: "claimFrequency", value: formatPercent(kpis.claimFrequency), change: formatPointChange(kpis.claimFrequency, previous.claimFrequency) },
  { key: "earnedPremium", value: formatCurrencyCompact(kpis.earnedPremium), change: formatRelativeChange(kpis.earnedPremium, previous.earnedPremium) },
  { key: "incurredLosses", value: formatCurrencyCompact(kpis.incurredLosses), change: formatRelativeChange(kpis.incurredLosses, previous.incurredLosses) },
  { key: "lae", value: formatCurrencyCompact(kpis.lae), change: formatRelativeChange(kpis.lae, previous.lae) },
  { key: "claimCount", value: formatCount(kpis.claimCount), change: formatRelativeChange(kpis.claimCount, previous.claimCount) },
];

async function expectKpis(page: Page, summary: LossSummaryResponse) {
  for (const kpi of kpiExpectations(summary.kpis, summary.previous)) {
    await expect(kpiValue(page, kpi.key), kpi.key).toHaveText(kpi.value);
    await expect(kpiChange(page, kpi.key), kpi.key).toContainText(kpi.change);
  }
}

function searchParam(page: Page, name: string): string | null {
  return new URL(page.url()).searchParams.get(name);
}

test("the KPIs, period and build on screen are the API's", async ({ page }) => {
  await page.goto("/loss-summary");
  const summary = await fetchSummary(page);

  await expectLoaded(page, TILES);
  await expectKpis(page, summary);
  await expect(page.getByTestId("period")).toContainText(formatPeriod(summary.period));
  await expect(page.getByTestId("as-of")).toContainText(
    `Data as of ${formatDate(summary.asOf.claimsAsOf)} · gold build ${formatTimestamp(summary.asOf.builtAt)}`,
  );
  // The date inputs default to the period the API chose.
  await expect(page.getByLabel("From", { exact: true })).toHaveValue(summary.period.from);
  await expect(page.getByLabel("To", { exact: true })).toHaveValue(summary.period.to);

  await expect(tile(page, "monthly-trend").locator("[data-bar]").first()).toBeVisible({ timeout: DATA_TIMEOUT });
  await expect(tile(page, "policy-map").locator("path[data-borough]")).toHaveCount(5);
  await page.screenshot({ path: "e2e/artifacts/loss-summary.png", fullPage: true });
});

test.describe("before any script runs", () => {
  test.use({ javaScriptEnabled: false });

  test("the charts and the map are in the page's HTML, drawn from the API's figures", async ({ page }) => {
    await page.goto("/loss-summary");
    const summary = await fetchSummary(page);
    const trend = tile(page, "monthly-trend");
    // A column per month with premium and one with losses, a dot per month with a loss ratio.
    await expect(trend.locator('[data-bar][data-category="earnedPremium"]')).toHaveCount(summary.trend.filter((m) => m.earnedPremium > 0).length);
    await expect(trend.locator('[data-bar][data-category="incurredLosses"]')).toHaveCount(summary.trend.filter((m) => m.incurredLosses > 0).length);
    await expect(trend.locator('[data-dot="lossRatio"]')).toHaveCount(summary.trend.filter((m) => m.lossRatio !== null).length);
    await expect(tile(page, "by-hour").locator('[data-bar][data-category="claims"]')).toHaveCount(summary.byHour.filter((h) => h.claims > 0).length);
    await expect(tile(page, "driver-age").locator("[data-bar]")).toHaveCount(summary.driverAge.filter((r) => r.claims > 0).length);
    await expect(tile(page, "incidents-by-type").locator("[data-bar]")).toHaveCount(summary.incidentsByTypeSeverity.filter((r) => r.claims > 0).length);
    await expect(tile(page, "policy-map").locator("path[data-borough]")).toHaveCount(5);
  });
});

test("changing a filter updates the URL and the numbers; back restores them", async ({ page }) => {
  await page.goto("/loss-summary");
  const all = await fetchSummary(page);
  await expectLoaded(page);

  // The borough with the fewest claims, so the narrowed figures surely differ from the whole book's.
  const borough = [...all.map.boroughs].sort((a, b) => a.claimCount - b.claimCount)[0]!.borough;
  const narrowed = await fetchSummary(page, { borough });
  expect(narrowed.kpis.claimCount).not.toBe(all.kpis.claimCount);

  const calls: string[] = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.pathname === "/api/loss-summary") calls.push(url.searchParams.get("borough") ?? "");
  });
  await page.getByLabel("Borough", { exact: true }).selectOption(borough);
  await expect.poll(() => searchParam(page, "borough")).toBe(borough);
  await expectLoaded(page);
  await expectKpis(page, narrowed);
  await expect(page.locator('[data-filter-chip="borough"]')).toBeVisible();
  // One request for the new view: the one the filter change sends at once, which the dashboard's query then uses.
  expect(calls).toEqual([borough]);

  await page.goBack();
  await expect.poll(() => searchParam(page, "borough")).toBeNull();
  await expectLoaded(page);
  await expect(kpiValue(page, "claimCount")).toHaveText(formatCount(all.kpis.claimCount));

  await page.goForward();
  await expect.poll(() => searchParam(page, "borough")).toBe(borough);
  await expectLoaded(page);
  await expect(kpiValue(page, "claimCount")).toHaveText(formatCount(narrowed.kpis.claimCount));
});

test("a date range typed in the filters bar is the period of every figure", async ({ page }) => {
  await page.goto("/loss-summary");
  await expectLoaded(page);
  const range = { from: "2025-01-01", to: "2025-03-31" };
  const expected = await fetchSummary(page, range);

  await page.getByLabel("From", { exact: true }).fill(range.from);
  await page.getByLabel("To", { exact: true }).fill(range.to);
  await page.getByLabel("To", { exact: true }).press("Enter");
  await expect.poll(() => [searchParam(page, "from"), searchParam(page, "to")]).toEqual([range.from, range.to]);
  await expectLoaded(page);
  await expect(page.getByTestId("period")).toContainText(formatPeriod(range));
  await expectKpis(page, expected);
});

test("cross-filtering by a severity and an hour narrows the whole page", async ({ page }) => {
  await page.goto("/loss-summary");
  const all = await fetchSummary(page);
  await expectLoaded(page, ["key-figures", "incidents-by-type", "by-hour"]);

  const severityClaims = (severity: string) =>
    all.incidentsByTypeSeverity.filter((r) => r.severity === severity).reduce((sum, r) => sum + r.claims, 0);
  const severity = "Major Damage";

  await tile(page, "incidents-by-type").getByRole("button", { name: severity }).click();
  await expect.poll(() => searchParam(page, "severity")).toBe(severity);
  await expectLoaded(page);
  await expect(kpiValue(page, "claimCount")).toHaveText(formatCount(severityClaims(severity)));
  await expect(page.locator('[data-filter-chip="severity"]')).toContainText(`Severity: ${severity}`);

  // An hour bar: whichever hour it is, the claim count must become the API's for severity and hour.
  await expectLoaded(page, ["by-hour"]);
  await tile(page, "by-hour").locator("[data-bar]").nth(3).click();
  await expect.poll(() => searchParam(page, "hour")).not.toBeNull();
  const hour = searchParam(page, "hour")!;
  const bySeverityAndHour = await fetchSummary(page, { severity, hour });
  await expectLoaded(page);
  await expect(kpiValue(page, "claimCount")).toHaveText(formatCount(bySeverityAndHour.kpis.claimCount));

  // Chips remove one filter at a time, then "Clear all" the rest.
  await page.getByRole("button", { name: `Remove filter Severity: ${severity}` }).click();
  await expect.poll(() => searchParam(page, "severity")).toBeNull();
  expect(searchParam(page, "hour")).toBe(hour);
  await page.getByRole("button", { name: "Clear all" }).click();
  await expect.poll(() => new URL(page.url()).search).toBe("");
  await expectLoaded(page);
  await expect(kpiValue(page, "claimCount")).toHaveText(formatCount(all.kpis.claimCount));
});

test.describe("as an investigator", () => {
  test.use({ storageState: storageStateFor("investigator") });

  test("drill-through carries the filters and the period to the claims queue", async ({ page }) => {
    const all = await fetchSummary(page);
    const make = all.options.makes[0]!;
    await page.goto(`/loss-summary?make=${encodeURIComponent(make)}&severity=Total+Loss&hour=8`);
    // With every filter set the tile may well be empty; its link counts either way.
    await expect(tile(page, "damage-by-type")).toHaveAttribute("data-state", /^(loaded|empty)$/, { timeout: DATA_TIMEOUT });

    await tile(page, "damage-by-type").getByRole("link", { name: /View claims/ }).click();
    await page.waitForURL((url) => url.pathname === "/claims");
    expect(Object.fromEntries(new URL(page.url()).searchParams)).toEqual({
      from: all.period.from,
      to: all.period.to,
      make,
      severity: "Total Loss",
      hour: "8",
    });
  });
});

test("an executive, who may not open the claims queue, gets no drill-through link", async ({ page }) => {
  await page.goto("/loss-summary");
  await expectLoaded(page);
  await expect(tile(page, "key-figures").getByRole("button", { name: /Download CSV/ })).toBeVisible();
  await expect(page.getByRole("link", { name: /View claims/ })).toHaveCount(0);
});

test("each tile downloads its own data as CSV", async ({ page }) => {
  await page.goto("/loss-summary");
  const all = await fetchSummary(page);
  await expectLoaded(page, ["incidents-by-type"]);

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    tile(page, "incidents-by-type").getByRole("button", { name: /Download CSV/ }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`loss-summary-incidents-by-type-${all.period.from}-${all.period.to}.csv`);
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8").replace(/^\uFEFF/, "");
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  expect(parsed.data.map((r) => ({ incidentType: r.incidentType, severity: r.severity, claims: Number(r.claims) }))).toEqual(all.incidentsByTypeSeverity);
});

test("a filter that matches nothing shows empty tiles; a rejected one shows the API's error and a way out", async ({ page }) => {
  await page.goto("/loss-summary?from=2001-01-01&to=2001-12-31");
  await expect(tile(page, "key-figures")).toHaveAttribute("data-state", "empty", { timeout: DATA_TIMEOUT });
  await expect(tile(page, "incidents-by-type")).toHaveAttribute("data-state", "empty");
  await expect(tile(page, "incidents-by-type")).toContainText("No claims match these filters.");

  await page.goto("/loss-summary?borough=ATLANTIS");
  await expect(tile(page, "key-figures")).toHaveAttribute("data-state", "error", { timeout: DATA_TIMEOUT });
  await expect(tile(page, "key-figures")).toContainText("borough");
  await expect(tile(page, "key-figures").getByRole("button", { name: "Retry" })).toBeVisible();
  await tile(page, "key-figures").getByRole("button", { name: "Clear filters" }).click();
  await expectLoaded(page);
  expect(searchParam(page, "borough")).toBeNull();
});

// What the map should show for the API's figures: every borough in its loss ratio class, a circle per zip code.
function expectedMap(summary: LossSummaryResponse) {
  const fills = new Map(summary.map.boroughs.map((b) => [b.borough.toUpperCase(), lossRatioClass(b.lossRatio)?.color ?? noDataColor]));
  const circles = summary.map.zips.filter((z) => z.policies > 0 && Number.isFinite(z.latitude) && Number.isFinite(z.longitude)).length;
  return { fill: (borough: string) => fills.get(borough) ?? noDataColor, circles };
}

test("the map is SVG in the first HTML, each borough in its loss ratio colour, with nothing else to fetch", async ({ page }) => {
  const requests: string[] = [];
  page.on("request", (request) => requests.push(request.url()));
  await page.goto("/loss-summary");
  const summary = await fetchSummary(page);
  const expected = expectedMap(summary);

  // The server's own HTML already holds the shapes in their colours and the circles.
  const html = await (await page.request.get("/loss-summary")).text();
  for (const borough of NYC_BOROUGHS) {
    expect(html, borough).toMatch(new RegExp(`<path[^>]*data-borough="${borough}"[^>]*fill="${expected.fill(borough)}"`));
  }
  expect(html.match(/<circle[^>]*data-zip=/g)?.length ?? 0).toBe(expected.circles);

  await expectLoaded(page, ["policy-map"]);
  const map = tile(page, "policy-map");
  await expect(map.locator('[role="region"]')).toHaveAttribute("data-state", "loaded");
  for (const borough of NYC_BOROUGHS) {
    await expect(map.locator(`path[data-borough="${borough}"]`), borough).toHaveAttribute("fill", expected.fill(borough));
  }
  await expect(map.locator("circle[data-zip]")).toHaveCount(expected.circles);
  await expect(map.locator("canvas")).toHaveCount(0);
  // No WebGL library, worker or GeoJSON: everything the map draws came with the page.
  expect(requests.filter((url) => /maplibre|\/geo\/.*\.json/.test(url))).toEqual([]);
});

test("clicking a borough filters the page and clicking it again clears it", async ({ page }) => {
  await page.goto("/loss-summary");
  const all = await fetchSummary(page);
  await expectLoaded(page, ["policy-map"]);
  const map = tile(page, "policy-map");

  // The borough with the fewest claims, so the narrowed figures surely differ from the whole book's.
  const borough = [...all.map.boroughs].sort((a, b) => a.claimCount - b.claimCount)[0]!.borough;
  const shape = map.locator(`path[data-borough="${borough.toUpperCase()}"]`);
  // Dispatched on the shape itself: a policy circle may sit over its middle, where a real click would land.
  await shape.dispatchEvent("click");
  await expect.poll(() => searchParam(page, "borough")).toBe(borough);
  await expectLoaded(page, ["key-figures", "policy-map"]);
  await expect(kpiValue(page, "claimCount")).toHaveText(formatCount((await fetchSummary(page, { borough })).kpis.claimCount));
  await expect(shape).toHaveAttribute("aria-pressed", "true");
  await expect(map.locator("path[data-selected-outline]")).toHaveCount(1);
  await expect(map.locator('path[data-borough][aria-pressed="false"]')).toHaveCount(4);
  await expect(map.locator('path[data-borough][aria-pressed="false"]').first()).toHaveAttribute("fill-opacity", "0.5");

  await shape.dispatchEvent("click");
  await expect.poll(() => searchParam(page, "borough")).toBeNull();
  await expectLoaded(page, ["policy-map"]);
  await expect(map.locator("path[data-selected-outline]")).toHaveCount(0);
});

test("the boroughs work from the keyboard, with a focus ring and the borough's figures", async ({ page }) => {
  await page.goto("/loss-summary");
  const all = await fetchSummary(page);
  await expectLoaded(page, ["policy-map"]);
  const map = tile(page, "policy-map");
  const shapes = map.locator("path[data-borough]");

  // Tab from the first borough to the second: focus by keyboard, as a keyboard user arrives.
  await shapes.first().focus();
  await page.keyboard.press("Tab");
  const key = (await shapes.nth(1).getAttribute("data-borough"))!;
  const figures = all.map.boroughs.find((b) => b.borough.toUpperCase() === key);
  await expect(shapes.nth(1)).toBeFocused();
  await expect(map.locator("path[data-focus-ring]")).toHaveCount(1);
  const tooltip = map.locator("[data-map-tooltip]");
  await expect(tooltip).toContainText(formatPercent(figures?.lossRatio));
  await expect(tooltip).toContainText(formatCount(figures?.claimCount));

  await page.keyboard.press("Enter");
  await expect.poll(() => searchParam(page, "borough")?.toUpperCase()).toBe(key);
  await expect(shapes.nth(1)).toHaveAttribute("aria-pressed", "true");
  await page.keyboard.press(" ");
  await expect.poll(() => searchParam(page, "borough")).toBeNull();
});

test("hovering a zip code's circle shows its policies", async ({ page }) => {
  await page.goto("/loss-summary");
  const all = await fetchSummary(page);
  await expectLoaded(page, ["policy-map"]);
  const map = tile(page, "policy-map");
  // The last circle is the smallest, drawn over the others: the pointer reaches it.
  const circle = map.locator("circle[data-zip]").last();
  const code = (await circle.getAttribute("data-zip"))!;
  const row = all.map.zips.find((z) => z.zip === code)!;
  await circle.hover();
  const tooltip = map.locator("[data-map-tooltip]");
  await expect(tooltip).toContainText(code);
  await expect(tooltip).toContainText(`${formatCount(row.policies)} policies in force`);
  await page.mouse.move(0, 0);
  await expect(tooltip).toHaveCount(0);
});
