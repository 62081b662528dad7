import { expect, test, type Locator, type Page } from "@playwright/test";
import Papa from "papaparse";
import { claimsResponse, type ClaimsResponse } from "../lib/api/claimsSchema";
import { formatCount } from "../lib/format";
import { storageStateFor } from "./roles";

// The queue and the case page against the real API. Decisions land in a database shared by every test and
// run, so each test that decides picks its own undecided claim through the API when it runs, from a set no
// other test picks from.

test.use({ storageState: storageStateFor("investigator") });

type Query = Record<string, string>;

async function fetchQueue(page: Page, query: Query = {}): Promise<ClaimsResponse> {
  const response = await page.request.get(`/api/claims?${new URLSearchParams(query)}`);
  expect(response.status(), await response.text()).toBe(200);
  return claimsResponse.parse(await response.json());
}

async function telematicsPoints(page: Page, claimNo: string): Promise<number> {
  const response = await page.request.get(`/api/claims/${claimNo}/telematics`);
  expect(response.status()).toBe(200);
  const body = (await response.json()) as { features: { properties: { kind: string } }[] };
  return body.features.filter((f) => f.properties.kind === "point").length;
}

/** An undecided claim of the given queue whose vehicle has telematics around the incident. */
async function undecidedClaimWithTelematics(page: Page, query: Query): Promise<{ claimNo: string; points: number }> {
  const queue = await fetchQueue(page, { ...query, decisionStatus: "undecided", sort: "claimNo", dir: "asc", pageSize: "40" });
  for (const row of queue.rows) {
    const speed = row.checks.find((c) => c.id === "speed_within_limit");
    if (speed?.passed === null) continue;
    const points = await telematicsPoints(page, row.claimNo);
    if (points > 1) return { claimNo: row.claimNo, points };
  }
  throw new Error(`no undecided claim with telematics in ${JSON.stringify(query)}`);
}

const panel = (page: Page, id: string): Locator => page.locator(`[data-tile="${id}"]`);

async function expectLoaded(page: Page, ids: string[]) {
  for (const id of ids) await expect(panel(page, id)).toHaveAttribute("data-state", "loaded");
}

function searchParam(page: Page, name: string): string | null {
  return new URL(page.url()).searchParams.get(name);
}

async function listenForMapLoad(page: Page) {
  await page.addInitScript(() => {
    document.addEventListener("goldlens:map-load", () => {
      (window as unknown as { mapLoaded: boolean }).mapLoaded = true;
    });
  });
}

