import type { Warehouse } from "../warehouse/types";

/**
 * The one place where query SQL differs between the engines. Everything else in lib/queries is written in
 * what DuckDB and Databricks SQL read alike:
 * - CAST(x AS STRING | BIGINT | INT | DOUBLE | DATE | TIMESTAMP | BOOLEAN), coalesce, nullif, bool_or,
 *   count(*) FILTER (WHERE ...), window functions, FULL OUTER JOIN, date_trunc('month' | 'week', d)
 *   (weeks start on Monday in both);
 * - LIMIT and OFFSET take CAST(:p AS INT): Databricks refuses a BIGINT limit;
 * - a prefix test is left(s, length(:p)) = :p (DuckDB's starts_with is Databricks' startswith);
 * - ORDER BY on a column that can be NULL says NULLS FIRST or LAST: the engines' defaults differ for ASC.
 */
export interface Dialect {
  /** TRUE when `value` is one of the strings of the JSON array bound as parameter `param`. */
  inJsonStringArray(param: string, value: string): string;
}

const duckdb: Dialect = {
  inJsonStringArray: (param, value) => `list_contains(CAST(from_json(CAST(:${param} AS VARCHAR), '["VARCHAR"]') AS VARCHAR[]), ${value})`,
};

const databricks: Dialect = {
  inJsonStringArray: (param, value) => `array_contains(from_json(CAST(:${param} AS STRING), 'array<string>'), ${value})`,
};

export function dialectFor(engine: Warehouse["engine"]): Dialect {
  return engine === "databricks" ? databricks : duckdb;
}
