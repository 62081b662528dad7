import { expect, test, type Locator, type Page } from "@playwright/test";
import Papa from "papaparse";
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
  await page.addInitScript(() => {
    document.addEventListener("goldlens:map-load", () => {
      (window as unknown as { mapLoaded: boolean }).mapLoaded = true;
    });
  });
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

  // recharts draws after hydration; the map after its style and sources load.
  await expect(tile(page, "monthly-trend").locator(".recharts-bar-rectangle").first()).toBeVisible({ timeout: DATA_TIMEOUT });
  await expect(page.locator("[data-map-state]")).toHaveAttribute("data-map-state", "loaded", { timeout: DATA_TIMEOUT });
  await expect.poll(() => page.evaluate(() => (window as unknown as { mapLoaded?: boolean }).mapLoaded === true), { timeout: DATA_TIMEOUT }).toBe(true);
  await page.screenshot({ path: "e2e/artifacts/loss-summary.png", fullPage: true });
});

test("changing a filter updates the URL and the numbers; back restores them", async ({ page }) => {
  await page.goto("/loss-summary");
  const all = await fetchSummary(page);
  await expectLoaded(page);

  // The borough with the fewest claims, so the narrowed figures surely differ from the whole book's.
  const borough = [...all.map.boroughs].sort((a, b) => a.claimCount - b.claimCount)[0]!.borough;
  const narrowed = await fetchSummary(page, { borough });
  expect(narrowed.kpis.claimCount).not.toBe(all.kpis.claimCount);

  await page.getByLabel("Borough", { exact: true }).selectOption(borough);
  await expect.poll(() => searchParam(page, "borough")).toBe(borough);
  await expectLoaded(page);
  await expectKpis(page, narrowed);
  await expect(page.locator('[data-filter-chip="borough"]')).toBeVisible();

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
  await tile(page, "by-hour").locator(".recharts-bar-rectangle").nth(3).click();
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

test("the map loads and draws the boroughs", async ({ page }) => {
  await page.goto("/loss-summary");
  await expectLoaded(page, ["policy-map"]);
  const map = page.locator("[data-map-state]");
  await expect(map).toHaveAttribute("data-map-state", "loaded", { timeout: DATA_TIMEOUT });
  // The choropleth is WebGL: look at the pixels. Loss ratio classes are all warm (yellow to red), which
  // neither the land, the water nor the policy circles are.
  await expect
    .poll(
      async () => {
        const png = (await map.screenshot()).toString("base64");
        return page.evaluate(async (data) => {
          const image = new Image();
          image.src = `data:image/png;base64,${data}`;
          await image.decode();
          const canvas = document.createElement("canvas");
          canvas.width = image.width;
          canvas.height = image.height;
          const context = canvas.getContext("2d")!;
          context.drawImage(image, 0, 0);
          const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
          let warm = 0;
          for (let i = 0; i < pixels.length; i += 4) {
            const [r, g, b] = [pixels[i]!, pixels[i + 1]!, pixels[i + 2]!];
            if (r > 200 && r - b > 70 && r >= g) warm += 1;
          }
          return warm / (pixels.length / 4);
        }, png);
      },
      { timeout: DATA_TIMEOUT },
    )
    .toBeGreaterThan(0.02);
});
