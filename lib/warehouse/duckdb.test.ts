import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { buildFixtureWarehouse, claim } from "../testing/rawFixture";
import { createDuckDbWarehouse, defaultDuckDbThreads } from "./duckdb";
import { WarehouseError, type Warehouse } from "./types";

let warehouse: Warehouse;
let warehouseDir: string;

beforeAll(async () => {
  ({ warehouse, warehouseDir } = await buildFixtureWarehouse({
    policies: [{ policyNo: "100000001", eff: "01-01-2023", expiry: "01-01-2024", premium: 365 }],
    claims: [claim({ claim_no: "C1", policy_no: "100000001" })],
  }));
});

afterAll(async () => {
  await warehouse.close();
});

describe("DuckDB warehouse", () => {
  it("binds parameters instead of splicing them, so hostile text is only ever a value", async () => {
    const rows = await warehouse.query({
      name: "test.bind",
      sql: `SELECT count(*) AS n FROM ${warehouse.table("claims")} WHERE claim_no = :claimNo`,
      params: { claimNo: "C1' OR '1'='1" },
      row: z.object({ n: z.coerce.number() }),
    });
    expect(rows).toEqual([{ n: 0 }]);
  });

  it("returns JSON-safe rows: 64- and 128-bit integers never leak as bigint", async () => {
    const rows = await warehouse.query({
      name: "test.types",
      sql: "SELECT CAST(9007199254740993 AS BIGINT) AS big, CAST(5 AS HUGEINT) AS huge, DATE '2024-02-29' AS day, :n AS n",
      params: { n: 42 },
      row: z.object({ big: z.string(), huge: z.coerce.number(), day: z.string(), n: z.coerce.number() }),
    });
    expect(() => JSON.stringify(rows)).not.toThrow();
    expect(rows).toEqual([{ big: "9007199254740993", huge: 5, day: "2024-02-29", n: 42 }]);
  });

  it("rejects rows that do not match the declared schema", async () => {
    await expect(
      warehouse.query({ name: "test.schema", sql: "SELECT 'x' AS n", params: {}, row: z.object({ n: z.number() }) }),
    ).rejects.toMatchObject({ code: "query_failed", message: expect.stringContaining("do not match its schema") });
  });

  it("cancels a running statement when its signal aborts, and keeps working afterwards", async () => {
    const controller = new AbortController();
    const count = { name: "test.slow", sql: "SELECT count(*) AS n FROM range(:upTo) a", row: z.object({ n: z.coerce.number() }) };
    const running = warehouse.query({
      ...count,
      params: { upTo: 1_000_000_000_000 },
      row: z.object({ n: z.coerce.number() }),
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 200);
    const error = await running.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WarehouseError);
    expect((error as WarehouseError).code).toBe("aborted");
    const rows = await warehouse.query({ name: "test.after", sql: "SELECT 1 AS one", params: {}, row: z.object({ one: z.number() }) });
    expect(rows).toEqual([{ one: 1 }]);
    // The statement that was cancelled runs again with other values.
    expect(await warehouse.query({ ...count, params: { upTo: 12 } })).toEqual([{ n: 12 }]);
  });

  it("answers the same statement with each run's own values, whatever their types", async () => {
    const echo = { name: "test.echo", sql: "SELECT :v AS v, typeof(:v) AS t", row: z.object({ v: z.union([z.string(), z.number(), z.boolean(), z.null()]), t: z.string() }) };
    const seen = [];
    for (const v of [42, 2.5, "forty-two", null, true, 7]) seen.push(...(await warehouse.query({ ...echo, params: { v } })));
    expect(seen.map((r) => r.v)).toEqual(["42", 2.5, "forty-two", null, true, "7"]);
    expect(seen.map((r) => r.t)).toEqual(["BIGINT", "DOUBLE", "VARCHAR", expect.stringContaining("NULL"), "BOOLEAN", "BIGINT"]);
  });

  it("runs DuckDB with the threads it is given, and otherwise with the cores Node's thread pool leaves", async () => {
    const threads = { name: "test.threads", sql: "SELECT CAST(current_setting('threads') AS INTEGER) AS n", params: {}, row: z.object({ n: z.number() }) };
    const one = createDuckDbWarehouse({ warehouseDir, connections: 1, threads: 1 });
    const own = createDuckDbWarehouse({ warehouseDir, connections: 1 });
    try {
      expect(await one.query(threads)).toEqual([{ n: 1 }]);
      expect(await own.query(threads)).toEqual([{ n: defaultDuckDbThreads() }]);
    } finally {
      await one.close();
      await own.close();
    }
  });

  it("leaves DuckDB one thread where Node's pool takes every core, and the rest of the cores elsewhere", () => {
    expect(defaultDuckDbThreads(2, 4)).toBe(1);
    expect(defaultDuckDbThreads(4, 4)).toBe(1);
    expect(defaultDuckDbThreads(8, 4)).toBe(5);
    expect(defaultDuckDbThreads(16, 8)).toBe(9);
  });

  it("keeps answering once more distinct statements have run than a connection keeps prepared", async () => {
    const small = createDuckDbWarehouse({ warehouseDir, connections: 1, preparedPerConnection: 2 });
    try {
      const answers = [];
      for (const k of [1, 2, 3, 1, 4, 2, 1]) {
        const [row] = await small.query({ name: `test.k${k}`, sql: `SELECT ${k} * :x AS y`, params: { x: 10 }, row: z.object({ y: z.coerce.number() }) });
        answers.push(row!.y);
      }
      expect(answers).toEqual([10, 20, 30, 10, 40, 20, 10]);
    } finally {
      await small.close();
    }
  });

  it("runs the statements started in one turn on one build, and a build published meanwhile from the next turn", async () => {
    // Two builds of the same gold, told apart by their file names (DuckDB names the database after the file).
    const current = JSON.parse(readFileSync(path.join(warehouseDir, "CURRENT.json"), "utf8")) as { file: string };
    const dir = mkdtempSync(path.join(tmpdir(), "goldlens-turn-"));
    for (const name of ["gold-a.duckdb", "gold-bb.duckdb"]) copyFileSync(path.join(warehouseDir, current.file), path.join(dir, name));
    const publish = (buildId: string) =>
      writeFileSync(path.join(dir, "CURRENT.json"), JSON.stringify({ buildId, file: `gold-${buildId}.duckdb`, builtAt: new Date().toISOString() }));
    const database = { name: "test.database", sql: "SELECT current_database() AS db", params: {}, row: z.object({ db: z.string() }) };
    publish("a");
    const swapping = createDuckDbWarehouse({ warehouseDir: dir, connections: 2 });
    try {
      expect(await swapping.query(database)).toEqual([{ db: "gold-a" }]);
      const first = swapping.query(database);
      publish("bb");
      const second = swapping.query(database);
      expect(await Promise.all([first, second])).toEqual([[{ db: "gold-a" }], [{ db: "gold-a" }]]);
      expect(await swapping.query(database)).toEqual([{ db: "gold-bb" }]);
      expect(await swapping.buildId()).toBe("bb");
    } finally {
      await swapping.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("opens no more connections than it is given, however many statements start at once", async () => {
    const two = createDuckDbWarehouse({ warehouseDir, connections: 2 });
    try {
      const connection = { name: "test.connection", sql: "SELECT current_connection_id() AS id", params: {}, row: z.object({ id: z.coerce.number() }) };
      const answers = await Promise.all(Array.from({ length: 8 }, () => two.query(connection)));
      expect(answers).toHaveLength(8);
      expect(new Set(answers.map(([row]) => row!.id)).size).toBe(2);
    } finally {
      await two.close();
    }
  });

  it("only names tables of the gold contract", () => {
    expect(warehouse.table("claims")).toBe("gold.claims");
    expect(() => warehouse.table("quarantine; DROP TABLE x" as never)).toThrow(/not a gold contract table/);
  });
});
