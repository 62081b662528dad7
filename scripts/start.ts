// npm start: demo data if there is none, gold build if it is missing or stale, app database migrations,
// a production build of the app if the sources changed, then the server on PORT (default 3000).
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { createRequire } from "node:module";
import { dataPaths } from "../lib/paths";
import { env } from "../lib/env";
import { generateRaw } from "./generate";
import { buildGold } from "./pipeline";
import { demoUsers, migrateDatabase, seedDemoUsers } from "./db";
import { repoRoot } from "./prisma";
import { BUILD_STAMP, appBuildIsCurrent, sourceHash } from "./lib/appBuild";
import { goldIsCurrent, isStaleDemoData, readRawManifest } from "./lib/dataState";
import { serverNodeFlags } from "./lib/serverNode";

const require = createRequire(import.meta.url);
const nextBin = require.resolve("next/dist/bin/next");

function run(args: string[], extraEnv: Record<string, string> = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [nextBin, ...args], { cwd: repoRoot, stdio: "inherit", env: { ...process.env, ...extraEnv } });
    child.once("error", reject);
    child.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`next ${args[0]} exited with code ${code}`))));
  });
}

async function waitUntilUp(url: string, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.status < 500) return true;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

async function main() {
  const config = env();
  const port = Number(process.env.PORT ?? 3000);
  const paths = dataPaths(config.DATA_DIR);
  console.log(`goldlens: starting (warehouse: ${config.WAREHOUSE}, data: ${path.relative(repoRoot, paths.root) || "."})`);

  if (config.WAREHOUSE === "duckdb") {
    const manifest = await readRawManifest(paths.raw);
    if (!manifest) {
      console.log("goldlens: no raw data yet, generating the demo data set");
      await generateRaw({ scale: "demo", seed: 42, out: paths.raw });
    } else if (isStaleDemoData(manifest)) {
      // Only data this generator made is replaced; real exports dropped into data/raw are never touched.
      console.log("goldlens: demo data is from an older generator, generating it again");
      await generateRaw({ scale: "demo", seed: 42, out: paths.raw });
    }
    if (!goldIsCurrent(paths)) await buildGold({ raw: paths.raw, warehouse: paths.warehouse });
    else console.log("goldlens: gold tables are up to date");
  }

  await migrateDatabase();
  const authMode = process.env.AUTH_MODE ?? "demo";
  if (authMode === "demo") await seedDemoUsers();
  // Sessions are signed with NEXTAUTH_SECRET; a local install gets a random one kept in the data folder.
  const secretFile = path.join(paths.root, ".auth-secret");
  if (!process.env.NEXTAUTH_SECRET && !existsSync(secretFile)) {
    await mkdir(paths.root, { recursive: true });
    await writeFile(secretFile, randomBytes(48).toString("base64url"), { mode: 0o600 });
  }
  // npm start is the demo path: demo sign-in is allowed unless the caller itself asked for production.
  const demoAllowed: Record<string, string> = authMode === "demo" && process.env.NODE_ENV !== "production" ? { ALLOW_DEMO_AUTH: "true" } : {};

  const hash = await sourceHash();
  if (!(await appBuildIsCurrent(hash))) {
    console.log("goldlens: building the app (next build)");
    await run(["build"], { NEXT_TELEMETRY_DISABLED: "1", ...demoAllowed });
    await writeFile(BUILD_STAMP, hash);
  } else {
    console.log("goldlens: app build is up to date");
  }

  const server = spawn(process.execPath, [...serverNodeFlags(), nextBin, "start", "-p", String(port)], {
    cwd: repoRoot,
    stdio: "inherit",
    env: { AUTH_TRUST_HOST: "true", ...process.env, ...demoAllowed, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
  server.once("exit", (code) => process.exit(code ?? 0));

  const url = `http://localhost:${port}`;
  if (await waitUntilUp(url, 120_000)) {
    console.log("");
    console.log(`goldlens: ready at ${url}`);
    if (authMode === "demo") {
      console.log(`goldlens: demo sign-in, password "${process.env.DEMO_PASSWORD ?? "goldlens-demo"}" for every user:`);
      for (const u of demoUsers) console.log(`          ${u.email.padEnd(30)} ${u.role}`);
    }
  }
}

main().catch((err: unknown) => {
  console.error(`goldlens: ${(err as Error).message}`);
  process.exit(1);
});
