import { expect, test, type Browser } from "@playwright/test";
import { storageStateFor } from "./roles";
import type { Role } from "../lib/auth/access";

// The audit log as an administrator reads it: exports and claim views made through the pages show up,
// and the page filters them.
async function pageAs(browser: Browser, role: Role) {
  const context = await browser.newContext({ storageState: storageStateFor(role), acceptDownloads: true });
  return { context, page: await context.newPage() };
}

test("a tile's CSV export is on the audit log before the file is saved, and the admin page finds it", async ({ browser }) => {
  const exec = await pageAs(browser, "executive");
  await exec.page.goto("/loss-summary?severity=Major%20Damage");
  const tile = exec.page.locator('[data-tile="incidents-by-type"]');
  await expect(tile).toHaveAttribute("data-state", "loaded");
  const [download] = await Promise.all([exec.page.waitForEvent("download"), tile.getByRole("button", { name: /Download CSV/ }).click()]);
  const fileName = download.suggestedFilename();
  await exec.context.close();

  const admin = await pageAs(browser, "admin");
  await admin.page.goto("/admin/audit");
  await admin.page.getByLabel("Action").selectOption("export.csv");
  await admin.page.getByLabel("User email contains").fill("exec@");
  await admin.page.getByRole("button", { name: "Apply" }).click();
  await expect(admin.page).toHaveURL(/action=export.csv/);
  const row = admin.page.getByTestId("audit-row").filter({ hasText: "loss-summary/incidents-by-type" }).first();
  await expect(row).toContainText("Demo Executive");
  await expect(row).toContainText(fileName);
  await expect(row).toContainText("Major Damage");
  await expect(admin.page.getByTestId("audit-row")).not.toHaveCount(0);
  for (const action of await admin.page.getByTestId("audit-row").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-action")))) {
    expect(action).toBe("export.csv");
  }
  await admin.context.close();
});

test("a claim view is on the log under the claim, and links back to the case", async ({ browser }) => {
  const investigator = await pageAs(browser, "investigator");
  const queue = await (await investigator.page.request.get("/api/claims?pageSize=1&sort=claimNo&dir=desc")).json();
  const claimNo: string = queue.rows[0].claimNo;
  // The case page comes with the claim from the server, which puts the view on record; the browser does not ask again.
  const detailRequests: string[] = [];
  investigator.page.on("request", (r) => {
    if (new URL(r.url()).pathname === `/api/claims/${claimNo}`) detailRequests.push(r.url());
  });
  await investigator.page.goto(`/claims/${claimNo}`);
  await expect(investigator.page.getByRole("heading", { level: 1 })).toHaveText(claimNo);
  await expect(investigator.page.locator('[data-tile="claim-details"]')).toHaveAttribute("data-state", "loaded");
  await expect(investigator.page.locator('[data-tile="telematics"]')).not.toHaveAttribute("data-state", "loading");
  expect(detailRequests).toEqual([]);
  await investigator.context.close();

  const admin = await pageAs(browser, "admin");
  await admin.page.goto(`/admin/audit?action=claim.viewed&target=${claimNo}`);
  const row = admin.page.getByTestId("audit-row").filter({ hasText: "investigator@goldlens.local" }).first();
  await expect(row).toContainText("Viewed claim");
  await expect(row.getByRole("link", { name: claimNo })).toHaveAttribute("href", `/claims/${claimNo}`);
  await admin.context.close();
});

test("filters the page refuses are named, not ignored", async ({ browser }) => {
  const admin = await pageAs(browser, "admin");
  await admin.page.goto("/admin/audit?from=2026-02-30");
  await expect(admin.page.getByTestId("audit-problem")).toContainText("from: is not a real calendar date");
  await expect(admin.page.getByTestId("audit-row")).toHaveCount(0);
  await admin.context.close();
});
