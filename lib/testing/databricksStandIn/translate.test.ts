import { describe, expect, it } from "vitest";
import { databricksError, databricksToDuckDb } from "./translate";

describe("what the stand-in translates from Databricks SQL to DuckDB", () => {
  it("rewrites parameter markers and backquoted identifiers, leaving strings and comments alone", () => {
    const r = databricksToDuckDb("SELECT `a``b`, ':x', '`q`' FROM `cat`.`gold`.`claims` WHERE c = :claimNo -- `note` :y");
    expect(r.sql).toBe(`SELECT "a\`b", ':x', '\`q\`' FROM "cat"."gold"."claims" WHERE c = $claimNo -- \`note\` :y`);
    expect(r.names).toEqual(["claimNo"]);
  });

  it("reads a JSON array of strings the DuckDB way, and no other from_json", () => {
    expect(databricksToDuckDb("array_contains(from_json(CAST(:d AS STRING), 'array<string>'), claim_no)").sql).toBe(
      `array_contains(CAST(from_json(CAST($d AS STRING), '["VARCHAR"]') AS VARCHAR[]), claim_no)`,
    );
    expect(databricksToDuckDb("from_json(x, 'struct<a:int>')").sql).toBe("from_json(x, 'struct<a:int>')");
  });

  it("words a missing table as Databricks does, naming it as the statement did", () => {
    const e = databricksError('Catalog Error: Table with name "gold.claims" does not exist because schema "gold" does not exist.', "SELECT * FROM `c`.`gold`.`claims`");
    expect(e).toEqual({ message: expect.stringMatching(/^\[TABLE_OR_VIEW_NOT_FOUND\] The table or view `c`\.`gold`\.`claims` cannot be found/), sqlState: "42P01" });
  });
});
