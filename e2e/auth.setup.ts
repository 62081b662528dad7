import { expect, test as setup } from "@playwright/test";
import { ROLES } from "../lib/auth/access";
import { demoUsers } from "../lib/auth/demoUsers";
import { storageStateFor } from "./roles";

// Signs each demo user in through the real sign-in page once, and keeps the session for the tests of that role.
for (const role of ROLES) {
  setup(`sign in as ${role}`, async ({ page }) => {
    const user = demoUsers.find((u) => u.role === role)!;
    await page.goto("/signin");
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password").fill(process.env.DEMO_PASSWORD ?? "goldlens-demo");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((url) => url.pathname === "/");
    await expect(page.getByText(user.name)).toBeVisible();
    await page.context().storageState({ path: storageStateFor(role) });
  });
}
