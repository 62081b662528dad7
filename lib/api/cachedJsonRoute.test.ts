import { describe, expect, it } from "vitest";
import type { Warehouse } from "../warehouse/types";
import { cachedBuilder } from "./cachedJsonRoute";

const warehouse = {} as Warehouse;

describe("answers kept per gold build as JSON text", () => {
  it("computes once per build and request, and hands every caller its own copy", async () => {
    let computed = 0;
    const build = cachedBuilder("test.kept-as-text", async (_w, query: { region: string }) => {
      computed += 1;
      return { region: query.region, rows: [{ claims: computed, ratio: null }] };
    });
    const first = await build(warehouse, "build-1", { region: "BRONX" });
    expect(first.hit).toBe(false);
    expect(JSON.parse(first.json)).toEqual({ region: "BRONX", rows: [{ claims: 1, ratio: null }] });
    first.value().rows[0]!.claims = 99;

    const again = await build(warehouse, "build-1", { region: "BRONX" });
    expect(again.hit).toBe(true);
    expect(again.json).toBe(first.json);
    expect(again.value()).toEqual({ region: "BRONX", rows: [{ claims: 1, ratio: null }] });

    expect((await build(warehouse, "build-2", { region: "BRONX" })).value().rows[0]!.claims).toBe(2);
    expect((await build(warehouse, "build-1", { region: "QUEENS" })).value().rows[0]!.claims).toBe(3);
    expect(computed).toBe(3);
  });
});
