import { expect as baseExpect, test, type Download, type Locator, type Page } from "@playwright/test";
import Papa from "papaparse";
import {
  engagementAccountsResponse,
  engagementResponse,
  type EngagementAccountsResponse,
  type EngagementMetrics,
  type EngagementResponse,
} from "../lib/api/engagementSchema";
import { NO_DATA, formatCount, formatDate, formatPercent, formatPeriod, formatPointChange, formatRelativeChange, formatTimestamp } from "../lib/format";
import { storageStateFor } from "./roles";

// Every figure is compared with what the API answers for the same query, formatted the way the page formats
// it: the test proves the page shows the API's numbers, not that the numbers are some constant.

test.use({ storageState: storageStateFor("marketing") });

// Figures come from the real warehouse through the production server; on a busy machine an answer can take
// longer than Playwright's 5 s default, and waiting for the real state is the point.
const expect = baseExpect.configure({ timeout: 20_000 });
test.describe.configure({ timeout: 120_000 });

type Query = Record<string, string>;

// Through the page's own context, so the API sees the same signed-in session as the page.
async function fetchEngagement(page: Page, query: Query = {}): Promise<EngagementResponse> {
  const response = await page.request.get(`/api/engagement?${new URLSearchParams(query)}`);
  expect(response.status(), await response.text()).toBe(200);
  return engagementResponse.parse(await response.json());
}

async function fetchAccounts(page: Page, query: Query): Promise<EngagementAccountsResponse> {
  const response = await page.request.get(`/api/engagement/accounts?${new URLSearchParams(query)}`);
  expect(response.status(), await response.text()).toBe(200);
  return engagementAccountsResponse.parse(await response.json());
}

const tile = (page: Page, id: string): Locator => page.locator(`section[data-tile="${id}"]`);
const kpiValue = (page: Page, key: string) => page.locator(`[data-kpi="${key}"] [data-kpi-value]`);
const kpiChange = (page: Page, key: string) => page.locator(`[data-kpi="${key}"] [data-kpi-change]`);
const searchParam = (page: Page, name: string) => new URL(page.url()).searchParams.get(name);

const TILES = ["key-figures", "country-map", "countries", "trend", "top-campaigns"];

async function expectLoaded(page: Page, ids = ["key-figures"]) {
  for (const id of ids) await expect(tile(page, id)).toHaveAttribute("data-state", "loaded");
}

async function expectKpis(page: Page, totals: EngagementMetrics, previous: EngagementMetrics) {
  const counts = ["sends", "uniqueOpens", "uniqueClicks"] as const;
  const ratios = ["openRate", "clickRatio"] as const;
  // Where there is nothing to compare against (no previous sends or opens), the page says so instead of a number.
  const change = (text: string) => (text === NO_DATA ? "no comparison" : text);
  for (const key of counts) {
    await expect(kpiValue(page, key), key).toHaveText(formatCount(totals[key]));
    await expect(kpiChange(page, key), key).toContainText(change(formatRelativeChange(totals[key], previous[key])));
  }
  for (const key of ratios) {
    await expect(kpiValue(page, key), key).toHaveText(formatPercent(totals[key]));
    await expect(kpiChange(page, key), key).toContainText(change(formatPointChange(totals[key], previous[key])));
  }
}

async function readCsv(download: Download): Promise<Record<string, string>[]> {
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8").replace(/^\uFEFF/, "");
  return Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
}

/** Records the page's data requests, so a test can count them. */
function recordApiCalls(page: Page): string[] {
  const calls: string[] = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith("/api/engagement")) calls.push(`${url.pathname}${url.search}`);
  });
  return calls;
}

/** The world map: a region drawn as SVG with the page. */
const worldMap = (page: Page) => tile(page, "country-map").getByRole("region", { name: /^World map of/ });

/**
 * A point on screen where the country's own shape is what the pointer hits (a bounding box's centre can
 * fall in a neighbour, or in the sea for the United States with Alaska).
 */
async function pointInside(page: Page, country: string): Promise<{ x: number; y: number }> {
  const shape = worldMap(page).locator(`path[data-country="${country}"]`).first();
  await shape.evaluate((element) => element.scrollIntoView({ block: "center" }));
  const point = await shape.evaluate((element) => {
    const box = element.getBoundingClientRect();
    for (let i = 1; i < 12; i++) {
      for (let j = 1; j < 12; j++) {
        const x = box.left + (box.width * i) / 12;
        const y = box.top + (box.height * j) / 12;
        if (document.elementFromPoint(x, y) === element) return { x, y };
      }
    }
    return null;
  });
  expect(point, `no point of ${country} is visible on the map`).not.toBeNull();
  return point!;
}

