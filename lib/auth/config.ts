import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

// Sign-in settings, validated once. In demo mode the start script writes a random secret to the data folder.
const schema = z.object({
  AUTH_MODE: z.enum(["demo", "oidc", "databricks-apps"]).default("demo"),
  NEXTAUTH_SECRET: z.string().min(32).optional(),
  DEMO_PASSWORD: z.string().min(8).default("goldlens-demo"),
  ALLOW_DEMO_AUTH: z.enum(["true", "false"]).default("false"),
  NODE_ENV: z.string().default("development"),
  DATA_DIR: z.string().default("data"),
});

export function authConfig() {
  const e = schema.parse(process.env);
  if (e.AUTH_MODE !== "demo") {
    throw new Error(`AUTH_MODE=${e.AUTH_MODE} is not available in this build; use AUTH_MODE=demo`);
  }
  if (e.NODE_ENV === "production" && e.ALLOW_DEMO_AUTH !== "true") {
    throw new Error("Demo sign-in is refused in production: set AUTH_MODE to a real provider, or ALLOW_DEMO_AUTH=true to run the demo");
  }
  const secret = e.NEXTAUTH_SECRET ?? readSecretFile(e.DATA_DIR);
  return { mode: e.AUTH_MODE, secret, demoPassword: e.DEMO_PASSWORD };
}

function readSecretFile(dataDir: string): string {
  try {
    return readFileSync(path.resolve(/*turbopackIgnore: true*/ dataDir, ".auth-secret"), "utf8").trim();
  } catch {
    throw new Error("NEXTAUTH_SECRET is not set and the data folder has no .auth-secret: run npm start, or set NEXTAUTH_SECRET");
  }
}
