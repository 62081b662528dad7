import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { handleProxy } from "./proxyHandler";
import { authConfig } from "./config";

// The proxy in each sign-in mode: who it lets through, and that forwarded identity headers are trusted
// only behind Databricks Apps.
const saved = { ...process.env };

function setEnv(values: Record<string, string | undefined>) {
  for (const key of ["AUTH_MODE", "AUTH_ROLE_MAP", "AUTH_DEFAULT_ROLE", "NEXTAUTH_SECRET", "OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET", "ALLOW_DEMO_AUTH"]) {
    delete process.env[key];
  }
  Object.assign(process.env, values);
}

const get = (path: string, headers: Record<string, string> = {}) => handleProxy(new NextRequest(`http://localhost${path}`, { headers }));

beforeEach(() => setEnv({ NEXTAUTH_SECRET: "x".repeat(40) }));
afterEach(() => {
  process.env = { ...saved };
});

describe("databricks-apps mode", () => {
  beforeEach(() => setEnv({ AUTH_MODE: "databricks-apps", AUTH_ROLE_MAP: "ana@insurer.com=investigator,*@insurer.com=executive" }));

  it("lets a mapped identity through to what its role may open", async () => {
    expect((await get("/api/claims", { "x-forwarded-email": "ana@insurer.com" })).headers.get("x-middleware-next")).toBe("1");
    expect((await get("/api/loss-summary", { "x-forwarded-email": "zoe@insurer.com" })).headers.get("x-middleware-next")).toBe("1");
  });

  it("refuses a role what it may not open", async () => {
    const res = await get("/api/claims", { "x-forwarded-email": "zoe@insurer.com" });
    expect(res.status).toBe(403);
  });

  it("answers 401 without an identity and 403 naming AUTH_ROLE_MAP for an unmapped one", async () => {
    expect((await get("/api/claims")).status).toBe(401);
    const res = await get("/api/loss-summary", { "x-forwarded-email": "max@elsewhere.com" });
    expect(res.status).toBe(403);
    expect((await res.json()).error.message).toContain("AUTH_ROLE_MAP");
  });

  it("has no Auth.js endpoints", async () => {
    expect((await get("/api/auth/session", { "x-forwarded-email": "ana@insurer.com" })).status).toBe(404);
  });

  it("needs a role map to start", () => {
    setEnv({ AUTH_MODE: "databricks-apps" });
    expect(() => authConfig()).toThrow("AUTH_ROLE_MAP");
  });
});

describe("demo mode", () => {
  it("ignores forwarded identity headers", async () => {
    const res = await get("/api/claims", { "x-forwarded-email": "admin@goldlens.local" });
    expect(res.status).toBe(401);
  });

  it("is refused in production unless allowed", () => {
    setEnv({ NEXTAUTH_SECRET: "x".repeat(40) });
    (process.env as Record<string, string>).NODE_ENV = "production";
    expect(() => authConfig()).toThrow("refused in production");
    process.env.ALLOW_DEMO_AUTH = "true";
    expect(authConfig().mode).toBe("demo");
  });
});

describe("oidc mode", () => {
  it("names every missing setting", () => {
    setEnv({ AUTH_MODE: "oidc" });
    expect(() => authConfig()).toThrow("AUTH_MODE=oidc needs OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, NEXTAUTH_SECRET");
  });

  it("ignores forwarded identity headers", async () => {
    setEnv({ AUTH_MODE: "oidc", OIDC_ISSUER: "https://login.example.com", OIDC_CLIENT_ID: "goldlens", OIDC_CLIENT_SECRET: "s", NEXTAUTH_SECRET: "x".repeat(40) });
    expect((await get("/api/claims", { "x-forwarded-email": "admin@goldlens.local" })).status).toBe(401);
  });
});
