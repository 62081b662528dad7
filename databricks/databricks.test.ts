import { readdirSync, readFileSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import Papa from "papaparse";
import { beforeAll, describe, expect, it } from "vitest";
import zipcodes from "zipcodes";
import { generate } from "../lib/generator/generate";
import { runPipeline } from "../lib/pipeline/run";
import { missingAppSettings } from "./app/settings";
import { parseRoleMap } from "../lib/auth/roleMap";

// The Databricks deliverables checked without a workspace: the dbt project is parsed (refs, sources, configs),
// every gold model's outermost SELECT is held against docs/gold-contract.md, both Smart Claims layouts' adapters
// give one shape, the seeds match the embedded pipeline's, app.yaml names what the app needs, and the marketing
// models, which use only SQL that DuckDB and Databricks share, run on DuckDB against generated Fivetran-shaped
// data and must equal the embedded pipeline's gold tables.

const root = path.resolve(import.meta.dirname, "..");
const dbtDir = path.join(import.meta.dirname, "dbt");
const read = (file: string) => readFileSync(file, "utf8");

function walk(dir: string, ext: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(path.join(dir, e.name), ext) : e.name.endsWith(ext) ? [path.join(dir, e.name)] : [],
  );
}

const models = new Map(walk(path.join(dbtDir, "models"), ".sql").map((f) => [path.basename(f, ".sql"), { file: f, sql: read(f) }]));
const seeds = new Set(walk(path.join(dbtDir, "seeds"), ".csv").map((f) => path.basename(f, ".csv")));
const macroText = walk(path.join(dbtDir, "macros"), ".sql").map(read).join("\n");
const macros = new Set([...macroText.matchAll(/\{%-?\s*macro\s+([a-z_]+)\(/g)].map((m) => m[1]!));
const LAYOUTS = ["original", "demo"] as const;

function csv(file: string): Record<string, string>[] {
  return Papa.parse<Record<string, string>>(read(file), { header: true, skipEmptyLines: true }).data;
}

/** Source tables declared in sources.yml, as "source.table" (indentation-based: the file is written that way). */
function declaredSources(): Set<string> {
  const out = new Set<string>();
  let source: string | null = null;
  for (const line of read(path.join(dbtDir, "models/sources/sources.yml")).split("\n")) {
    const s = /^ {2}- name: ([a-z_]+)\s*$/.exec(line);
    if (s) source = s[1]!;
    const t = /^ {6}- name: ([a-z_]+)\s*$/.exec(line);
    if (t && source) out.add(`${source}.${t[1]}`);
  }
  return out;
}

function contract(): Map<string, Array<[string, string]>> {
  const doc = read(path.join(root, "docs/gold-contract.md"));
  const out = new Map<string, Array<[string, string]>>();
  for (const section of doc.split(/^## /m).slice(1)) {
    const [heading, ...lines] = section.split("\n");
    const columns = lines
      .map((l) => /^\| ([a-z0-9_]+) \| ([A-Z]+) \|/.exec(l))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => [m[1]!, m[2]!] as [string, string]);
    for (const m of heading!.matchAll(/`([a-z_]+)`/g)) out.set(m[1]!, columns);
  }
  return out;
}

const activeRuleIds = csv(path.join(dbtDir, "seeds/seed_claim_rules.csv"))
  .filter((r) => ["true", "1", "yes"].includes(r.active!.trim().toLowerCase()))
  .map((r) => r.id!)
  .sort();

/**
 * A small renderer for the Jinja this project uses in model bodies: comments and tags dropped, ref/source to
 * relation names, the claim-rule macros expanded from the seed as dbt would at run time, other macro calls kept
 * as an opaque call. Enough to read a model's select list, not to run it.
 */
function renderForParsing(sql: string): string {
  return sql
    .replace(/\{#[\s\S]*?#\}/g, "")
    .replace(/\{%[\s\S]*?%\}/g, "")
    .replace(/--[^\n]*/g, "")
    .replace(/\{\{-?\s*config\([\s\S]*?\)\s*-?\}\}/g, "")
    .replace(/\{\{-?\s*ref\('([a-z0-9_]+)'\)\s*-?\}\}/g, "$1")
    .replace(/\{\{-?\s*source\('([a-z_]+)',\s*'([a-z_]+)'\)\s*-?\}\}/g, "$1.$2")
    .replace(/\{\{-?\s*claim_rule_pivot\(\)\s*-?\}\}/g, () => activeRuleIds.map((id) => `bool_or(passed) FILTER (WHERE rule_id = '${id}') AS check_${id},`).join("\n"))
    .replace(/\{\{-?\s*claim_rule_check_columns\('([a-z]+)'\)\s*-?\}\}/g, (_m, alias: string) => activeRuleIds.map((id) => `${alias}.check_${id},`).join("\n"))
    .replace(/\{\{-?\s*claim_rule_union\('[a-z_]+'\)\s*-?\}\}/g, "SELECT 1")
    .replace(/\{\{-?\s*invocation_id\s*-?\}\}/g, "invocation")
    .replace(/\{\{-?\s*([a-z_]+)\(([\s\S]*?)\)\s*-?\}\}/g, (_m, name: string) => `${name}(jinja)`)
    .replace(/\{\{-?\s*([a-z_]+)\s*-?\}\}/g, "$1");
}

/** Splits at top level (outside parentheses and quotes). */
function topLevel(text: string): Array<{ depth: number; index: number; char: string }> {
  const out: Array<{ depth: number; index: number; char: string }> = [];
  let depth = 0;
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === quote) quote = null;
      continue;
    }
    if (c === "'" || c === "`") quote = c;
    else if (c === "(") depth++;
    else if (c === ")") depth--;
    out.push({ depth, index: i, char: c });
  }
  return out;
}

interface SelectItem {
  name: string;
  castType: string | null;
}

/** The items of the outermost SELECT: after any WITH clause, the first SELECT outside parentheses, up to its FROM. */
function outerSelect(sqlText: string): SelectItem[] {
  const text = renderForParsing(sqlText);
  const positions = topLevel(text).filter((p) => p.depth === 0);
  const depth0 = new Set(positions.map((p) => p.index));
  const keyword = (word: string, from = 0) => {
    const re = new RegExp(`\\b${word}\\b`, "gi");
    re.lastIndex = from;
    for (let m = re.exec(text); m; m = re.exec(text)) if (depth0.has(m.index)) return m.index;
    return -1;
  };
  const select = keyword("SELECT");
  if (select < 0) throw new Error("no top-level SELECT");
  const from = keyword("FROM", select);
  const list = text.slice(select + "SELECT".length, from < 0 ? undefined : from);
  const items: string[] = [];
  let start = 0;
  for (const p of topLevel(list)) {
    if (p.depth === 0 && p.char === ",") {
      items.push(list.slice(start, p.index));
      start = p.index + 1;
    }
  }
  items.push(list.slice(start));
  return items
    .map((i) => i.trim())
    .filter((i) => i !== "")
    .map((item) => {
      const alias = /\bAS\s+([a-z_][a-z0-9_]*)$/i.exec(item);
      const bare = /([a-z_][a-z0-9_]*)$/i.exec(item);
      const name = (alias ?? bare)?.[1];
      if (!name) throw new Error(`cannot name select item: ${item}`);
      const cast = /^CAST\([\s\S]*\bAS\s+([A-Z]+)\)\s+AS\s+[a-z_0-9]+$/i.exec(item);
      return { name, castType: cast ? cast[1]!.toUpperCase() : null };
    });
}

// Contract types as DuckDB names them, and the Databricks types that write them.
const DATABRICKS_TYPE: Record<string, string[]> = {
  VARCHAR: ["STRING"],
  INTEGER: ["INT", "INTEGER"],
  BIGINT: ["BIGINT"],
  DOUBLE: ["DOUBLE"],
  DATE: ["DATE"],
  TIMESTAMP: ["TIMESTAMP"],
  BOOLEAN: ["BOOLEAN"],
};

describe("dbt project", () => {
  it("gives every model a config, resolves every ref to a model or seed and every source to a declared table", () => {
    const sources = declaredSources();
    const texts = [...[...models.values()].map((m) => ({ where: m.file, sql: m.sql })), { where: "macros", sql: macroText }];
    for (const [name, m] of models) expect(m.sql, `${name} has a config() call`).toMatch(/\{\{-?\s*config\(/);
    for (const { where, sql } of texts) {
      for (const [, ref] of sql.matchAll(/\bref\('([^']+)'\)/g)) expect(models.has(ref!) || seeds.has(ref!), `${where}: ref('${ref}')`).toBe(true);
      for (const [, entity] of sql.matchAll(/\bsmart_claims_adapter\('([a-z_]+)'\)/g)) {
        for (const layout of LAYOUTS) expect(models.has(`smart_claims_${layout}__${entity}`), `${where}: ${layout} adapter for ${entity}`).toBe(true);
      }
      for (const [, s, t] of sql.matchAll(/\bsource\('([^']+)',\s*'([^']+)'\)/g)) expect(sources.has(`${s}.${t}`), `${where}: source('${s}', '${t}')`).toBe(true);
    }
  });

  it("calls only macros it defines or dbt provides, and declares every var it reads", () => {
    const builtins = new Set(["config", "ref", "source", "var", "return", "run_query", "exceptions", "adapter", "modules"]);
    for (const [name, m] of models) {
      for (const [, call] of m.sql.matchAll(/\{\{-?\s*([a-z_]+)\(/g)) expect(builtins.has(call!) || macros.has(call!), `${name} calls ${call}()`).toBe(true);
    }
    const project = read(path.join(dbtDir, "dbt_project.yml"));
    const declared = new Set([...project.matchAll(/^ {2}([a-z_]+):/gm)].map((m) => m[1]!));
    const everything = [...[...models.values()].map((m) => m.sql), macroText, project, read(path.join(dbtDir, "models/sources/sources.yml"))].join("\n");
    for (const [, v] of everything.matchAll(/\bvar\('([a-z_]+)'\)/g)) expect(declared.has(v!), `var ${v} declared in dbt_project.yml`).toBe(true);
  });

  it("builds every gold contract table as a model whose outermost SELECT has exactly the contract's columns", () => {
    const documented = contract();
    for (const [table, columns] of documented) {
      if (table === "model_runs") continue; // written by the on-run-end hook, checked below
      const model = models.get(table);
      expect(model, `model for gold table ${table}`).toBeDefined();
      expect(path.relative(dbtDir, model!.file), `${table} is a gold model`).toMatch(/(^|\/)gold\//);
      const items = outerSelect(model!.sql);
      expect(items.map((i) => i.name).sort(), table).toEqual(columns.map(([c]) => c).sort());
      const types = new Map(columns);
      for (const item of items.filter((i) => i.castType)) {
        expect(DATABRICKS_TYPE[types.get(item.name)!], `${table}.${item.name} cast to ${item.castType}`).toContain(item.castType);
      }
    }
  });

  it("writes model_runs with the contract's columns from dbt's run results", () => {
    const hook = /CREATE OR REPLACE TABLE[^\n]*model_runs AS([\s\S]*?)\{% endmacro %\}/.exec(macroText);
    expect(hook).not.toBeNull();
    expect(read(path.join(dbtDir, "dbt_project.yml"))).toMatch(/on-run-end:\s*\n\s*- "\{\{ record_model_runs\(results\) \}\}"/);
    expect(outerSelect(hook![1]!).map((i) => i.name)).toEqual(contract().get("model_runs")!.map(([c]) => c));
  });

  it("gives both Smart Claims layouts' adapters the same columns in the same order", () => {
    for (const entity of ["claims", "policies", "telematics", "damage_images"]) {
      const [original, demo] = LAYOUTS.map((layout) => outerSelect(models.get(`smart_claims_${layout}__${entity}`)!.sql).map((i) => i.name));
      expect(original!.length, entity).toBeGreaterThan(3);
      expect(demo, entity).toEqual(original);
    }
  });

  it("keeps the seeds the embedded pipeline uses, the rules written in Databricks SQL", () => {
    for (const seed of ["seed_country_aliases", "seed_damage_severity_classes"]) {
      expect(read(path.join(dbtDir, "seeds", `${seed}.csv`)), seed).toBe(read(path.join(root, "pipeline/seeds", `${seed}.csv`)));
    }
    const pipelineRules = read(path.join(root, "pipeline/seeds/seed_claim_rules.csv")).replaceAll("AS VARCHAR)", "AS STRING)");
    expect(read(path.join(dbtDir, "seeds/seed_claim_rules.csv"))).toBe(pipelineRules);
    expect(activeRuleIds.length).toBeGreaterThan(0);
    const zips = csv(path.join(dbtDir, "seeds/seed_zip_centroids.csv"));
    expect(zips.map((z) => [z.zip_code, Number(z.latitude), Number(z.longitude)])).toEqual(
      zipcodes.lookupByState("NY").map((z) => [String(z.zip), Number(z.latitude), Number(z.longitude)]),
    );
  });
});

describe("app.yaml", () => {
  const yaml = read(path.join(root, "app.yaml"));
  const env = new Map<string, { value?: string; valueFrom?: string }>();
  for (const m of yaml.matchAll(/^ {2}- name: ([A-Z_]+)\n {4}(value|valueFrom): (.+)$/gm)) {
    env.set(m[1]!, { [m[2]!]: m[3]!.trim().replace(/^"(.*)"$/, "$1") });
  }

  it("is plain YAML of a command and an env list, binding the warehouse as a resource", () => {
    for (const line of yaml.split("\n")) {
      expect(line, "no tabs").not.toMatch(/\t/);
      expect(line, `unexpected line: ${line}`).toMatch(/^(#.*|command: \[.*\]|env:|  - name: [A-Z_]+|    (value|valueFrom): .+|\s*#.*|)$/);
    }
    const command = JSON.parse(/^command: (\[.*\])$/m.exec(yaml)![1]!) as string[];
    expect(command).toEqual(["npx", "tsx", "databricks/app/start.ts"]);
    expect(readdirSync(path.join(root, "databricks/app"))).toContain("start.ts");
    expect(env.get("DATABRICKS_WAREHOUSE_ID")).toEqual({ valueFrom: "sql-warehouse" });
    expect(env.get("WAREHOUSE")).toEqual({ value: "databricks" });
    expect(env.get("AUTH_MODE")).toEqual({ value: "databricks-apps" });
    for (const name of ["DATABRICKS_CATALOG", "DATABRICKS_SCHEMA", "AUTH_ROLE_MAP", "DATABASE_URL"]) expect(env.has(name), name).toBe(true);
    // The app's own parser accepts it, entry by entry.
    expect(parseRoleMap(env.get("AUTH_ROLE_MAP")!.value!).entries.length).toBeGreaterThan(0);
  });

  it("with what the platform injects, gives the app every setting its start command requires", () => {
    const values = Object.fromEntries([...env].map(([k, v]) => [k, v.value ?? `<${v.valueFrom}>`])) as NodeJS.ProcessEnv;
    expect(missingAppSettings(values)).toContain("DATABRICKS_TOKEN or DATABRICKS_CLIENT_ID and DATABRICKS_CLIENT_SECRET");
    const platform = { DATABRICKS_HOST: "https://example.cloud.databricks.com", DATABRICKS_CLIENT_ID: "id", DATABRICKS_CLIENT_SECRET: "secret", DATABRICKS_APP_PORT: "8000" };
    expect(missingAppSettings({ ...values, ...platform })).toEqual([]);
  });
});

describe("marketing models on DuckDB", () => {
  // Fivetran-shaped raw data from the generator; the embedded pipeline's gold of the same data is the reference.
  let rawDir: string;
  let pipelineGold: string;

  beforeAll(async () => {
    rawDir = path.join(await mkdtemp(path.join(tmpdir(), "goldlens-dbt-")), "raw");
    await generate({ scale: "demo", seed: 11, outDir: rawDir });
    const result = await runPipeline({ rawDir, warehouseDir: await mkdtemp(path.join(tmpdir(), "goldlens-dbt-wh-")), memoryLimit: "2GB" });
    pipelineGold = result.file;
  }, 300_000);

  const marketing = [...models.entries()].filter(([, m]) => m.file.includes(`${path.sep}marketing${path.sep}`));

  /** Renders a marketing model for DuckDB: refs to local tables, sources to the raw Parquet, seeds to their CSV. */
  function forDuckDb(sql: string): string {
    return sql
      .replace(/--[^\n]*/g, "")
      .replace(/\{\{-?\s*config\([\s\S]*?\)\s*-?\}\}/g, "")
      .replace(/\{\{\s*source\('(marketo|salesforce)',\s*'([a-z_]+)'\)\s*\}\}/g, (_m, s: string, t: string) => `read_parquet('${path.join(rawDir, s, `${t}.parquet`)}')`)
      .replace(/\{\{\s*ref\('([a-z0-9_]+)'\)\s*\}\}/g, (_m, name: string) =>
        seeds.has(name) ? `read_csv('${path.join(dbtDir, "seeds", `${name}.csv`)}', header = true, all_varchar = true)` : `dbt.${name}`,
      );
  }

  it("uses no Jinja beyond config, ref and source, so they run unchanged on both engines", () => {
    for (const [name, m] of marketing) expect(forDuckDb(m.sql), name).not.toMatch(/\{\{|\{%/);
  });

  it("builds the same email tables as the embedded pipeline from the same data", async () => {
    const instance = await DuckDBInstance.create(":memory:");
    const con = await instance.connect();
    try {
      await con.run(`CREATE SCHEMA dbt`);
      await con.run(`ATTACH '${pipelineGold}' AS pipeline (READ_ONLY)`);
      const pending = new Map(marketing);
      while (pending.size > 0) {
        const ready = [...pending].find(([, m]) => [...m.sql.matchAll(/ref\('([a-z0-9_]+)'\)/g)].every(([, r]) => seeds.has(r!) || !pending.has(r!)));
        expect(ready, `a marketing model whose refs are built (left: ${[...pending.keys()]})`).toBeDefined();
        const [name, m] = ready!;
        await con.run(`CREATE TABLE dbt.${name} AS ${forDuckDb(m.sql)}`);
        pending.delete(name);
      }
      const documented = contract();
      const tables = marketing.map(([name]) => name).filter((name) => documented.has(name));
      expect(tables.sort()).toEqual(
        ["account_email_engagement", "country_email_engagement", "dim_account", "dim_user", "email_engagement_daily", "fct_email_clicks", "fct_email_opens", "fct_email_sends", "int_email_open_clicks_joined"],
      );
      for (const table of tables) {
        const cols = documented.get(table)!.map(([c]) => c).join(", ");
        const differing = await con.runAndReadAll(
          `SELECT (SELECT count(*) FROM (SELECT ${cols} FROM dbt.${table} EXCEPT ALL SELECT ${cols} FROM pipeline.gold.${table})) +
                  (SELECT count(*) FROM (SELECT ${cols} FROM pipeline.gold.${table} EXCEPT ALL SELECT ${cols} FROM dbt.${table})) AS n,
                  (SELECT count(*) FROM dbt.${table}) AS rows`,
        );
        const [n, rows] = differing.getRows()[0]!.map(Number);
        expect(rows, `${table} has rows`).toBeGreaterThan(0);
        expect(n, `${table}: rows differing between the dbt model and the embedded pipeline`).toBe(0);
      }
    } finally {
      con.closeSync();
      instance.closeSync();
    }
  }, 120_000);
});
