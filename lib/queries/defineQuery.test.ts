import { describe, expect, it } from "vitest";
import { z } from "zod";
import type { Warehouse, WarehouseQuery } from "../warehouse/types";
import { defineQuery } from "./defineQuery";

/** A warehouse that answers every statement with the number of statements it has run so far. */
function countingWarehouse(build = { id: "build-1" }, fail: { next: boolean } = { next: false }) {
  const runs: Array<Record<string, unknown>> = [];
  const warehouse: Warehouse = {
    engine: "duckdb",
    table: (name) => `gold.${name}`,
    buildId: async () => build.id,
    close: async () => undefined,
    async query<Row>(q: WarehouseQuery<Row>): Promise<Row[]> {
      runs.push(q.params);
      if (fail.next) {
        fail.next = false;
        throw new Error("warehouse unavailable");
      }
      return [{ run: runs.length }] as Row[];
    },
  };
  return { warehouse, runs, build, fail };
}

const statement = (cachePerBuild: boolean) =>
  defineQuery({
    name: cachePerBuild ? "keptCounts" : "freshCounts",
    parameters: z.object({ from: z.string(), region: z.string().nullable().default(null) }),
    row: z.object({ run: z.number() }),
    cachePerBuild,
    sql: (table) => `SELECT count(*) AS run FROM ${table("policies")} WHERE pol_eff_date >= CAST(:from AS DATE) AND (CAST(:region AS STRING) IS NULL OR borough = CAST(:region AS STRING))`,
  });

describe("statements kept per gold build", () => {
  it("answers the same parameters from memory, whatever else the request carries", async () => {
    const { warehouse, runs } = countingWarehouse();
    const kept = statement(true);
    const first = await kept.run(warehouse, { from: "2024-01-01" });
    // A filter the statement does not take is dropped by its parameters, so the key is the same.
    const second = await kept.run(warehouse, { from: "2024-01-01", borough: "BRONX" } as never);
    expect(second).toEqual(first);
    expect(runs).toHaveLength(1);
    await kept.run(warehouse, { from: "2024-01-01", region: "QUEENS" });
    await kept.run(warehouse, { from: "2024-02-01" });
    expect(runs).toHaveLength(3);
  });

  it("runs again for a new gold build and for another warehouse client", async () => {
    const { warehouse, runs, build } = countingWarehouse();
    const kept = statement(true);
    await kept.run(warehouse, { from: "2024-01-01" });
    build.id = "build-2";
    expect(await kept.run(warehouse, { from: "2024-01-01" })).toEqual([{ run: 2 }]);
    const other = countingWarehouse({ id: "build-2" });
    expect(await kept.run(other.warehouse, { from: "2024-01-01" })).toEqual([{ run: 1 }]);
    expect(runs).toHaveLength(2);
  });

  it("shares one run between identical requests in flight, and keeps no failure", async () => {
    const { warehouse, runs, fail } = countingWarehouse();
    const kept = statement(true);
    const [a, b] = await Promise.all([kept.run(warehouse, { from: "2024-03-01" }), kept.run(warehouse, { from: "2024-03-01" })]);
    expect(a).toEqual(b);
    expect(runs).toHaveLength(1);
    fail.next = true;
    await expect(kept.run(warehouse, { from: "2024-04-01" })).rejects.toThrow("warehouse unavailable");
    expect(await kept.run(warehouse, { from: "2024-04-01" })).toEqual([{ run: 3 }]);
  });

  it("hands every caller its own copy of the rows", async () => {
    const { warehouse } = countingWarehouse();
    const kept = statement(true);
    const [row] = await kept.run(warehouse, { from: "2024-05-01" });
    row!.run = 99;
    expect(await kept.run(warehouse, { from: "2024-05-01" })).toEqual([{ run: 1 }]);
  });

  it("runs a statement without the flag every time", async () => {
    const { warehouse, runs } = countingWarehouse();
    const fresh = statement(false);
    await fresh.run(warehouse, { from: "2024-01-01" });
    await fresh.run(warehouse, { from: "2024-01-01" });
    expect(runs).toHaveLength(2);
  });
});
