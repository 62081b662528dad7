import { expect, request as playwrightRequest, test } from "@playwright/test";
import { startAppServer } from "./support/appServer";
import { startOidcIssuer, type OidcIssuer } from "./support/oidcIssuer";
import { storageStateFor } from "./roles";

// The other two sign-in modes, each on a second server started from the same build and data:
// databricks-apps (identity from the Apps proxy's headers) and oidc (a local OpenID Connect provider).
test.describe.configure({ mode: "serial" });

test.describe("databricks-apps mode", () => {
  let app: Awaited<ReturnType<typeof startAppServer>>;

  test.beforeAll(async () => {
    app = await startAppServer(3108, {
      AUTH_MODE: "databricks-apps",
      AUTH_ROLE_MAP: "ana@insurer.example=investigator,*@insurer.example=executive",
    });
  });
  test.afterAll(async () => app?.stop());

  test("serves what the forwarded identity's mapped role may open, and nothing to others", async () => {
    const as = async (email: string | null) =>
      playwrightRequest.newContext({ baseURL: app.url, extraHTTPHeaders: email ? { "x-forwarded-email": email, "x-forwarded-preferred-username": email.split("@")[0]! } : {}, maxRedirects: 0 });
    const ana = await as("ana@insurer.example");
    const zoe = await as("zoe@insurer.example");
    const stranger = await as("max@elsewhere.example");
    const nobody = await as(null);
    expect((await ana.get("/api/claims?pageSize=1")).status()).toBe(200);
    expect((await zoe.get("/api/loss-summary")).status()).toBe(200);
    expect((await zoe.get("/api/claims")).status()).toBe(403);
    const refused = await stranger.get("/api/loss-summary");
    expect(refused.status()).toBe(403);
    expect((await refused.json()).error.message).toContain("AUTH_ROLE_MAP");
    expect((await nobody.get("/api/loss-summary")).status()).toBe(401);
    // Auth.js is not in play behind Databricks Apps.
    expect((await ana.get("/api/auth/session")).status()).toBe(404);
    for (const c of [ana, zoe, stranger, nobody]) await c.dispose();
  });

  test("ignores a demo session cookie: only the forwarded identity counts", async () => {
    const demoAdmin = await playwrightRequest.newContext({ baseURL: app.url, storageState: storageStateFor("admin"), maxRedirects: 0 });
    expect((await demoAdmin.get("/api/loss-summary")).status()).toBe(401);
    await demoAdmin.dispose();
  });

  test("shows the mapped user in the header, without sign-out, and writes their decisions under their name", async ({ browser }) => {
    const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-email": "ana@insurer.example", "x-forwarded-preferred-username": "Ana Ortiz" } });
    const page = await context.newPage();
    await page.goto(`${app.url}/claims`);
    await expect(page.getByText("Ana Ortiz")).toBeVisible();
    await expect(page.getByRole("button", { name: "Sign out" })).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Loss Summary" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Email Engagement" })).toHaveCount(0);
    const queue = await (await page.request.get(`${app.url}/api/claims?pageSize=1&decisionStatus=undecided`)).json();
    const claimNo: string = queue.rows[0].claimNo;
    const decided = await page.request.post(`${app.url}/api/claims/${claimNo}/decisions`, {
      data: { decision: "investigate", note: "seen behind Databricks Apps", expectedVersion: 0, idempotencyKey: `apps-${claimNo}` },
    });
    expect(decided.status()).toBe(201);
    expect((await decided.json()).decision.decidedBy).toBe("ana@insurer.example");
    await context.close();
  });
});

test.describe("oidc mode", () => {
  let app: Awaited<ReturnType<typeof startAppServer>>;
  let issuer: OidcIssuer;

  test.beforeAll(async () => {
    issuer = await startOidcIssuer("goldlens-test");
    app = await startAppServer(3109, {
      AUTH_MODE: "oidc",
      OIDC_ISSUER: issuer.url,
      OIDC_CLIENT_ID: "goldlens-test",
      OIDC_CLIENT_SECRET: "client-secret",
      OIDC_ROLE_CLAIM: "groups",
      AUTH_ROLE_MAP: "group:claims-team=investigator,boss@insurer.example=admin",
      NEXTAUTH_URL: "http://127.0.0.1:3109",
      NEXTAUTH_SECRET: "an-oidc-test-secret-that-is-long-enough",
    });
  });
  test.afterAll(async () => {
    await app?.stop();
    await issuer?.close();
  });

  test("signs a user in through the provider with the role their group maps to, and audits it", async ({ page, baseURL }) => {
    issuer.signInAs({ sub: "u-100", email: "Lena@Insurer.example", name: "Lena Park", groups: ["claims-team"] });
    await page.goto(`${app.url}/claims`);
    await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fclaims/);
    await expect(page.getByText("Demo mode")).toHaveCount(0);
    await page.getByRole("button", { name: "Sign in with single sign-on" }).click();
    await page.waitForURL(`${app.url}/claims`);
    await expect(page.getByText("Lena Park")).toBeVisible();
    await expect(page.getByText("Investigator", { exact: true })).toBeVisible();
    const forbidden = await page.request.get(`${app.url}/api/engagement`);
    expect(forbidden.status()).toBe(403);

    const admin = await playwrightRequest.newContext({ baseURL, storageState: storageStateFor("admin") });
    const log = await (await admin.get("/api/admin/audit?action=auth.signed_in&actor=lena@insurer.example")).json();
    expect(log.events[0]).toMatchObject({ actorEmail: "lena@insurer.example", actorName: "Lena Park", detail: { provider: "oidc" } });
    await admin.dispose();
  });

  test("refuses a user no mapping gives a role, saying why", async ({ page }) => {
    issuer.signInAs({ sub: "u-200", email: "temp@contractor.example", name: "Temp Worker", groups: ["contractors"] });
    await page.goto(`${app.url}/signin`);
    await page.getByRole("button", { name: "Sign in with single sign-on" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "no Goldlens role" })).toBeVisible();
    expect((await page.request.get(`${app.url}/api/loss-summary`)).status()).toBe(401);
  });
});
