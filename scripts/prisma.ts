// Runs the project's own Prisma CLI with the offline schema engine, e.g. `tsx scripts/prisma.ts migrate dev`.
// Prisma's native engine is a download this machine cannot make; an explicit PRISMA_SCHEMA_ENGINE_BINARY wins.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = fileURLToPath(new URL("..", import.meta.url));
export const schemaEngineShim = fileURLToPath(new URL("./prisma-engine/schema-engine.mjs", import.meta.url));
const prismaCli = createRequire(import.meta.url).resolve("prisma/build/index.js");

export interface RunPrismaOptions {
  cwd?: string;
  /** Merged over the current environment. */
  env?: Record<string, string | undefined>;
  /** Receives stdout and stderr instead of the terminal. */
  onOutput?: (text: string) => void;
}

/** Resolves with the CLI's exit code; a signal counts as failure. */
export function runPrisma(args: string[], opts: RunPrismaOptions = {}): Promise<number> {
  const env = { ...process.env, ...opts.env };
  env.PRISMA_SCHEMA_ENGINE_BINARY ||= schemaEngineShim;
  const { onOutput } = opts;
  const child = spawn(process.execPath, [prismaCli, ...args], {
    cwd: opts.cwd ?? repoRoot,
    env,
    stdio: onOutput ? ["ignore", "pipe", "pipe"] : "inherit",
  });
  if (onOutput) {
    child.stdout?.setEncoding("utf8").on("data", onOutput);
    child.stderr?.setEncoding("utf8").on("data", onOutput);
  }
  const relay = (signal: NodeJS.Signals) => child.kill(signal);
  process.on("SIGINT", relay);
  process.on("SIGTERM", relay);
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (code, signal) => {
      process.off("SIGINT", relay);
      process.off("SIGTERM", relay);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await runPrisma(process.argv.slice(2));
}
