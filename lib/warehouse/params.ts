import type { SqlParam } from "./types";

/**
 * Finds the `:name` placeholders of a statement, skipping string literals, quoted identifiers,
 * comments and `::` casts, and rewrites them with `prefix` (DuckDB wants `$name`; Databricks keeps `:name`).
 */
export function rewriteNamedParams(sql: string, prefix: string): { sql: string; names: string[] } {
  let out = "";
  const names = new Set<string>();
  let i = 0;
  while (i < sql.length) {
    const ch = sql[i]!;
    if (ch === "'" || ch === '"' || ch === "`") {
      const end = closingQuote(sql, i, ch);
      out += sql.slice(i, end);
      i = end;
    } else if (ch === "-" && sql[i + 1] === "-") {
      const end = sql.indexOf("\n", i);
      const stop = end === -1 ? sql.length : end;
      out += sql.slice(i, stop);
      i = stop;
    } else if (ch === ":" && sql[i + 1] === ":") {
      out += "::";
      i += 2;
    } else if (ch === ":" && /[A-Za-z_]/.test(sql[i + 1] ?? "")) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(sql.slice(i + 1))!;
      names.add(m[0]);
      out += prefix + m[0];
      i += 1 + m[0].length;
    } else {
      out += ch;
      i += 1;
    }
  }
  return { sql: out, names: [...names] };
}

function closingQuote(sql: string, start: number, quote: string): number {
  let i = start + 1;
  while (i < sql.length) {
    if (sql[i] === quote) {
      if (sql[i + 1] === quote) i += 2;
      else return i + 1;
    } else i += 1;
  }
  return sql.length;
}

export function pickParams(names: string[], params: Record<string, SqlParam>, queryName: string): Record<string, SqlParam> {
  const picked: Record<string, SqlParam> = {};
  for (const n of names) {
    if (!(n in params)) throw new Error(`query ${queryName} uses :${n} but no value was given for it`);
    picked[n] = params[n]!;
  }
  return picked;
}