test("the KPIs, period and build on screen are the API's, and the map shades the countries", async ({ page }) => {
  const calls = recordApiCalls(page);
  await page.goto("/engagement");
  const all = await fetchEngagement(page);

  await expectLoaded(page, TILES);
  await expectKpis(page, all.totals, all.previous);
  await expect(page.getByTestId("period")).toContainText(formatPeriod(all.period));
  await expect(page.getByTestId("as-of")).toContainText(`Data as of ${formatDate(all.asOf.engagementAsOf)}`);
  await expect(page.getByTestId("as-of")).toContainText(`gold build ${formatTimestamp(all.asOf.builtAt)}`);
  await expect(page.getByLabel("From", { exact: true })).toHaveValue(all.period.from);
  await expect(page.getByLabel("To", { exact: true })).toHaveValue(all.period.to);
  await expect(tile(page, "top-campaigns").getByTestId("top-campaigns-threshold")).toContainText(
    `at least ${formatCount(all.topCampaigns.minUniqueOpens)} unique opens`,
  );
  await expect(tile(page, "trend")).toContainText(all.trend.grain === "week" ? "Weekly" : "Daily");
  // A column of unique opens for each week (or day) that has some.
  await expect(tile(page, "trend").locator('[data-bar][data-category="uniqueOpens"]')).toHaveCount(all.trend.points.filter((p) => p.uniqueOpens > 0).length);

  // One row per country of the API, Unknown included, and Unknown also beside the map.
  await expect(tile(page, "countries").locator("tbody tr")).toHaveCount(all.byCountry.length);
  const unknown = all.byCountry.find((r) => r.country === "Unknown");
  if (unknown) {
    await expect(tile(page, "country-map").locator('[data-country="Unknown"]')).toContainText(`${formatCount(unknown.sends)} sends`);
  }

  // The map: loaded, every country of the API with a shape drawn under its name, and coloured on screen.
  const map = worldMap(page);
  await expect(map).toHaveAttribute("data-state", "loaded");
  const named = all.byCountry.filter((r) => r.isoN3 !== null && r.sends > 0);
  const drawn = await map.locator("path[data-country]").evaluateAll((paths) => paths.map((p) => p.getAttribute("data-country")));
  expect(drawn.length).toBeGreaterThan(0);
  for (const country of drawn) expect(named.map((r) => r.country)).toContain(country);
  expect(Number(await map.getAttribute("data-shaded-countries"))).toBe(drawn.length);
  // Look at the pixels: the colour classes are blue-green, which neither land nor water is.
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
          let shaded = 0;
          for (let i = 0; i < pixels.length; i += 4) {
            const [r, g, b] = [pixels[i]!, pixels[i + 1]!, pixels[i + 2]!];
            if (b - r > 50 && g > r) shaded += 1;
          }
          return shaded / (pixels.length / 4);
        }, png);
      },
      { timeout: 15_000 },
    )
    .toBeGreaterThan(0.02);

  // The page arrives with its figures (prefetched on the server): no API request, and the accounts wait for a country.
  expect(calls).toEqual([]);
  // From the top: the site header is sticky and would otherwise be drawn wherever the map check left the page.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: "e2e/artifacts/engagement.png", fullPage: true });
});