test("severity mismatch: filter, open a claim, see its path, record a decision that survives a reload", async ({ page }) => {
  await listenForMapLoad(page);
  await page.goto("/claims");
  const all = await fetchQueue(page);
  await expectLoaded(page, ["counters", "queue"]);
  await expect(page.locator('[data-counter="severityMismatch"] [data-counter-value]')).toHaveText(formatCount(all.counters.severityMismatch));

  // The counter filters the queue to exactly its claims, every one with a failed severity check.
  await page.locator('[data-counter="severityMismatch"]').click();
  await expect.poll(() => searchParam(page, "failedCheck")).toBe("severity_consistent");
  await expect(page.locator('[data-counter="severityMismatch"]')).toHaveAttribute("aria-pressed", "true");
  await expectLoaded(page, ["queue"]);
  await expect(page.getByTestId("queue-range")).toContainText(`of ${formatCount(all.counters.severityMismatch)} claims`);
  const marks = page.locator('[data-claim-row] [data-check="severity_consistent"]');
  await expect(marks.first()).toBeVisible();
  expect(new Set(await marks.evaluateAll((els) => els.map((el) => el.getAttribute("data-check-state"))))).toEqual(new Set(["failed"]));

  // Narrow to undecided ones and find the chosen claim by its number.
  const { claimNo, points } = await undecidedClaimWithTelematics(page, { failedCheck: "severity_consistent" });
  await page.getByLabel("Decision", { exact: true }).selectOption("undecided");
  await page.getByLabel("Find a claim").fill(claimNo);
  await expect.poll(() => searchParam(page, "q")).toBe(claimNo);
  await expectLoaded(page, ["queue"]);
  await page.getByRole("link", { name: claimNo, exact: true }).click();

  await page.waitForURL((url) => url.pathname === `/claims/${claimNo}`);
  expect(searchParam(page, "failedCheck")).toBe("severity_consistent");
  await expectLoaded(page, ["claim", "assessment", "telematics"]);
  await expect(page.locator('[data-rule="severity_consistent"]')).toHaveAttribute("data-check-state", "failed");

  // The path is in the map: the load event fired and the source holds every telematics point.
  await expect(page.locator("[data-map-state]")).toHaveAttribute("data-map-state", "loaded");
  await expect.poll(() => page.evaluate(() => (window as unknown as { mapLoaded?: boolean }).mapLoaded === true)).toBe(true);
  await expect(page.locator("[data-path-points]")).toHaveAttribute("data-path-points", String(points));
  // recharts draws after hydration.
  await expect(panel(page, "telematics").locator(".recharts-line-curve")).toBeVisible();

  // A note is required unless funds are released, and a reload keeps what was typed.
  const decision = page.locator('[data-tile="decision"]');
  await decision.getByRole("radio", { name: /Investigate further/ }).check();
  await decision.getByRole("button", { name: /^Record/ }).click();
  await expect(decision.getByRole("alert")).toContainText("Add a note");
  const note = `Photo and report disagree; asking the garage for an estimate (${Date.now()}).`;
  await decision.getByLabel(/^Note/).fill(note);
  await page.reload();
  await expectLoaded(page, ["claim"]);
  await expect(decision.getByLabel(/^Note/)).toHaveValue(note);
  await expect(decision.getByRole("radio", { name: /Investigate further/ })).toBeChecked();

  await decision.getByRole("button", { name: "Record: Investigate further" }).click();
  await expect(decision.locator("[data-decision-saved]")).toContainText("Under investigation");
  await expect(decision.getByLabel(/^Note/)).toHaveValue("");

  await page.reload();
  await expectLoaded(page, ["claim", "decision-history"]);
  await expect(page.getByTestId("decision-status")).toHaveText("Under investigation");
  const latest = panel(page, "decision-history").locator("li").first();
  await expect(latest).toContainText("Under investigation");
  await expect(latest).toContainText(note);
  await expect(latest).toContainText("investigator@goldlens.local");
  await expect(decision.getByLabel(/^Note/)).toHaveValue("");

  await expectLoaded(page, ["telematics"]);
  await expect(page.locator("[data-path-points]")).toHaveAttribute("data-path-points", String(points));
  // Tall enough for the decision column (sticky, and as tall as the window) to show the history too; from the
  // top, so the sticky parts sit where a reader sees them.
  await page.setViewportSize({ width: 1280, height: 1600 });
  await page.evaluate(() => window.scrollTo(0, 0));
  // Two frames: the chart and the map redraw for the new size on the next one.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  await page.screenshot({ path: "e2e/artifacts/claim-case.png", fullPage: true });
});

