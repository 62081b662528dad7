import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import zipcodes from "zipcodes";
import { loadModels, orderModels, type Model } from "./models";
import { expandTemplate, type TemplateContext } from "./template";

export const PIPELINE_DIR = path.resolve(import.meta.dirname, "../../pipeline");

export interface PipelineOptions {
  rawDir: string;
  warehouseDir: string;
  modelsDir?: string;
  seedsDir?: string;
  memoryLimit?: string;
  /** How many complete builds to keep beside the live one's predecessor; older files are removed. */
  keepBuilds?: number;
  onEvent?: (event: PipelineEvent) => void;
}

export type PipelineEvent =
  | { kind: "model"; model: string; layer: string; materialized: string; rows: number | null; quarantined: number; ms: number; index: number; total: number }
  | { kind: "seed"; seed: string; rows: number };

export interface ModelRun {
  model: string;
  layer: string;
  rows: number | null;
  quarantined: number;
  ms: number;
}

export interface PipelineResult {
  buildId: string;
  file: string;
  builtAt: string;
  models: ModelRun[];
  quarantined: number;
  ms: number;
}

/** What the app reads to find the live gold build. */
export interface CurrentBuild {
  buildId: string;
  file: string;
  builtAt: string;
}

const sqlString = (s: string) => `'${s.replaceAll("'", "''")}'`;

async function scalar(con: DuckDBConnection, sql: string): Promise<number> {
  const r = await con.runAndReadAll(sql);
  return Number(Object.values(r.getRowObjectsJson()[0] ?? { n: 0 })[0]);
}

async function loadSeeds(con: DuckDBConnection, seedsDir: string, emit: (e: PipelineEvent) => void): Promise<string[]> {
  const names: string[] = [];
  // Seeds load as text, like dbt seeds with every column quoted: models cast what they use, so a code such as "036" keeps its zero.
  for (const f of (await readdir(seedsDir)).filter((f) => f.endsWith(".csv")).sort()) {
    const name = path.basename(f, ".csv");
    await con.run(`CREATE TABLE seeds.${name} AS SELECT * FROM read_csv(${sqlString(path.join(seedsDir, f))}, header = true, all_varchar = true)`);
    names.push(name);
    emit({ kind: "seed", seed: name, rows: await scalar(con, `SELECT count(*) FROM seeds.${name}`) });
  }
  // Zip centroids come from an npm package rather than a CSV in the repo: the offline geocoder for policies.
  const zips = zipcodes.lookupByState("NY");
  await con.run(`CREATE TABLE seeds.seed_zip_centroids (zip_code VARCHAR, city VARCHAR, latitude DOUBLE, longitude DOUBLE)`);
  const appender = await con.createAppender("seed_zip_centroids", "seeds");
  for (const z of zips) {
    appender.appendVarchar(String(z.zip));
    appender.appendVarchar(String(z.city));
    appender.appendDouble(Number(z.latitude));
    appender.appendDouble(Number(z.longitude));
    appender.endRow();
  }
  appender.closeSync();
  names.push("seed_zip_centroids");
  emit({ kind: "seed", seed: "seed_zip_centroids", rows: zips.length });
  return names;
}

async function materialize(con: DuckDBConnection, model: Model, sql: string, expand: (s: string) => Promise<string>) {
  const target = `${model.layer}.${model.name}`;
  if (model.materialized === "view") {
    await con.run(`CREATE VIEW ${target} AS ${sql}`);
    return { rows: null, quarantined: 0 };
  }
  const quarantined = await writeTable(con, model, target, sql, expand);
  for (const columns of model.indexes) await con.run(`CREATE INDEX ${model.name}__${columns.join("__")} ON ${target} (${columns.join(", ")})`);
  return { rows: await scalar(con, `SELECT count(*) FROM ${target}`), quarantined };
}

