import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { createDatabricksWarehouse } from "../../warehouse/databricks";
import type { Warehouse } from "../../warehouse/types";
import { startStandIn, STAND_IN_CA, type StandIn } from "./standIn";

const globalForWarehouse = globalThis as unknown as { goldlensWarehouse?: Warehouse };

/** Tests run in Databricks mode when GOLDLENS_TEST_WAREHOUSE=databricks (the "databricks" Vitest project). */
export const testWarehouseIsDatabricks = () => process.env.GOLDLENS_TEST_WAREHOUSE === "databricks";

/**
 * Serves a gold build through the stand-in and returns a Databricks warehouse talking to it over HTTPS,
 * installed as the app's warehouse so route handlers use it. Closing it closes the stand-in too.
 */
export async function standInFixtureWarehouse(warehouseDir: string): Promise<Warehouse & { standIn: StandIn }> {
  const current = z.object({ file: z.string() }).parse(JSON.parse(readFileSync(path.join(warehouseDir, "CURRENT.json"), "utf8")));
  const standIn = await startStandIn({ goldFile: path.join(warehouseDir, current.file) });
  const inner = createDatabricksWarehouse({
    config: {
      host: standIn.host, port: standIn.port, httpPath: standIn.path, auth: { kind: "token", token: standIn.token },
      catalog: standIn.catalog, schema: "gold", queryTimeoutMs: 30_000, maxConcurrency: 4,
    },
    customCaCert: STAND_IN_CA,
  });
  const warehouse: Warehouse & { standIn: StandIn } = {
    engine: inner.engine,
    table: (name) => inner.table(name),
    query: (q) => inner.query(q),
    buildId: () => inner.buildId(),
    standIn,
    async close() {
      if (globalForWarehouse.goldlensWarehouse === warehouse) delete globalForWarehouse.goldlensWarehouse;
      await inner.close();
      await standIn.close();
    },
  };
  globalForWarehouse.goldlensWarehouse = warehouse;
  return warehouse;
}