test("two investigators decide the same claim: one is recorded, the other sees it and resubmits", async ({ browser, page }) => {
  // Claims that passed every check are never severity mismatches, so this never picks the other test's claim.
  const { claimNo } = await undecidedClaimWithTelematics(page, { nextBestAction: "release funds" });
  const state = storageStateFor("investigator");
  const first = await browser.newContext({ storageState: state });
  const second = await browser.newContext({ storageState: state });
  try {
    const a = await first.newPage();
    const b = await second.newPage();
    await Promise.all([a.goto(`/claims/${claimNo}`), b.goto(`/claims/${claimNo}`)]);
    await Promise.all([expectLoaded(a, ["claim"]), expectLoaded(b, ["claim"])]);
    await expect(a.getByTestId("current-decision")).toHaveAttribute("data-version", "0");
    await expect(b.getByTestId("current-decision")).toHaveAttribute("data-version", "0");

    const panelA = a.locator('[data-tile="decision"]');
    await panelA.getByRole("radio", { name: /Release funds/ }).check();
    await panelA.getByRole("button", { name: "Record: Release funds" }).click();
    await expect(panelA.locator("[data-decision-saved]")).toContainText("Funds released");

    // The second investigator decided on version 0, which is no longer the latest.
    const panelB = b.locator('[data-tile="decision"]');
    const note = `Prior claims on this vehicle look staged (${Date.now()}).`;
    await panelB.getByRole("radio", { name: /Deny/ }).check();
    await panelB.getByLabel(/^Note/).fill(note);
    await panelB.getByRole("button", { name: "Record: Deny" }).click();
    const conflict = b.getByTestId("decision-conflict");
    await expect(conflict).toBeVisible();
    await expect(conflict.getByTestId("conflict-decision")).toContainText("Funds released");
    await expect(conflict).toContainText("investigator@goldlens.local");
    await expect(panelB.getByLabel(/^Note/)).toHaveValue(note);

    await conflict.getByRole("button", { name: "Review and resubmit" }).click();
    await expect(b.getByTestId("decision-conflict")).toHaveCount(0);
    await expect(b.getByTestId("current-decision")).toHaveAttribute("data-version", "1");
    await expect(panelB.getByLabel(/^Note/)).toHaveValue(note);
    await panelB.getByRole("button", { name: "Record: Deny" }).click();
    await expect(panelB.locator("[data-decision-saved]")).toContainText("Denied");

    const history = panel(b, "decision-history").locator("li");
    await expect(history).toHaveCount(2);
    await expect(history.first()).toContainText("Denied");
    await expect(history.nth(1)).toContainText("Funds released");
  } finally {
    await first.close();
    await second.close();
  }
});

test("a claim without telematics says so instead of drawing an empty map", async ({ page }) => {
  const queue = await fetchQueue(page, { sort: "claimNo", dir: "asc", pageSize: "200" });
  let claimNo: string | null = null;
  for (const row of queue.rows.filter((r) => r.checks.some((c) => c.id === "speed_within_limit" && c.passed === null))) {
    if ((await telematicsPoints(page, row.claimNo)) === 0) {
      claimNo = row.claimNo;
      break;
    }
  }
  expect(claimNo, "a claim without telematics on the queue's first page").not.toBeNull();
  await page.goto(`/claims/${claimNo}`);
  await expect(panel(page, "telematics")).toHaveAttribute("data-state", "empty");
  await expect(panel(page, "telematics")).toContainText("No telematics from this vehicle around the incident");
  await expect(page.locator("[data-map-state]")).toHaveCount(0);
  await expect(page.locator('[data-rule="speed_within_limit"]')).toHaveAttribute("data-check-state", "unknown");
});

test("an unknown claim number shows the claim's not-found page", async ({ page }) => {
  const response = await page.request.get("/api/claims/CLM0000000");
  expect(response.status()).toBe(404);
  await page.goto("/claims/CLM0000000");
  await expect(page.getByTestId("claim-not-found")).toBeVisible();
  await expect(page.getByRole("heading", { name: "No such claim" })).toBeVisible();
});

