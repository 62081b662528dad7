import "server-only";
import { env } from "../env";
import { logger } from "../logger";
import { dataPaths } from "../paths";
import { createDuckDbWarehouse } from "./duckdb";
import type { Warehouse } from "./types";

export type { Warehouse } from "./types";

const globalForWarehouse = globalThis as unknown as { goldlensWarehouse?: Warehouse };

/** The app's one warehouse client, chosen by WAREHOUSE (duckdb by default). */
export function getWarehouse(): Warehouse {
  if (globalForWarehouse.goldlensWarehouse) return globalForWarehouse.goldlensWarehouse;
  const config = env();
  if (config.WAREHOUSE === "databricks") {
    throw new Error("WAREHOUSE=databricks is not available in this build: set WAREHOUSE=duckdb");
  }
  const warehouse = createDuckDbWarehouse({
    warehouseDir: dataPaths(config.DATA_DIR).warehouse,
    connections: config.DUCKDB_CONNECTIONS,
    onQuery: (e) => logger.debug({ query: e.name, ms: Math.round(e.ms * 10) / 10, rows: e.rows, build: e.buildId }, "warehouse query"),
  });
  globalForWarehouse.goldlensWarehouse = warehouse;
  return warehouse;
}
