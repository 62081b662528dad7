import { describe, expect, it } from "vitest";
import { orderModels, parseModel } from "./models";

const model = (layer: "bronze" | "silver" | "gold", name: string, body: string) => parseModel(`${name}.sql`, layer, body);

describe("pipeline models", () => {
  it("reads settings and expectations from the leading comments", () => {
    const m = model(
      "silver",
      "stg_x",
      "-- Typed rows of x.\n-- materialized: table\n-- key: id\n-- order_by: id\n-- expect id_present: id IS NOT NULL\nSELECT * FROM {{ ref('x') }}",
    );
    expect(m).toMatchObject({ materialized: "table", key: "id", orderBy: "id", description: "Typed rows of x.", refs: ["x"] });
    expect(m.expectations).toEqual([{ name: "id_present", expression: "id IS NOT NULL" }]);
  });

  it("reads one index per line, and refuses an index on a view or over something other than columns", () => {
    const m = model("gold", "t", "-- materialized: table\n-- index: claim_no\n-- index: chassis_no, event_ts\nSELECT 1");
    expect(m.indexes).toEqual([["claim_no"], ["chassis_no", "event_ts"]]);
    expect(m.description).toBe("");
    expect(() => model("gold", "v", "-- materialized: view\n-- index: id\nSELECT 1")).toThrow(/only a table/);
    expect(() => model("gold", "t", "-- index: lower(id)\nSELECT 1")).toThrow(/column names/);
  });

  it("orders models so every ref is built first", () => {
    const ordered = orderModels(
      [
        model("gold", "facts", "SELECT * FROM {{ ref('stg') }} JOIN {{ ref('seed_codes') }} USING (k)"),
        model("silver", "stg", "SELECT * FROM {{ ref('raw') }}"),
        model("bronze", "raw", "SELECT 1 AS k"),
      ],
      new Set(["seed_codes"]),
    );
    expect(ordered.map((m) => m.name)).toEqual(["raw", "stg", "facts"]);
  });

  it("rejects a cycle, an unknown ref and a view with expectations", () => {
    expect(() => orderModels([model("silver", "a", "SELECT * FROM {{ ref('b') }}"), model("silver", "b", "SELECT * FROM {{ ref('a') }}")], new Set())).toThrow(/cycle/);
    expect(() => orderModels([model("silver", "a", "SELECT * FROM {{ ref('missing') }}")], new Set())).toThrow(/unknown model or seed 'missing'/);
    expect(() => model("silver", "v", "-- materialized: view\n-- expect ok: true\nSELECT 1")).toThrow(/table/);
  });
});