/** Writes a table model's rows in its order; returns how many rows its expectations sent to quarantine. */
async function writeTable(con: DuckDBConnection, model: Model, target: string, sql: string, expand: (s: string) => Promise<string>): Promise<number> {
  const ordered = (from: string) => (model.orderBy ? `SELECT * FROM ${from} ORDER BY ${model.orderBy}` : `SELECT * FROM ${from}`);
  if (model.expectations.length === 0) {
    await con.run(`CREATE TABLE ${target} AS ${ordered(`(${sql})`)}`);
    return 0;
  }
  // Expectations work like DLT's expect_or_drop, except that the dropped row is kept in quarantine with the rule it broke.
  const candidates = `${model.layer}.${model.name}__candidates`;
  await con.run(`CREATE TABLE ${candidates} AS ${sql}`);
  const checks = await Promise.all(model.expectations.map(async (e) => ({ name: e.name, sql: `coalesce((${await expand(e.expression)}), false)` })));
  const allPass = checks.map((c) => c.sql).join(" AND ");
  const failedList = `list_filter([${checks.map((c) => `CASE WHEN NOT ${c.sql} THEN ${sqlString(c.name)} END`).join(", ")}], x -> x IS NOT NULL)`;
  await con.run(`CREATE TABLE ${target} AS ${ordered(`(SELECT * FROM ${candidates} c WHERE ${allPass})`)}`);
  await con.run(`
    INSERT INTO silver.quarantine
    SELECT ${sqlString(target)}, ${model.key ? `CAST(c.${model.key} AS VARCHAR)` : "NULL"}, f[1], array_to_string(f, ', '), to_json(c)::VARCHAR
    FROM (SELECT c, ${failedList} AS f FROM ${candidates} c WHERE NOT (${allPass}))`);
  await con.run(`DROP TABLE ${candidates}`);
  return scalar(con, `SELECT count(*) FROM silver.quarantine WHERE model = ${sqlString(target)}`);
}

/** Builds every model into a new DuckDB file, then points CURRENT.json at it; a running app never sees a half-built file. */
export async function runPipeline(options: PipelineOptions): Promise<PipelineResult> {
  const started = performance.now();
  const modelsDir = options.modelsDir ?? path.join(PIPELINE_DIR, "models");
  const seedsDir = options.seedsDir ?? path.join(PIPELINE_DIR, "seeds");
  const emit = options.onEvent ?? (() => {});
  if (!existsSync(options.rawDir)) throw new Error(`raw data folder ${options.rawDir} does not exist: run npm run generate first`);
  const models = await loadModels(modelsDir);

  const builtAt = new Date().toISOString();
  // Millisecond time first, so build files sort in build order.
  const buildId = `${builtAt.replace(/[-:.Z]/g, "")}-${randomBytes(3).toString("hex")}`;
  await mkdir(options.warehouseDir, { recursive: true });
  const file = path.join(options.warehouseDir, `gold-${buildId}.duckdb`);
  const tmpDir = path.join(options.warehouseDir, `.tmp-${buildId}`);
  const instance = await DuckDBInstance.create(file, {
    memory_limit: options.memoryLimit ?? "6GB",
    temp_directory: tmpDir,
    preserve_insertion_order: "false",
  });
  const con = await instance.connect();
  const runs: ModelRun[] = [];
  try {
    for (const schema of ["seeds", "bronze", "silver", "gold"]) await con.run(`CREATE SCHEMA ${schema}`);
    await con.run(`CREATE TABLE silver.quarantine (model VARCHAR, record_key VARCHAR, rule VARCHAR, rules_failed VARCHAR, record VARCHAR)`);
    const seeds = await loadSeeds(con, seedsDir, emit);
    const ordered = orderModels(models, new Set(seeds));
    const layerOf = new Map<string, string>([...models.map((m) => [m.name, m.layer] as const), ...seeds.map((s) => [s, "seeds"] as const)]);
    const ctx: TemplateContext = { con, rawDir: options.rawDir, layerOf };
    const expand = (s: string) => expandTemplate(s, ctx);
    for (const [index, model] of ordered.entries()) {
      const t0 = performance.now();
      let result;
      try {
        result = await materialize(con, model, await expand(model.sql), expand);
      } catch (err) {
        throw new Error(`model ${model.layer}.${model.name} (${path.relative(process.cwd(), model.file)}) failed: ${(err as Error).message}`);
      }
      const ms = performance.now() - t0;
      runs.push({ model: `${model.layer}.${model.name}`, layer: model.layer, rows: result.rows, quarantined: result.quarantined, ms });
      emit({ kind: "model", model: model.name, layer: model.layer, materialized: model.materialized, rows: result.rows, quarantined: result.quarantined, ms, index: index + 1, total: ordered.length });
    }
    await writeBuildInfo(con, { buildId, builtAt, rawDir: options.rawDir, runs });
    await con.run("CHECKPOINT");
  } catch (err) {
    con.closeSync();
    instance.closeSync();
    await rm(file, { force: true });
    await rm(`${file}.wal`, { force: true });
    throw err;
  } finally {
    await rm(tmpDir, { recursive: true, force: true });
  }
  con.closeSync();
  instance.closeSync();

  await publishBuild(options.warehouseDir, { buildId, file: path.basename(file), builtAt }, options.keepBuilds ?? 2);
  return {
    buildId,
    file,
    builtAt,
    models: runs,
    quarantined: runs.reduce((s, r) => s + r.quarantined, 0),
    ms: performance.now() - started,
  };
}

