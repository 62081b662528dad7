// npm run generate -- --scale demo|insurer --seed N [--out data/raw]: writes the raw demo files.
import path from "node:path";
import { Command, Option } from "commander";
import { generate } from "../lib/generator/generate";
import { progressPrinter } from "./lib/progress";
import { dataPaths } from "../lib/paths";

export async function generateRaw(opts: { scale: "demo" | "insurer"; seed: number; out: string }) {
  console.log(`generate: ${opts.scale} scale, seed ${opts.seed} -> ${path.relative(process.cwd(), opts.out) || "."}`);
  const result = await generate({ scale: opts.scale, seed: opts.seed, outDir: opts.out, onProgress: progressPrinter("generate:") });
  console.log(`generate: done in ${(result.ms / 1000).toFixed(1)} s`);
  return result;
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename);
if (isMain) {
  const program = new Command("generate")
    .addOption(new Option("--scale <scale>", "data volume").choices(["demo", "insurer"]).default("demo"))
    .option("--seed <n>", "random seed", (v) => Number.parseInt(v, 10), 42)
    .option("--out <dir>", "output folder (default: <DATA_DIR>/raw)")
    .parse();
  const o = program.opts<{ scale: "demo" | "insurer"; seed: number; out?: string }>();
  if (!Number.isInteger(o.seed) || o.seed < 0) program.error("--seed must be a non-negative integer");
  const out = o.out ?? dataPaths().raw;
  await generateRaw({ scale: o.scale, seed: o.seed, out });
}