test("selecting a country in the table filters the page and the URL; back and forward restore", async ({ page }) => {
  await page.goto("/engagement");
  const all = await fetchEngagement(page);
  await expectLoaded(page, ["key-figures", "countries"]);
  await expect(tile(page, "accounts")).toHaveAttribute("data-state", "empty");

  // The second largest named country: big enough to have accounts, and surely not the whole total.
  const country = all.byCountry.filter((r) => r.country !== "Unknown").sort((a, b) => b.sends - a.sends)[1]!.country;
  const [narrowed, accounts] = await Promise.all([fetchEngagement(page, { country }), fetchAccounts(page, { country })]);
  expect(narrowed.totals.sends).not.toBe(all.totals.sends);

  const calls = recordApiCalls(page);
  await tile(page, "countries").getByRole("button", { name: new RegExp(`^${country}:`) }).click();
  await expect.poll(() => searchParam(page, "country")).toBe(country);
  await expectLoaded(page, ["key-figures", "countries", "accounts"]);
  await expectKpis(page, narrowed.totals, narrowed.previous);
  await expect(page.locator('[data-filter-chip="country"]')).toContainText(`Country: ${country}`);
  await expect(tile(page, "countries").locator('tr[data-selected="true"]')).toHaveAttribute("data-row", country);
  // The country filter highlights one row; the table still lists every country.
  await expect(tile(page, "countries").locator("tbody tr")).toHaveCount(all.byCountry.length);
  await expect(tile(page, "accounts").getByRole("heading")).toHaveText(`Accounts in ${country}`);
  // The 50 accounts with the most sends, the rest behind "Show all".
  await expect(tile(page, "accounts").locator("tbody tr")).toHaveCount(Math.min(accounts.rows.length, 50));
  if (accounts.rows.length > 50) {
    await tile(page, "accounts").getByRole("button", { name: `Show all ${formatCount(accounts.rows.length)}` }).click();
    await expect(tile(page, "accounts").locator("tbody tr")).toHaveCount(accounts.rows.length);
  }
  const largest = accounts.rows[0]!;
  await expect(tile(page, "accounts").locator("tbody tr").first().locator('[data-metric="sends"]')).toHaveText(formatCount(largest.sends));
  await expect(tile(page, "accounts").locator("[data-truncated]")).toHaveCount(accounts.truncated ? 1 : 0);
  // At most two data requests for the view: the page's and the accounts'.
  const search = new URLSearchParams({ country }).toString();
  expect(calls.sort()).toEqual([`/api/engagement/accounts?${search}`, `/api/engagement?${search}`].sort());

  await page.goBack();
  await expect.poll(() => searchParam(page, "country")).toBeNull();
  await expectLoaded(page);
  await expect(kpiValue(page, "sends")).toHaveText(formatCount(all.totals.sends));
  await expect(tile(page, "accounts")).toHaveAttribute("data-state", "empty");
  await expect(page.locator('[data-filter-chip="country"]')).toHaveCount(0);

  await page.goForward();
  await expect.poll(() => searchParam(page, "country")).toBe(country);
  await expectLoaded(page, ["key-figures", "accounts"]);
  await expect(kpiValue(page, "sends")).toHaveText(formatCount(narrowed.totals.sends));

  // The same row again clears the selection.
  await tile(page, "countries").getByRole("button", { name: new RegExp(`^${country}:`) }).click();
  await expect.poll(() => searchParam(page, "country")).toBeNull();
  await expectLoaded(page);
  await expect(kpiValue(page, "sends")).toHaveText(formatCount(all.totals.sends));
});

test("clicking a country on the map selects it, and clicking it again clears it", async ({ page }) => {
  await page.goto("/engagement");
  const all = await fetchEngagement(page);
  await expectLoaded(page, ["country-map"]);
  const map = worldMap(page);
  await expect(map).toHaveAttribute("data-state", "loaded");
  // The named country with the most sends that the map draws.
  const drawn = new Set(await map.locator("path[data-country]").evaluateAll((paths) => paths.map((p) => p.getAttribute("data-country"))));
  const row = [...all.byCountry].sort((a, b) => b.sends - a.sends).find((r) => drawn.has(r.country))!;
  const point = await pointInside(page, row.country);

  await page.mouse.move(point.x, point.y);
  const tooltip = page.locator("[data-map-tooltip]");
  await expect(tooltip).toHaveAttribute("data-map-tooltip", row.country);
  await expect(tooltip).toContainText(formatCount(row.sends));
  await expect(tooltip).toContainText(formatPercent(row.clickRatio));

  await page.mouse.click(point.x, point.y);
  await expect.poll(() => searchParam(page, "country")).toBe(row.country);
  const narrowed = await fetchEngagement(page, { country: row.country });
  await expectLoaded(page);
  await expect(kpiValue(page, "sends")).toHaveText(formatCount(narrowed.totals.sends));
  await expect(tile(page, "countries").locator('tr[data-selected="true"]')).toHaveAttribute("data-row", row.country);
  // On the map: the country outlined, the others faded.
  await expect(map.locator('[data-outline="selected"]')).toHaveCount(1);
  await expect(map.locator(`path[data-country="${row.country}"]`)).toHaveAttribute("fill-opacity", "1");

  const again = await pointInside(page, row.country);
  await page.mouse.click(again.x, again.y);
  await expect.poll(() => searchParam(page, "country")).toBeNull();
  await expectLoaded(page);
  await expect(kpiValue(page, "sends")).toHaveText(formatCount(all.totals.sends));
  await expect(map.locator('[data-outline="selected"]')).toHaveCount(0);
});

