import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { parseRoleMap, type RoleMap } from "./roleMap";

// Sign-in settings, validated once per process with messages naming the variable.
// demo: seeded users and a shared password. oidc: any OpenID Connect provider. databricks-apps: the
// identity the Databricks Apps proxy forwards, trusted in this mode only.
const schema = z.object({
  AUTH_MODE: z.enum(["demo", "oidc", "databricks-apps"]).default("demo"),
  NEXTAUTH_SECRET: z.string().min(32, "NEXTAUTH_SECRET must be at least 32 characters").optional(),
  DEMO_PASSWORD: z.string().min(8).default("goldlens-demo"),
  ALLOW_DEMO_AUTH: z.enum(["true", "false"]).default("false"),
  NODE_ENV: z.string().default("development"),
  DATA_DIR: z.string().default("data"),
  OIDC_ISSUER: z.url("OIDC_ISSUER must be the issuer URL, e.g. https://login.example.com/realms/insurer").optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_ROLE_CLAIM: z.string().regex(/^[A-Za-z0-9_:/.-]+$/, "OIDC_ROLE_CLAIM must name one claim").default("groups"),
  AUTH_ROLE_MAP: z.string().default(""),
  AUTH_DEFAULT_ROLE: z.string().optional(),
});

export type AuthConfig =
  | { mode: "demo"; secret: string; demoPassword: string }
  | { mode: "oidc"; secret: string; oidc: { issuer: string; clientId: string; clientSecret: string; roleClaim: string }; roleMap: RoleMap }
  | { mode: "databricks-apps"; secret: string | null; roleMap: RoleMap };

export function authConfig(): AuthConfig {
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    throw new Error(`Invalid sign-in settings: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  }
  const e = parsed.data;
  if (e.AUTH_MODE === "demo") {
    if (e.NODE_ENV === "production" && e.ALLOW_DEMO_AUTH !== "true") {
      throw new Error("Demo sign-in is refused in production: set AUTH_MODE to a real provider, or ALLOW_DEMO_AUTH=true to run the demo");
    }
    return { mode: "demo", secret: e.NEXTAUTH_SECRET ?? readSecretFile(e.DATA_DIR), demoPassword: e.DEMO_PASSWORD };
  }
  const roleMap = parseRoleMap(e.AUTH_ROLE_MAP, e.AUTH_DEFAULT_ROLE);
  if (e.AUTH_MODE === "databricks-apps" && roleMap.entries.length === 0 && roleMap.defaultRole === null) {
    throw new Error("AUTH_MODE=databricks-apps needs AUTH_ROLE_MAP (e.g. ana@insurer.com=investigator,*@insurer.com=executive) or AUTH_DEFAULT_ROLE");
  }
  if (e.AUTH_MODE === "oidc") {
    const missing = (["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET", "NEXTAUTH_SECRET"] as const).filter((k) => !e[k]);
    if (missing.length > 0) throw new Error(`AUTH_MODE=oidc needs ${missing.join(", ")}`);
    return {
      mode: "oidc",
      secret: e.NEXTAUTH_SECRET!,
      oidc: { issuer: e.OIDC_ISSUER!.replace(/\/$/, ""), clientId: e.OIDC_CLIENT_ID!, clientSecret: e.OIDC_CLIENT_SECRET!, roleClaim: e.OIDC_ROLE_CLAIM },
      roleMap,
    };
  }
  return { mode: "databricks-apps", secret: e.NEXTAUTH_SECRET ?? null, roleMap };
}

function readSecretFile(dataDir: string): string {
  try {
    return readFileSync(path.resolve(/*turbopackIgnore: true*/ dataDir, ".auth-secret"), "utf8").trim();
  } catch {
    throw new Error("NEXTAUTH_SECRET is not set and the data folder has no .auth-secret: run npm start, or set NEXTAUTH_SECRET");
  }
}
