import { createHash } from "node:crypto";
import { existsSync, statSync } from "node:fs";
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { repoRoot } from "../prisma";

// What a production build is made from: when none of it changed, the build in .next can be served as is.
const BUILD_INPUTS = ["app", "components", "lib", "public", "types", "next.config.js", "tsconfig.json", "postcss.config.mjs", "package-lock.json"];
export const BUILD_STAMP = path.join(repoRoot, ".next", "goldlens-source-hash");

export async function sourceHash(): Promise<string> {
  const hash = createHash("sha256");
  const visit = async (rel: string) => {
    const abs = path.join(repoRoot, rel);
    if (!existsSync(abs)) return;
    if (statSync(abs).isDirectory()) {
      for (const entry of (await readdir(abs)).sort()) {
        if (entry === "generated" || entry.endsWith(".test.ts") || entry.endsWith(".test.tsx")) continue;
        await visit(path.join(rel, entry));
      }
    } else {
      hash.update(rel).update(await readFile(abs));
    }
  };
  for (const input of BUILD_INPUTS) await visit(input);
  return hash.digest("hex");
}

/** True when .next holds a complete build of the current sources. */
export async function appBuildIsCurrent(hash: string): Promise<boolean> {
  const stamp = existsSync(BUILD_STAMP) ? await readFile(BUILD_STAMP, "utf8") : "";
  return stamp === hash && existsSync(path.join(repoRoot, ".next", "BUILD_ID"));
}
