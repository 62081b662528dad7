// Start command of the Databricks App (see app.yaml). The gold tables live in the SQL warehouse, so unlike
// `npm start` nothing is generated and no pipeline runs: apply the app database migrations, then serve the build
// that deployment made with `npm run build`, on the port Databricks Apps assigns.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { migrateDatabase } from "../../scripts/db";
import { repoRoot } from "../../scripts/prisma";
import { serverNodeFlags } from "../../scripts/lib/serverNode";
import { missingAppSettings } from "./settings";

const require = createRequire(import.meta.url);

async function main() {
  const missing = missingAppSettings(process.env);
  if (missing.length > 0) throw new Error(`app.yaml is missing ${missing.join("; ")}`);
  await migrateDatabase();
  const port = process.env.DATABRICKS_APP_PORT ?? process.env.PORT ?? "8000";
  const server = spawn(process.execPath, [...serverNodeFlags(), require.resolve("next/dist/bin/next"), "start", "-H", "0.0.0.0", "-p", port], {
    cwd: repoRoot,
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
  server.once("exit", (code) => process.exit(code ?? 0));
  console.log(`goldlens: serving on port ${port} (warehouse: databricks, catalog: ${process.env.DATABRICKS_CATALOG ?? "(default)"}, schema: ${process.env.DATABRICKS_SCHEMA ?? "gold"})`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err: unknown) => {
    console.error(`goldlens: ${(err as Error).message}`);
    process.exit(1);
  });
}
