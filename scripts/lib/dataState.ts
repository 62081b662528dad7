import { existsSync, readdirSync, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { GENERATOR_VERSION } from "../../lib/generator/generate";
import type { dataPaths } from "../../lib/paths";
import { repoRoot } from "../prisma";

type DataPaths = ReturnType<typeof dataPaths>;

export interface RawManifest {
  generator?: string;
  version?: number;
  scale?: string;
  seed?: number;
}

export async function readRawManifest(rawDir: string): Promise<RawManifest | null> {
  const file = path.join(rawDir, "manifest.json");
  return existsSync(file) ? (JSON.parse(await readFile(file, "utf8")) as RawManifest) : null;
}

/** Data this generator made, but an older version of it: the same seed would now give other data. */
export function isStaleDemoData(manifest: RawManifest): boolean {
  return manifest.generator === "goldlens-demo" && manifest.version !== GENERATOR_VERSION;
}

function newestMtime(dir: string): number {
  if (!existsSync(dir)) return 0;
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .reduce((newest, e) => Math.max(newest, statSync(path.join(e.parentPath, e.name)).mtimeMs), 0);
}

/** The live gold build is newer than the raw data it was built from and than every pipeline model. */
export function goldIsCurrent(paths: DataPaths): boolean {
  const builtAt = existsSync(paths.current) ? statSync(paths.current).mtimeMs : 0;
  const inputsChanged = Math.max(statSync(path.join(paths.raw, "manifest.json")).mtimeMs, newestMtime(path.join(repoRoot, "pipeline")));
  return builtAt >= inputsChanged;
}
