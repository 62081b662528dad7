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

test.describe("the header", () => {
  test.use({ storageState: storageStateFor("admin") });

  test("lines up with the page's content on every dashboard, narrow tables included", async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    for (const path of ["/loss-summary", "/claims", "/engagement"]) {
      await page.goto(path);
      const logo = await page.getByRole("link", { name: "Goldlens home" }).boundingBox();
      const title = await page.getByRole("heading", { level: 1 }).boundingBox();
      const signOut = await page.getByRole("button", { name: "Sign out" }).boundingBox();
      const firstTile = await page.locator("main section, main form").first().boundingBox();
      // The logo starts where the page title does, and sign-out ends where the page's boxes end.
      expect(Math.abs(logo!.x - title!.x), path).toBeLessThanOrEqual(1);
      expect(Math.abs(signOut!.x + signOut!.width - (firstTile!.x + firstTile!.width)), path).toBeLessThanOrEqual(1);
    }
  });

  test("on a phone, keeps sign-out on one line and the dashboards on their own scrolling row", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/loss-summary");
    const signOut = page.getByRole("button", { name: "Sign out" });
    const logo = await page.getByRole("link", { name: "Goldlens home" }).boundingBox();
    const button = await signOut.boundingBox();
    const nav = page.getByRole("navigation", { name: "Main" });
    const navBox = await nav.boundingBox();
    // One line of text: no taller than the logo's row.
    expect(button!.height).toBeLessThanOrEqual(logo!.height + 4);
    expect(button!.x + button!.width).toBeLessThanOrEqual(390);
    // The dashboards sit below the logo and sign-out, across the width, and scroll sideways to reach the last.
    expect(navBox!.y).toBeGreaterThanOrEqual(Math.max(logo!.y + logo!.height, button!.y + button!.height) - 1);
    const last = nav.getByRole("link").last();
    await last.scrollIntoViewIfNeeded();
    await expect(last).toBeInViewport();
    await expect(page.getByRole("heading", { level: 1 })).toBeInViewport();
  });
});
