import { z } from "zod";
import type { GoldTable, SqlParam, Warehouse } from "../warehouse/types";
import { dialectFor, type Dialect } from "./dialect";
import { pruneOptionalFilters } from "../warehouse/params";

type Params = z.ZodObject<Record<string, z.ZodType<SqlParam>>>;

export interface QueryDefinition<P extends Params, R extends z.ZodType> {
  name: string;
  parameters: P;
  row: R;
  /** Static SQL text; tables come from `table()`, values only as `:name` parameters, engine differences from `dialect`. */
  sql: (table: (name: GoldTable) => string, dialect: Dialect) => string;
}

/** One named query: its bound parameters and row schema declared together, run on any warehouse. */
export function defineQuery<P extends Params, R extends z.ZodType>(def: QueryDefinition<P, R>) {
  return {
    ...def,
    async run(warehouse: Warehouse, input: z.input<P>, options: { signal?: AbortSignal } = {}): Promise<z.infer<R>[]> {
      const params = def.parameters.parse(input) as Record<string, SqlParam>;
      return warehouse.query({
        name: def.name,
        sql: pruneOptionalFilters(def.sql((t) => warehouse.table(t), dialectFor(warehouse.engine)), params),
        params,
        row: def.row as z.ZodType<z.infer<R>>,
        signal: options.signal,
      });
    },
  };
}

// Row field helpers: DuckDB hands BIGINT and DECIMAL back as strings to stay JSON-safe.
export const count = z.coerce.number().int();
export const amount = z.coerce.number();
export const nullableNumber = z.union([z.null(), z.coerce.number()]);
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date as YYYY-MM-DD");