async function writeBuildInfo(con: DuckDBConnection, info: { buildId: string; builtAt: string; rawDir: string; runs: ModelRun[] }) {
  const manifestFile = path.join(info.rawDir, "manifest.json");
  const manifest = existsSync(manifestFile) ? (JSON.parse(await readFile(manifestFile, "utf8")) as { scale?: string; seed?: number }) : {};
  await con.run(`
    CREATE TABLE gold.build_info AS SELECT
      ${sqlString(info.buildId)} AS build_id,
      CAST(${sqlString(info.builtAt)} AS TIMESTAMP) AS built_at,
      (SELECT max(incident_date) FROM gold.claims) AS claims_as_of,
      (SELECT max(activity_date) FROM gold.email_engagement_daily) AS engagement_as_of,
      ${sqlString(manifest.scale ?? "unknown")} AS source_scale,
      ${manifest.seed === undefined ? "NULL" : Number(manifest.seed)}::BIGINT AS source_seed`);
  await con.run(`CREATE TABLE gold.model_runs (model VARCHAR, layer VARCHAR, row_count BIGINT, quarantined BIGINT, ms DOUBLE)`);
  for (const r of info.runs) {
    await con.run(`INSERT INTO gold.model_runs VALUES ($model, $layer, $rows, $q, $ms)`, {
      model: r.model,
      layer: r.layer,
      rows: r.rows,
      q: r.quarantined,
      ms: r.ms,
    });
  }
}

async function publishBuild(warehouseDir: string, current: CurrentBuild, keep: number) {
  const pointer = path.join(warehouseDir, "CURRENT.json");
  const tmp = `${pointer}.${current.buildId}.tmp`;
  await writeFile(tmp, JSON.stringify(current, null, 2) + "\n");
  await rename(tmp, pointer);
  const builds = (await readdir(warehouseDir)).filter((f) => /^gold-.*\.duckdb$/.test(f)).sort();
  // Names sort by build time; keep the newest few so an app still reading the previous one is not cut off mid-query.
  for (const old of builds.slice(0, Math.max(0, builds.length - keep))) {
    await rm(path.join(warehouseDir, old), { force: true });
    await rm(path.join(warehouseDir, `${old}.wal`), { force: true });
  }
}

export async function readCurrentBuild(warehouseDir: string): Promise<CurrentBuild | null> {
  const pointer = path.join(warehouseDir, "CURRENT.json");
  if (!existsSync(pointer)) return null;
  return JSON.parse(await readFile(pointer, "utf8")) as CurrentBuild;
}
