import { readdirSync } from "node:fs";
import path from "node:path";
import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import { storageStateFor } from "./roles";

// The role matrix of the product, written out by hand: every page and API route, every role, the exact status.
type Who = "anonymous" | "executive" | "investigator" | "marketing" | "admin";
const EVERYONE: Who[] = ["executive", "investigator", "marketing", "admin"];
const EXECUTIVE_VIEW: Who[] = ["executive", "investigator", "admin"];
const CLAIMS: Who[] = ["investigator", "admin"];
const ENGAGEMENT: Who[] = ["executive", "marketing", "admin"];

interface Case {
  route: string;
  path: (ids: { claimNo: string; imageName: string }) => string;
  kind: "page" | "api";
  allowed: Who[] | "public";
  /** GET unless said; a POST sends an empty object, which a route that lets the caller in refuses with 422. */
  method?: "POST";
}

const MATRIX: Case[] = [
  { route: "/", path: () => "/", kind: "page", allowed: EVERYONE },
  { route: "/signin", path: () => "/signin", kind: "page", allowed: "public" },
  { route: "/forbidden", path: () => "/forbidden", kind: "page", allowed: EVERYONE },
  { route: "/loss-summary", path: () => "/loss-summary", kind: "page", allowed: EXECUTIVE_VIEW },
  { route: "/claims", path: () => "/claims", kind: "page", allowed: CLAIMS },
  { route: "/claims/[claimNo]", path: (i) => `/claims/${i.claimNo}`, kind: "page", allowed: CLAIMS },
  { route: "/engagement", path: () => "/engagement", kind: "page", allowed: ENGAGEMENT },
  { route: "/api/loss-summary", path: () => "/api/loss-summary", kind: "api", allowed: EXECUTIVE_VIEW },
  { route: "/api/claims", path: () => "/api/claims", kind: "api", allowed: CLAIMS },
  { route: "/api/claims/[claimNo]", path: (i) => `/api/claims/${i.claimNo}`, kind: "api", allowed: CLAIMS },
  { route: "/api/claims/[claimNo]/telematics", path: (i) => `/api/claims/${i.claimNo}/telematics`, kind: "api", allowed: CLAIMS },
  { route: "/api/claims/[claimNo]/images/[imageName]", path: (i) => `/api/claims/${i.claimNo}/images/${i.imageName}`, kind: "api", allowed: CLAIMS },
  { route: "/api/claims/[claimNo]/decisions", path: (i) => `/api/claims/${i.claimNo}/decisions`, kind: "api", allowed: CLAIMS },
  { route: "/api/decisions", path: () => "/api/decisions", kind: "api", allowed: CLAIMS },
  { route: "/api/engagement", path: () => "/api/engagement", kind: "api", allowed: ENGAGEMENT },
  { route: "/api/engagement/accounts", path: () => "/api/engagement/accounts", kind: "api", allowed: ENGAGEMENT },
  { route: "/api/auth/[...nextauth]", path: () => "/api/auth/session", kind: "api", allowed: "public" },
  { route: "/api/claims/export", path: () => "/api/claims/export?q=CLM1", kind: "api", allowed: CLAIMS },
  { route: "/api/exports", path: () => "/api/exports", kind: "api", allowed: EVERYONE, method: "POST" },
  { route: "/admin/audit", path: () => "/admin/audit", kind: "page", allowed: ["admin"] },
  { route: "/api/admin/audit", path: () => "/api/admin/audit", kind: "api", allowed: ["admin"] },
];

function appRoutes(): string[] {
  const appDir = path.resolve(import.meta.dirname, "../app");
  return readdirSync(appDir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /^(page|route)\.tsx?$/.test(e.name))
    .map((e) => `/${path.relative(appDir, e.parentPath).split(path.sep).filter((s) => s && !/^\(.*\)$/.test(s)).join("/")}`)
    .sort();
}

test("the matrix covers every page and API route of the app", () => {
  expect(MATRIX.map((c) => c.route).sort()).toEqual(appRoutes());
});

const contexts = new Map<Who, APIRequestContext>();
let ids = { claimNo: "", imageName: "" };

test.beforeAll(async ({ baseURL }) => {
  for (const who of ["anonymous", ...EVERYONE] as Who[]) {
    contexts.set(who, await playwrightRequest.newContext({ baseURL, storageState: who === "anonymous" ? undefined : storageStateFor(who), maxRedirects: 0 }));
  }
  const admin = contexts.get("admin")!;
  const queue = await (await admin.get("/api/claims?pageSize=50")).json();
  for (const row of queue.rows as Array<{ claimNo: string }>) {
    const detail = await (await admin.get(`/api/claims/${row.claimNo}`)).json();
    if (detail.images.length > 0) {
      ids = { claimNo: row.claimNo, imageName: detail.images[0].name };
      break;
    }
  }
  expect(ids.claimNo).not.toBe("");
});

test.afterAll(async () => {
  for (const c of contexts.values()) await c.dispose();
});

for (const c of MATRIX) {
  for (const who of ["anonymous", ...EVERYONE] as Who[]) {
    const allowed = c.allowed === "public" || (who !== "anonymous" && c.allowed.includes(who));
    const expected = allowed ? (c.method === "POST" ? 422 : 200) : who === "anonymous" ? (c.kind === "page" ? 307 : 401) : 403;
    test(`${c.method ?? "GET"} ${c.route} as ${who}: ${expected}`, async () => {
      const context = contexts.get(who)!;
      const res = c.method === "POST" ? await context.post(c.path(ids), { data: {} }) : await context.get(c.path(ids));
      expect(res.status()).toBe(expected);
      if (expected === 307) expect(res.headers()["location"]).toContain("/signin?callbackUrl=");
      if (c.kind === "api" && expected >= 400) {
        const body = await res.json();
        expect(body.error.code).toBe(({ 401: "unauthorized", 403: "forbidden", 422: "unprocessable" } as Record<number, string>)[expected]);
      }
    });
  }
}
