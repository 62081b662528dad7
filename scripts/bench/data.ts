import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import { dataPaths } from "../../lib/paths";
import { repoRoot } from "../prisma";
import { goldIsCurrent, isStaleDemoData, readRawManifest } from "../lib/dataState";

export interface ProcessRun {
  seconds: number;
  /** Peak resident memory of the process (the kernel's high-water mark, VmHWM), in bytes. */
  peakRssBytes: number;
}

function peakRss(pid: number): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** Runs a repository script in one Node process (tsx as a loader, no wrapper process) and samples its peak memory. */
export function runScript(script: string, args: string[], env: Record<string, string>, onLine: (line: string) => void): Promise<ProcessRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ["--import", "tsx", path.join(repoRoot, script), ...args], {
      cwd: repoRoot,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, ...env },
    });
    let peak = 0;
    const sampler = setInterval(() => (peak = Math.max(peak, peakRss(child.pid!))), 100);
    let tail = "";
    const onData = (chunk: Buffer) => {
      const text = tail + chunk.toString();
      const lines = text.split("\n");
      tail = lines.pop() ?? "";
      for (const line of lines) if (line.trim()) onLine(line);
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.once("error", reject);
    child.once("exit", (code) => {
      clearInterval(sampler);
      if (tail.trim()) onLine(tail);
      if (code !== 0) reject(new Error(`${script} exited with code ${code}`));
      else resolve({ seconds: (performance.now() - started) / 1000, peakRssBytes: peak });
    });
  });
}

export interface DataSet {
  paths: ReturnType<typeof dataPaths>;
  generated: ProcessRun | null;
  pipeline: ProcessRun | null;
}

/**
 * The data folder the benchmark serves: generated at `scale` when it has no raw data (or data of an older
 * generator version) and, with `gold`, piped to gold when its gold build is missing or older than its inputs.
 */
export async function ensureData(dataDir: string, scale: "demo" | "insurer", log: (line: string) => void, { gold = true } = {}): Promise<DataSet> {
  const paths = dataPaths(dataDir);
  const manifest = await readRawManifest(paths.raw);
  let generated: ProcessRun | null = null;
  if (manifest && manifest.scale !== scale) throw new Error(`${paths.raw} holds ${manifest.scale ?? "unknown"}-scale data, not ${scale}: choose another BENCH_DATA_DIR`);
  if (!manifest || isStaleDemoData(manifest)) {
    log(`generating ${scale}-scale raw data into ${path.relative(repoRoot, paths.raw)} (${manifest ? "older generator version" : "none yet"})`);
    await rm(paths.raw, { recursive: true, force: true });
    generated = await runScript("scripts/generate.ts", ["--scale", scale, "--seed", "42", "--out", paths.raw], {}, (l) => log(`  ${l}`));
  }
  let pipeline: ProcessRun | null = null;
  if (gold && (!existsSync(paths.current) || !goldIsCurrent(paths))) {
    log(`building the gold tables into ${path.relative(repoRoot, paths.warehouse)}`);
    pipeline = await runScript("scripts/pipeline.ts", ["--raw", paths.raw, "--warehouse", paths.warehouse], {}, (l) => log(`  ${l}`));
  }
  return { paths, generated, pipeline };
}

/** Times a pipeline run from `rawDir` into a scratch warehouse folder, which is removed afterwards. */
export async function timePipeline(rawDir: string, scratchWarehouse: string, log: (line: string) => void): Promise<ProcessRun> {
  await rm(scratchWarehouse, { recursive: true, force: true });
  try {
    return await runScript("scripts/pipeline.ts", ["--raw", rawDir, "--warehouse", scratchWarehouse], {}, (l) => log(`  ${l}`));
  } finally {
    await rm(scratchWarehouse, { recursive: true, force: true });
  }
}
