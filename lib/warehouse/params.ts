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

const OPTIONAL_FILTER = /\(\s*CAST\(\s*:([A-Za-z_][A-Za-z0-9_]*)\s+AS\s+[A-Za-z]+\s*\)\s+IS\s+NULL\s+OR\s+/gi;

/**
 * Optional filters are written `(CAST(:p AS T) IS NULL OR <condition>)`. Such a disjunction hides the
 * condition from the engines' filter pushdown, so before a statement runs each one becomes `TRUE` when
 * :p is null and `(<condition>)` otherwise. Values stay bound; only the SQL's shape changes.
 */
export function pruneOptionalFilters(sql: string, params: Record<string, SqlParam>): string {
  let out = "";
  let i = 0;
  OPTIONAL_FILTER.lastIndex = 0;
  for (let m = OPTIONAL_FILTER.exec(sql); m; m = OPTIONAL_FILTER.exec(sql)) {
    const name = m[1]!;
    const close = matchingParen(sql, m.index);
    if (close === -1 || !(name in params)) continue;
    out += sql.slice(i, m.index);
    out += params[name] === null ? "TRUE" : `(${pruneOptionalFilters(sql.slice(m.index + m[0].length, close), params)})`;
    i = close + 1;
    OPTIONAL_FILTER.lastIndex = i;
  }
  return out + sql.slice(i);
}

/** The index of the parenthesis closing the one at `open`, skipping quoted text; -1 when unbalanced. */
function matchingParen(sql: string, open: number): number {
  let depth = 0;
  for (let i = open; i < sql.length; i++) {
    const ch = sql[i]!;
    if (ch === "'" || ch === '"' || ch === "`") {
      i = closingQuote(sql, i, ch) - 1;
    } else if (ch === "(") {
      depth += 1;
    } else if (ch === ")") {
      depth -= 1;
      if (depth === 0) return i;
    }
  }
  return -1;
}
