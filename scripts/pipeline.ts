// npm run pipeline: builds bronze -> silver -> gold from the raw files into a new DuckDB file and makes it live.
import path from "node:path";
import { Command } from "commander";
import { runPipeline, type PipelineEvent, type PipelineResult } from "../lib/pipeline/run";
import { dataPaths } from "../lib/paths";
import { formatNumber } from "./lib/progress";

function printer(event: PipelineEvent) {
  if (event.kind === "seed") {
    console.log(`pipeline:   seed ${event.seed.padEnd(34)} ${formatNumber(event.rows).padStart(12)} rows`);
    return;
  }
  const name = `${event.layer}.${event.model}`.padEnd(40);
  const rows = event.rows === null ? "view".padStart(12) : `${formatNumber(event.rows).padStart(12)} rows`;
  const rejected = event.quarantined > 0 ? `  ${formatNumber(event.quarantined)} quarantined` : "";
  const step = `[${String(event.index).padStart(2)}/${event.total}]`;
  console.log(`pipeline: ${step} ${name}${rows}${rejected}  ${(event.ms / 1000).toFixed(2)} s`);
}

export async function buildGold(opts: { raw: string; warehouse: string; memoryLimit?: string }): Promise<PipelineResult> {
  console.log(`pipeline: ${path.relative(process.cwd(), opts.raw) || "."} -> ${path.relative(process.cwd(), opts.warehouse) || "."}`);
  const result = await runPipeline({ rawDir: opts.raw, warehouseDir: opts.warehouse, memoryLimit: opts.memoryLimit, onEvent: printer });
  console.log(
    `pipeline: gold build ${result.buildId} live; ${formatNumber(result.quarantined)} rows quarantined; ${(result.ms / 1000).toFixed(1)} s`,
  );
  return result;
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename);
if (isMain) {
  const paths = dataPaths();
  const program = new Command("pipeline")
    .option("--raw <dir>", "raw input folder", paths.raw)
    .option("--warehouse <dir>", "folder of gold builds", paths.warehouse)
    .option("--memory-limit <size>", "DuckDB memory limit", "6GB")
    .parse();
  const o = program.opts<{ raw: string; warehouse: string; memoryLimit: string }>();
  try {
    await buildGold({ raw: o.raw, warehouse: o.warehouse, memoryLimit: o.memoryLimit });
  } catch (err) {
    console.error(`pipeline: failed: ${(err as Error).message}`);
    process.exit(1);
  }
}
