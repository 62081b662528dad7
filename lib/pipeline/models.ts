import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

export const LAYERS = ["bronze", "silver", "gold"] as const;
export type Layer = (typeof LAYERS)[number];

export interface Expectation {
  name: string;
  expression: string;
}

export interface Model {
  name: string;
  layer: Layer;
  file: string;
  materialized: "table" | "view";
  expectations: Expectation[];
  /** Column that identifies a quarantined row, e.g. claim_no. */
  key: string | null;
  /** ORDER BY applied when the table is written, so readers get locality (zone maps) for free. */
  orderBy: string | null;
  /** Indexes built on the written table, each over its columns: point lookups by key read one row, not a scan. */
  indexes: string[][];
  description: string;
  sql: string;
  refs: string[];
}

const IDENT = /^[a-z][a-z0-9_]*$/;
const REF = /\{\{\s*ref\(\s*'([a-z0-9_]+)'\s*\)\s*\}\}/g;

/**
 * Reads one model per .sql file. Configuration sits in leading comment lines, dbt-style:
 *   -- materialized: table|view
 *   -- expect <name>: <SQL boolean over the model's rows>   (a row failing it goes to quarantine)
 *   -- key: <column>
 *   -- order_by: <columns>
 *   -- index: <column>[, <column>...]   (one line per index)
 *   -- description text
 */
export function parseModel(file: string, layer: Layer, text: string): Model {
  const name = path.basename(file, ".sql");
  if (!IDENT.test(name)) throw new Error(`model file name ${file} is not a valid identifier`);
  const model: Model = {
    name,
    layer,
    file,
    materialized: "table",
    expectations: [],
    key: null,
    orderBy: null,
    indexes: [],
    description: "",
    sql: "",
    refs: [],
  };
  const lines = text.split("\n");
  let i = 0;
  const description: string[] = [];
  for (; i < lines.length && lines[i]!.startsWith("--"); i++) {
    const line = lines[i]!.replace(/^--\s?/, "");
    const expect = /^expect\s+([a-z0-9_]+):\s*(.+)$/.exec(line);
    const setting = /^(materialized|key|order_by|index):\s*(.+)$/.exec(line);
    if (expect) model.expectations.push({ name: expect[1]!, expression: expect[2]!.trim() });
    else if (setting?.[1] === "materialized") {
      const m = setting[2]!.trim();
      if (m !== "table" && m !== "view") throw new Error(`${file}: materialized must be table or view`);
      model.materialized = m;
    } else if (setting?.[1] === "key") model.key = setting[2]!.trim();
    else if (setting?.[1] === "order_by") model.orderBy = setting[2]!.trim();
    else if (setting?.[1] === "index") {
      const columns = setting[2]!.split(",").map((c) => c.trim());
      if (!columns.every((c) => IDENT.test(c))) throw new Error(`${file}: index takes column names separated by commas`);
      model.indexes.push(columns);
    }
    else description.push(line.trim());
  }
  model.description = description.join(" ").trim();
  model.sql = lines.slice(i).join("\n").trim().replace(/;\s*$/, "");
  const refs = new Set<string>();
  for (const part of [model.sql, ...model.expectations.map((e) => e.expression)]) {
    for (const m of part.matchAll(REF)) refs.add(m[1]!);
  }
  model.refs = [...refs];
  if (model.expectations.length > 0 && model.materialized === "view") {
    throw new Error(`${file}: a model with expectations must be materialized as a table`);
  }
  if (model.indexes.length > 0 && model.materialized === "view") throw new Error(`${file}: only a table can have an index`);
  return model;
}

export async function loadModels(modelsDir: string): Promise<Model[]> {
  const models: Model[] = [];
  for (const layer of LAYERS) {
    const dir = path.join(modelsDir, layer);
    const files = (await readdir(dir)).filter((f) => f.endsWith(".sql")).sort();
    for (const f of files) models.push(parseModel(path.join(dir, f), layer, await readFile(path.join(dir, f), "utf8")));
  }
  const seen = new Map<string, Model>();
  for (const m of models) {
    const other = seen.get(m.name);
    if (other) throw new Error(`model ${m.name} is defined twice: ${other.file} and ${m.file}`);
    seen.set(m.name, m);
  }
  return models;
}

/** Dependency order (Kahn), stable by layer then name so runs print the same way every time. */
export function orderModels(models: Model[], external: Set<string>): Model[] {
  const byName = new Map(models.map((m) => [m.name, m]));
  for (const m of models) {
    for (const r of m.refs) {
      if (!byName.has(r) && !external.has(r)) throw new Error(`${m.file} refers to unknown model or seed '${r}'`);
    }
  }
  const rank = (m: Model) => `${LAYERS.indexOf(m.layer)}:${m.name}`;
  const pending = new Set(models);
  const done = new Set<string>(external);
  const ordered: Model[] = [];
  while (pending.size > 0) {
    const ready = [...pending].filter((m) => m.refs.every((r) => done.has(r))).sort((a, b) => rank(a).localeCompare(rank(b)));
    if (ready.length === 0) {
      throw new Error(`dependency cycle among: ${[...pending].map((m) => m.name).join(", ")}`);
    }
    const next = ready[0]!;
    ordered.push(next);
    done.add(next.name);
    pending.delete(next);
  }
  return ordered;
}
