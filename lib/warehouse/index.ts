import "server-only";
import { availableParallelism } from "node:os";
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

/**
 * DuckDB's threads when DUCKDB_THREADS is not set. Each pooled connection already runs its statement on a
 * thread of its own, so DuckDB's workers only help with cores the pool leaves idle: on a 2-core machine
 * with 4 connections, extra workers just compete with the pool (measured at 32 clients on the Loss
 * Summary: about a quarter more requests per second with none).
 */
export function duckDbThreads(connections: number, cores = availableParallelism()): number {
  return Math.max(1, cores - connections);
}

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
    threads: config.DUCKDB_THREADS ?? duckDbThreads(config.DUCKDB_CONNECTIONS),
    onQuery: (e) => logger.debug({ query: e.name, ms: Math.round(e.ms * 10) / 10, rows: e.rows, build: e.buildId }, "warehouse query"),
  });
  globalForWarehouse.goldlensWarehouse = warehouse;
  return warehouse;
}
