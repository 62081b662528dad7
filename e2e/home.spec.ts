import { expect, test } from "@playwright/test";
import { storageStateFor } from "./roles";

const dashboards = [
  { name: "Loss Summary", href: "/loss-summary" },
  { name: "Claims Investigation", href: "/claims" },
  { name: "Email Engagement", href: "/engagement" },
] as const;

test.describe("as an administrator", () => {
  test.use({ storageState: storageStateFor("admin") });

  test("home page lists the three dashboards", async ({ page }) => {
    await page.goto("/");

    const directory = page.getByRole("navigation", { name: "Dashboards" });
    await expect(directory).toBeVisible();
    await expect(directory.getByRole("link")).toHaveCount(dashboards.length);

    for (const { name, href } of dashboards) {
      const link = directory.getByRole("link", { name, exact: true });
      await expect(link).toBeVisible();
      await expect(link).toHaveAttribute("href", href);
    }

    // The status is read from the live gold build, so this also proves the warehouse path end to end.
    const status = page.getByRole("region", { name: "Data status" });
    await expect(status).toHaveAttribute("data-state", "loaded");
    await expect(status).toContainText(/Claims as of \w{3} \d{1,2}, \d{4}/);
    await expect(status).toContainText(/[\d,]+ claims · [\d,]+ policies/);

    await page.screenshot({ path: "e2e/artifacts/home.png", fullPage: true });
  });
});

test("the site icon is linked by a content-hashed URL that browsers keep for a year", async ({ page, request }) => {
  await page.goto("/signin");
  const href = await page.locator('link[rel="icon"]').first().getAttribute("href");
  // A changed icon gets a new URL, so keeping the old one forever never shows a stale icon.
  expect(href).toMatch(/^\/icon\.svg\?icon\.[a-z0-9_-]+\.svg$/);
  const res = await request.get(href!);
  expect(res.status()).toBe(200);
  expect(res.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
});
