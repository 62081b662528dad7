import { z } from "zod";
import type { GoldTable, SqlParam, Warehouse } from "../warehouse/types";
import { dialectFor, type Dialect } from "./dialect";
import { pruneOptionalFilters } from "../warehouse/params";
import { createJsonTextCache } from "../api/responseCache";

type Params = z.ZodObject<Record<string, z.ZodType<SqlParam>>>;

export interface QueryDefinition<P extends Params, R extends z.ZodType> {
  name: string;
  parameters: P;
  row: R;
  /** Static SQL text; tables come from `table()`, values only as `:name` parameters, engine differences from `dialect`. */
  sql: (table: (name: GoldTable) => string, dialect: Dialect) => string;
  /**
   * Keep this statement's answers per gold build, keyed by its own parameters. For a statement that some
   * filter of its page does not narrow (the country table ignores the country filter, the policy map the
   * borough filter): changing only that filter then answers it from memory instead of running it again.
   */
  cachePerBuild?: boolean;
}

type StatementCache = ReturnType<typeof createJsonTextCache>;
// Per warehouse client (tests open several), on globalThis because a route and a page may be bundled apart
// with a copy of this module each.
const globalForStatements = globalThis as unknown as { goldlensStatementCaches?: WeakMap<Warehouse, StatementCache> };

function statementCache(warehouse: Warehouse): StatementCache {
  const caches = (globalForStatements.goldlensStatementCaches ??= new WeakMap());
  let cache = caches.get(warehouse);
  if (!cache) {
    cache = createJsonTextCache(1000);
    caches.set(warehouse, cache);
  }
  return cache;
}

/** One named query: its bound parameters and row schema declared together, run on any warehouse. */
export function defineQuery<P extends Params, R extends z.ZodType>(def: QueryDefinition<P, R>) {
  return {
    ...def,
    async run(warehouse: Warehouse, input: z.input<P>, options: { signal?: AbortSignal } = {}): Promise<z.infer<R>[]> {
      const params = def.parameters.parse(input) as Record<string, SqlParam>;
      const execute = (signal?: AbortSignal) =>
        warehouse.query({
          name: def.name,
          sql: pruneOptionalFilters(def.sql((t) => warehouse.table(t), dialectFor(warehouse.engine)), params),
          params,
          row: def.row as z.ZodType<z.infer<R>>,
          signal,
        });
      if (!def.cachePerBuild) return execute(options.signal);
      const buildId = await warehouse.buildId();
      // The parsed parameters in their schema's key order: the same values make the same key.
      const { json } = await statementCache(warehouse).get(buildId, `${def.name}|${JSON.stringify(params)}`, execute, options.signal);
      // Only this statement writes under its name, so the text is its rows'; each caller gets its own copy.
      return JSON.parse(json) as z.infer<R>[];
    },
  };
}

// Row field helpers: DuckDB hands BIGINT and DECIMAL back as strings to stay JSON-safe.
export const count = z.coerce.number().int();
export const amount = z.coerce.number();
export const nullableNumber = z.union([z.null(), z.coerce.number()]);
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date as YYYY-MM-DD");