test("on a phone, the way to the decision sits on the eyebrow's line and leads to the decision form", async ({ page }) => {
  const [first] = (await fetchQueue(page, { sort: "claimNo", dir: "asc", pageSize: "1" })).rows;
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/claims/${first!.claimNo}`);
  await expectLoaded(page, ["claim"]);
  const eyebrow = await panel(page, "claim").getByText("Claim", { exact: true }).boundingBox();
  const decide = panel(page, "claim").getByRole("link", { name: "Decide ↓" });
  const link = await decide.boundingBox();
  // On the eyebrow's line, at its right end: not alone on a line of its own under the wrapped badges.
  expect(Math.abs(link!.y + link!.height / 2 - (eyebrow!.y + eyebrow!.height / 2))).toBeLessThanOrEqual(2);
  expect(link!.x + link!.width).toBeGreaterThan(390 - 40);
  await expect(panel(page, "decision")).not.toBeInViewport();
  await decide.click();
  await expect(panel(page, "decision")).toBeInViewport();
  // Beside the decision column on a wide screen, the link is not needed and not shown.
  await page.setViewportSize({ width: 1440, height: 900 });
  await expect(decide).toBeHidden();
});

test("previous and next step through the queue the case was opened from", async ({ page }) => {
  // Not the default direction, so the URL keeps it and the test sees it carried through.
  const query = { failedCheck: "policy_in_force", sort: "amountTotal", dir: "asc" };
  const queue = await fetchQueue(page, query);
  expect(queue.rows.length).toBeGreaterThan(2);
  const [first, second, third] = queue.rows;

  await page.goto(`/claims?${new URLSearchParams(query)}`);
  await expectLoaded(page, ["queue"]);
  await page.getByRole("link", { name: second!.claimNo, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(second!.claimNo);
  await expect(page.getByTestId("queue-position")).toHaveText(`2 of ${formatCount(queue.total)} in the queue`);

  await page.getByRole("link", { name: "Next claim" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(third!.claimNo);
  expect(searchParam(page, "sort")).toBe("amountTotal");
  await expect(page.getByTestId("queue-position")).toHaveText(`3 of ${formatCount(queue.total)} in the queue`);
  // K goes back, as in a mail client.
  await page.keyboard.press("k");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(second!.claimNo);
  await expect(page.getByTestId("queue-position")).toHaveText(`2 of ${formatCount(queue.total)} in the queue`);
  await page.keyboard.press("k");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(first!.claimNo);
  await expect(page.getByTestId("queue-position")).toHaveText(`1 of ${formatCount(queue.total)} in the queue`);
  await expect(page.locator('[data-step="previous"]')).toHaveCount(0);

  await page.getByRole("link", { name: "Claims queue" }).click();
  await page.waitForURL((url) => url.pathname === "/claims");
  expect(Object.fromEntries(new URL(page.url()).searchParams)).toEqual(query);
});

test("the Loss Summary drill-through filters show as removable chips and narrow the queue", async ({ page }) => {
  const query: Query = { from: "2020-01-01", to: "2030-12-31", policyType: "COMP", borough: "BROOKLYN", severity: "Major Damage", hour: "17" };
  const expected = await fetchQueue(page, query);

  await page.goto(`/claims?${new URLSearchParams(query)}`);
  await expect(panel(page, "queue")).toHaveAttribute("data-state", expected.total === 0 ? "empty" : "loaded");
  for (const chip of ["period", "policyType", "borough", "severity", "hour"]) await expect(page.locator(`[data-filter-chip="${chip}"]`)).toBeVisible();
  if (expected.total > 0) await expect(page.getByTestId("queue-range")).toContainText(`of ${formatCount(expected.total)} claims`);

  await page.getByRole("button", { name: /^Remove filter Hour/ }).click();
  await expect.poll(() => searchParam(page, "hour")).toBeNull();
  expect(searchParam(page, "borough")).toBe("BROOKLYN");
  const { hour: _hour, ...withoutHour } = query;
  const widened = await fetchQueue(page, withoutHour);
  await expectLoaded(page, ["queue"]);
  await expect(page.getByTestId("queue-range")).toContainText(`of ${formatCount(widened.total)} claims`);
});

test("the filtered queue downloads as CSV, every claim once", async ({ page }) => {
  const query = { failedCheck: "amount_within_cover" };
  const expected = await fetchQueue(page, { ...query, pageSize: "200" });
  await page.goto(`/claims?${new URLSearchParams(query)}`);
  await expectLoaded(page, ["queue"]);

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export CSV" }).click()]);
  expect(download.suggestedFilename()).toBe("claims-queue-all-dates.csv");
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  const parsed = Papa.parse<Record<string, string>>(Buffer.concat(chunks).toString("utf8").replace(/^\uFEFF/, ""), { header: true, skipEmptyLines: true });
  expect(parsed.data).toHaveLength(expected.total);
  expect(new Set(parsed.data.map((r) => r.claimNo)).size).toBe(expected.total);
  expect(new Set(parsed.data.map((r) => r.check_amount_within_cover))).toEqual(new Set(["failed"]));
  await expect(page.getByTestId("export-status")).toHaveText(`Exported ${formatCount(expected.total)} claims.`);
});
