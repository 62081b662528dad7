import { rewriteNamedParams } from "../../warehouse/params";

/**
 * What the stand-in changes in a statement written for Databricks SQL before DuckDB runs it, and nothing
 * else (everything else must already be SQL both engines read the same way, see lib/queries/dialect.ts):
 *   1. `:name` parameter markers become `$name`, DuckDB's named parameters;
 *   2. backquoted identifiers `a` become double-quoted "a";
 *   3. `from_json(<expr>, 'array<string>')` becomes `CAST(from_json(<expr>, '["VARCHAR"]') AS VARCHAR[])`,
 *      the one function the Databricks dialect writes differently (a JSON array of strings).
 */
export function databricksToDuckDb(sql: string): { sql: string; names: string[] } {
  const { sql: withMarkers, names } = rewriteNamedParams(sql, "$");
  return { sql: rewriteJsonStringArrays(requoteIdentifiers(withMarkers)), names };
}

function requoteIdentifiers(sql: string): string {
  let out = "";
  let i = 0;
  while (i < sql.length) {
    const ch = sql[i]!;
    if (ch === "'" || ch === '"') {
      const end = closing(sql, i, ch);
      out += sql.slice(i, end);
      i = end;
    } else if (ch === "`") {
      const end = closing(sql, i, "`");
      const name = sql.slice(i + 1, end - 1).replaceAll("``", "`");
      out += `"${name.replaceAll('"', '""')}"`;
      i = end;
    } else if (ch === "-" && sql[i + 1] === "-") {
      const nl = sql.indexOf("\n", i);
      const stop = nl === -1 ? sql.length : nl;
      out += sql.slice(i, stop);
      i = stop;
    } else {
      out += ch;
      i += 1;
    }
  }
  return out;
}

function closing(sql: string, start: number, quote: string): number {
  let i = start + 1;
  while (i < sql.length) {
    if (sql[i] === quote) {
      if (sql[i + 1] === quote) i += 2;
      else return i + 1;
    } else i += 1;
  }
  return sql.length;
}

const ARRAY_OF_STRINGS = /,\s*'array<string>'\s*$/i;

function rewriteJsonStringArrays(sql: string): string {
  let out = "";
  let from = 0;
  const pattern = /\bfrom_json\s*\(/gi;
  for (let m = pattern.exec(sql); m; m = pattern.exec(sql)) {
    const open = m.index + m[0].length - 1;
    const close = matchingParen(sql, open);
    const args = sql.slice(open + 1, close);
    if (close === -1 || !ARRAY_OF_STRINGS.test(args)) continue;
    const value = args.replace(ARRAY_OF_STRINGS, "");
    out += sql.slice(from, m.index) + `CAST(from_json(${value}, '["VARCHAR"]') AS VARCHAR[])`;
    from = close + 1;
    pattern.lastIndex = from;
  }
  return out + sql.slice(from);
}

function matchingParen(sql: string, open: number): number {
  let depth = 0;
  for (let i = open; i < sql.length; i += 1) {
    const ch = sql[i]!;
    if (ch === "'" || ch === '"') {
      i = closing(sql, i, ch) - 1;
    } else if (ch === "(") depth += 1;
    else if (ch === ")") {
      depth -= 1;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/**
 * A DuckDB error as a Databricks SQL warehouse words it: the error class in brackets, then SQLSTATE, so
 * the client classifies the stand-in's errors exactly as it would the real ones.
 */
export function databricksError(message: string, originalSql: string): { message: string; sqlState: string } {
  if (/Table with name .* does not exist|Catalog ".*" does not exist|schema ".*" does not exist/i.test(message)) {
    const missing = /Table with name "?([^"\s!]+)"?/i.exec(message)?.[1]?.split(".").pop();
    const names = [...originalSql.matchAll(/`[^`]+`\.`[^`]+`\.`[^`]+`/g)].map((x) => x[0]);
    const name = names.find((n) => missing && n.endsWith(`.\`${missing}\``)) ?? names[0] ?? missing ?? "(unknown)";
    return {
      message: `[TABLE_OR_VIEW_NOT_FOUND] The table or view ${name} cannot be found. Verify the spelling and correctness of the schema and catalog. SQLSTATE: 42P01`,
      sqlState: "42P01",
    };
  }
  if (/^Parser Error/i.test(message)) return { message: `[PARSE_SYNTAX_ERROR] ${message} SQLSTATE: 42601`, sqlState: "42601" };
  return { message: `[INTERNAL_ERROR] ${message} SQLSTATE: XX000`, sqlState: "XX000" };
}
