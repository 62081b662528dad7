import "server-only";
import { env } from "../env";
import { logger } from "../logger";
import { dataPaths } from "../paths";
import { createDatabricksWarehouse } from "./databricks";
import { databricksConfig } from "./databricksConfig";
import { createDuckDbWarehouse } from "./duckdb";
import type { Warehouse } from "./types";

export type { Warehouse } from "./types";

// One client per process; tests install their own here (lib/testing/rawFixture.ts).
const globalForWarehouse = globalThis as unknown as { goldlensWarehouse?: Warehouse };

/** The app's one warehouse client, chosen by WAREHOUSE (duckdb by default). */
export function getWarehouse(): Warehouse {
  if (globalForWarehouse.goldlensWarehouse) return globalForWarehouse.goldlensWarehouse;
  const config = env();
  if (config.WAREHOUSE === "databricks") {
    const warehouse = createDatabricksWarehouse({
      config: databricksConfig(process.env),
      onQuery: (e) => logger.debug({ query: e.name, ms: Math.round(e.ms * 10) / 10, rows: e.rows, attempts: e.attempts }, "warehouse query"),
      onRetry: (e) => logger.warn({ query: e.name, attempt: e.attempt, failure: e.failure, waitMs: e.waitMs }, "warehouse query retried"),
    });
    globalForWarehouse.goldlensWarehouse = warehouse;
    return warehouse;
  }
  const warehouse = createDuckDbWarehouse({
    warehouseDir: dataPaths(config.DATA_DIR).warehouse,
    connections: config.DUCKDB_CONNECTIONS,
    threads: config.DUCKDB_THREADS,
    onQuery: (e) => logger.debug({ query: e.name, ms: Math.round(e.ms * 10) / 10, rows: e.rows, build: e.buildId }, "warehouse query"),
  });
  globalForWarehouse.goldlensWarehouse = warehouse;
  return warehouse;
}
