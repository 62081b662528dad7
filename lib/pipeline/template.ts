import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import { z } from "zod";

export interface TemplateContext {
  con: DuckDBConnection;
  rawDir: string;
  /** model or seed name -> schema */
  layerOf: Map<string, string>;
}

type Macro = (ctx: TemplateContext, args: string[]) => Promise<string> | string;

const sqlString = (s: string) => `'${s.replaceAll("'", "''")}'`;
const IDENT = /^[a-z][a-z0-9_]*$/;

function rawPath(ctx: TemplateContext, relative: string): string {
  if (relative.includes("..")) throw new Error(`raw path ${relative} may not leave the raw folder`);
  return path.join(ctx.rawDir, relative);
}

function rawFiles(ctx: TemplateContext, folder: string, extension: string): string[] {
  const dir = rawPath(ctx, folder);
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => f.endsWith(extension));
}

const ruleRow = z.object({
  id: z.string().regex(IDENT, "rule ids are lower-case identifiers (they become column names)"),
  expression: z.string().min(1),
  expected: z.string().nullable(),
  actual: z.string().nullable(),
});

async function activeRules(ctx: TemplateContext) {
  const reader = await ctx.con.runAndReadAll(
    `SELECT id, expression, expected, actual FROM seeds.seed_claim_rules WHERE lower(trim(active)) IN ('true', '1', 'yes') ORDER BY id`,
  );
  return z.array(ruleRow).parse(reader.getRowObjectsJson());
}

// Engine-specific spots live here: DuckDB reads raw files directly; on Databricks the bronze layer is
// Auto Loader or COPY INTO, and these macros are the only part of the models that changes.
const MACROS: Record<string, Macro> = {
  ref: (ctx, [name]) => {
    const layer = ctx.layerOf.get(name!);
    if (!layer) throw new Error(`unknown ref '${name}'`);
    return `${layer}.${name}`;
  },
  raw_csv: (ctx, [file]) => `read_csv(${sqlString(rawPath(ctx, file!))}, header = true, all_varchar = true)`,
  raw_json_lines: (ctx, [glob]) => `read_json_objects(${sqlString(rawPath(ctx, glob!))}, format = 'newline_delimited')`,
  raw_parquet: (ctx, [glob]) => `read_parquet(${sqlString(rawPath(ctx, glob!))}, union_by_name = true)`,
  /** A folder that may hold Parquet or CSV exports of the same table. */
  raw_parquet_or_csv: (ctx, [folder]) => {
    if (rawFiles(ctx, folder!, ".parquet").length > 0) return `read_parquet(${sqlString(rawPath(ctx, `${folder}/*.parquet`))}, union_by_name = true)`;
    if (rawFiles(ctx, folder!, ".csv").length > 0) return `read_csv(${sqlString(rawPath(ctx, `${folder}/*.csv`))}, header = true, all_varchar = true, union_by_name = true)`;
    throw new Error(`no .parquet or .csv files in ${rawPath(ctx, folder!)}`);
  },
  /** Java/Spark date patterns (dd-MM-yyyy), the notation raw-format specs use; unparseable text becomes NULL. */
  parse_date: (_ctx, [expr, pattern]) => `CAST(try_strptime(${expr}, ${sqlString(strftimePattern(pattern!))}) AS DATE)`,
  parse_timestamp: (_ctx, [expr, pattern]) => `CAST(try_strptime(${expr}, ${sqlString(strftimePattern(pattern!))}) AS TIMESTAMP)`,
  json_text: (_ctx, [column, jsonPath]) => `json_extract_string(${column}, ${sqlString(jsonPath!)})`,
  /** Identifiers such as chassis numbers arrive padded, lower-cased or with stray characters. */
  clean_code: (_ctx, [expr]) => `nullif(regexp_replace(upper(CAST(${expr} AS STRING)), '[^A-Z0-9]', '', 'g'), '')`,
  add_hours: (_ctx, [ts, hours]) => `(${ts} + to_hours(CAST(${hours} AS BIGINT)))`,
  days_between: (_ctx, [start, end]) => `date_diff('day', ${start}, ${end})`,
  /** A set-returning select item: one row per day from start to end inclusive (as timestamps). */
  explode_days: (_ctx, [start, end]) => `unnest(generate_series(CAST(${start} AS TIMESTAMP), CAST(${end} AS TIMESTAMP), INTERVAL 1 DAY))`,
  /** One long row per (claim, active rule): the rules table is data, so a new rule needs no code. */
  claim_rule_union: async (ctx, [relation]) => {
    if (!IDENT.test(relation!)) throw new Error(`claim_rule_union expects a relation name, got ${relation}`);
    const rules = await activeRules(ctx);
    if (rules.length === 0) {
      return `SELECT NULL::VARCHAR AS claim_no, NULL::VARCHAR AS rule_id, NULL::BOOLEAN AS passed, NULL::VARCHAR AS expected, NULL::VARCHAR AS actual WHERE false`;
    }
    return rules
      .map(
        (r) => `SELECT claim_no, ${sqlString(r.id)} AS rule_id, CAST((${r.expression}) AS BOOLEAN) AS passed,
  CAST((${r.expected || "NULL"}) AS VARCHAR) AS expected, CAST((${r.actual || "NULL"}) AS VARCHAR) AS actual
FROM ${relation}`,
      )
      .join("\nUNION ALL\n");
  },
  /** check_<rule id> per claim, pivoted from the long results. */
  claim_rule_columns: async (ctx) => {
    const rules = await activeRules(ctx);
    return rules.map((r) => `bool_or(passed) FILTER (WHERE rule_id = ${sqlString(r.id)}) AS check_${r.id},`).join("\n  ");
  },
};

const JAVA_TO_STRFTIME: Array<[string, string]> = [
  ["yyyy", "%Y"],
  ["MM", "%m"],
  ["dd", "%d"],
  ["HH", "%H"],
  ["mm", "%M"],
  ["ss", "%S"],
];

export function strftimePattern(javaPattern: string): string {
  return JAVA_TO_STRFTIME.reduce((p, [java, c]) => p.replaceAll(java, c), javaPattern);
}

const CALL = /\{\{\s*([a-z_]+)\((.*?)\)\s*\}\}/gs;

function parseArgs(raw: string): string[] {
  const args: string[] = [];
  // Arguments are quoted SQL fragments: '...' or "..." (the latter for fragments that hold single quotes).
  for (const m of raw.matchAll(/'((?:[^']|'')*)'|"((?:[^"]|"")*)"/g)) {
    args.push(m[1] !== undefined ? m[1].replaceAll("''", "'") : m[2]!.replaceAll('""', '"'));
  }
  return args;
}

export async function expandTemplate(sql: string, ctx: TemplateContext): Promise<string> {
  let out = "";
  let last = 0;
  for (const m of sql.matchAll(CALL)) {
    const macro = MACROS[m[1]!];
    if (!macro) throw new Error(`unknown macro {{ ${m[1]}() }}`);
    out += sql.slice(last, m.index) + (await macro(ctx, parseArgs(m[2]!)));
    last = m.index! + m[0].length;
  }
  return out + sql.slice(last);
}
