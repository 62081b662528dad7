import { DuckDBInstance, VARCHAR } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databricksToDuckDb } from "../testing/databricksStandIn/translate";
import { rewriteNamedParams } from "../warehouse/params";
import { dialectFor } from "./dialect";

let instance: DuckDBInstance;

beforeAll(async () => {
  instance = await DuckDBInstance.create(":memory:");
});

afterAll(() => {
  instance.closeSync();
});

async function membership(sql: string, json: string): Promise<unknown[]> {
  const connection = await instance.connect();
  try {
    const reader = await connection.runAndReadAll(sql, { decided: json }, { decided: VARCHAR });
    return reader.getRowObjectsJson().map((r) => r.hit);
  } finally {
    connection.closeSync();
  }
}

const probe = (expression: string) => `SELECT ${expression} AS hit FROM (VALUES ('K1'), ('K2'), ('it''s')) t(claim_no) ORDER BY claim_no`;

describe("SQL dialects", () => {
  it("DuckDB: tests membership of a bound JSON array of strings", async () => {
    const sql = rewriteNamedParams(probe(dialectFor("duckdb").inJsonStringArray("decided", "claim_no")), "$").sql;
    expect(await membership(sql, '["K2", "it\'s"]')).toEqual([false, true, true]);
    expect(await membership(sql, "[]")).toEqual([false, false, false]);
  });

  it("Databricks: writes the same test as Databricks SQL reads it", async () => {
    const expression = dialectFor("databricks").inJsonStringArray("decided", "claim_no");
    expect(expression).toBe("array_contains(from_json(CAST(:decided AS STRING), 'array<string>'), claim_no)");
    // Run through the stand-in's documented translation, it answers exactly as the DuckDB form does.
    const sql = databricksToDuckDb(probe(expression)).sql;
    expect(await membership(sql, '["K2", "it\'s"]')).toEqual([false, true, true]);
    expect(await membership(sql, "[]")).toEqual([false, false, false]);
  });
});
