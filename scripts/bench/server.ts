import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { repoRoot } from "../prisma";
import { BUILD_STAMP, appBuildIsCurrent, sourceHash } from "../lib/appBuild";
import { serverNodeFlags } from "../lib/serverNode";

const require = createRequire(import.meta.url);
const nextBin = require.resolve("next/dist/bin/next");

/** Builds the app for production unless .next already holds a build of the current sources. */
export async function ensureAppBuild(env: Record<string, string>, log: (line: string) => void): Promise<{ built: boolean; ms: number }> {
  const hash = await sourceHash();
  if (await appBuildIsCurrent(hash)) return { built: false, ms: 0 };
  log("next build (the sources changed since the last build)");
  const started = performance.now();
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [nextBin, "build"], { cwd: repoRoot, stdio: ["ignore", "inherit", "inherit"], env: { ...process.env, ...env } });
    child.once("error", reject);
    child.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`next build exited with code ${code}`))));
  });
  await writeFile(BUILD_STAMP, hash);
  return { built: true, ms: performance.now() - started };
}

/** The secret sessions are signed with: kept in the data folder, as `npm start` keeps it. */
export async function authSecret(dataRoot: string): Promise<string> {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  const file = path.join(dataRoot, ".auth-secret");
  if (!existsSync(file)) {
    await mkdir(dataRoot, { recursive: true });
    await writeFile(file, randomBytes(48).toString("base64url"), { mode: 0o600 });
  }
  return (await readFile(file, "utf8")).trim();
}

export interface RunningServer {
  origin: string;
  pid: number;
  /** Milliseconds from spawn until the server answered. */
  startMs: number;
  stop(): Promise<void>;
}

async function waitUntilUp(origin: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited with code ${child.exitCode}`);
    try {
      // The health probe is the sign-in page: it touches neither the warehouse nor any API route.
      const res = await fetch(`${origin}/signin`, { signal: AbortSignal.timeout(2000), redirect: "manual" });
      if (res.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the server did not answer within ${timeoutMs / 1000} s`);
}

/** `next start` in its own process group, so stopping it also stops the next-server child it forks. */
export async function startServer(port: number, env: Record<string, string>, logFile: (chunk: Buffer) => void): Promise<RunningServer> {
  const started = performance.now();
  const child = spawn(process.execPath, [...serverNodeFlags(), nextBin, "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: repoRoot,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, ...env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
  });
  child.stdout!.on("data", logFile);
  child.stderr!.on("data", logFile);
  const origin = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    try {
      process.kill(-child.pid!, "SIGTERM");
    } catch {
      return;
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        // already gone
      }
    }, 5000);
    await exited;
    clearTimeout(timer);
  };
  try {
    await waitUntilUp(origin, child, 60_000);
  } catch (err) {
    await stop();
    throw err;
  }
  return { origin, pid: child.pid!, startMs: performance.now() - started, stop };
}

function setCookies(res: Response): string[] {
  return res.headers.getSetCookie().map((c) => c.split(";")[0]!);
}

/** Signs in through next-auth's credentials callback and returns the Cookie header of the session. */
export async function signIn(origin: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${origin}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = setCookies(csrf);
  const res = await fetch(`${origin}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; "), origin },
    body: new URLSearchParams({ csrfToken, email, password, json: "true", callbackUrl: `${origin}/` }),
  });
  const session = setCookies(res).find((c) => /^(__Secure-)?next-auth\.session-token=/.test(c));
  if (!session) throw new Error(`sign-in as ${email} failed (HTTP ${res.status})`);
  return session;
}