test("a campaign chosen in the ranking narrows the whole page to it", async ({ page }) => {
  await page.goto("/engagement");
  const all = await fetchEngagement(page);
  await expectLoaded(page, ["key-figures", "top-campaigns"]);
  const campaign = all.topCampaigns.rows[0];
  expect(campaign, "a campaign reaches the ranking's volume threshold in the demo data").toBeDefined();
  const narrowed = await fetchEngagement(page, { campaignId: String(campaign!.campaignId) });

  await tile(page, "top-campaigns").locator(`[data-campaign="${campaign!.campaignId}"] button`).click();
  await expect.poll(() => searchParam(page, "campaignId")).toBe(String(campaign!.campaignId));
  await expectLoaded(page);
  await expectKpis(page, narrowed.totals, narrowed.previous);
  await expect(page.locator('[data-filter-chip="campaignId"]')).toContainText(campaign!.campaignName);
  await expect(page.getByLabel("Campaign", { exact: true })).toHaveValue(String(campaign!.campaignId));
});

test("the country and account tables download as CSV with the API's figures", async ({ page }) => {
  await page.goto("/engagement");
  const all = await fetchEngagement(page);
  await expectLoaded(page, ["countries"]);

  const [countriesFile] = await Promise.all([
    page.waitForEvent("download"),
    tile(page, "countries").getByRole("button", { name: /Download CSV/ }).click(),
  ]);
  expect(countriesFile.suggestedFilename()).toBe(`engagement-countries-${all.period.from}-${all.period.to}.csv`);
  const countries = await readCsv(countriesFile);
  expect(countries.map((r) => ({ country: r.country, sends: Number(r.sends), uniqueClicks: Number(r.uniqueClicks) }))).toEqual(
    all.byCountry.map((r) => ({ country: r.country, sends: r.sends, uniqueClicks: r.uniqueClicks })),
  );

  const country = all.byCountry.find((r) => r.country !== "Unknown")!.country;
  const accounts = await fetchAccounts(page, { country });
  await page.getByLabel("Country", { exact: true }).selectOption(country);
  await expectLoaded(page, ["accounts"]);
  const [accountsFile] = await Promise.all([
    page.waitForEvent("download"),
    tile(page, "accounts").getByRole("button", { name: /Download CSV/ }).click(),
  ]);
  const slug = country.toLowerCase().replace(/[^a-z0-9]+/g, "-");
  expect(accountsFile.suggestedFilename()).toBe(`engagement-accounts-${all.period.from}-${all.period.to}-${slug}.csv`);
  const rows = await readCsv(accountsFile);
  expect(rows.map((r) => ({ accountName: r.accountName, sends: Number(r.sends) }))).toEqual(accounts.rows.map((r) => ({ accountName: r.accountName, sends: r.sends })));
});

test("sorting the country table by click ratio puts the best country first, no-ratio rows last", async ({ page }) => {
  await page.goto("/engagement");
  const all = await fetchEngagement(page);
  await expectLoaded(page, ["countries"]);
  const header = tile(page, "countries").getByRole("columnheader", { name: "Click ratio" });
  await header.getByRole("button").click();
  await expect(header).toHaveAttribute("aria-sort", "descending");
  const best = [...all.byCountry].filter((r) => r.clickRatio !== null).sort((a, b) => b.clickRatio! - a.clickRatio!)[0]!;
  await expect(tile(page, "countries").locator("tbody tr").first().locator('[data-metric="clickRatio"]')).toHaveText(formatPercent(best.clickRatio));
  await header.getByRole("button").click();
  await expect(header).toHaveAttribute("aria-sort", "ascending");
});

test("a period with no email shows empty tiles; a country the data does not know shows the API's error and a way out", async ({ page }) => {
  await page.goto("/engagement?from=2001-01-01&to=2001-12-31");
  await expect(tile(page, "key-figures")).toHaveAttribute("data-state", "empty");
  await expect(tile(page, "countries")).toHaveAttribute("data-state", "empty");
  await expect(tile(page, "trend")).toHaveAttribute("data-state", "empty");
  await expect(tile(page, "countries")).toContainText("No email activity matches these filters.");

  await page.goto("/engagement?country=Atlantis");
  await expect(tile(page, "key-figures")).toHaveAttribute("data-state", "error");
  await expect(tile(page, "key-figures")).toContainText("country");
  await expect(tile(page, "key-figures").getByRole("button", { name: "Retry" })).toBeVisible();
  await tile(page, "key-figures").getByRole("button", { name: "Clear filters" }).click();
  await expectLoaded(page);
  expect(searchParam(page, "country")).toBeNull();
});
