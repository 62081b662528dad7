import { describe, expect, it } from "vitest";
import type { Warehouse } from "../warehouse/types";
import { perBuild } from "./perBuild";

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

/** A warehouse that only knows its build id; perBuild never queries it itself. */
function fakeWarehouse(initialBuildId: string) {
  let buildId = initialBuildId;
  const warehouse: Warehouse = {
    engine: "duckdb",
    table: (name) => name,
    query: async () => [],
    buildId: async () => buildId,
    close: async () => {},
  };
  return { warehouse, goLive: (next: string) => (buildId = next) };
}

describe("perBuild", () => {
  it("computes once per build, sharing the computation in flight", async () => {
    const { warehouse } = fakeWarehouse("b1");
    const gate = deferred<void>();
    let computed = 0;
    const options = perBuild(async () => {
      computed += 1;
      await gate.promise;
      return { boroughs: ["BRONX"] };
    });
    const a = options(warehouse);
    const b = options(warehouse);
    gate.resolve();
    const [first, second] = await Promise.all([a, b]);
    expect(first).toEqual({ boroughs: ["BRONX"] });
    expect(second).toBe(first);
    expect(await options(warehouse)).toBe(first);
    expect(computed).toBe(1);
  });

  it("recomputes when a new build goes live, and keeps one value per warehouse client", async () => {
    const { warehouse, goLive } = fakeWarehouse("b1");
    const other = fakeWarehouse("b1").warehouse;
    let computed = 0;
    const status = perBuild(async (w) => ({ n: ++computed, buildId: await w.buildId() }));
    expect(await status(warehouse)).toEqual({ n: 1, buildId: "b1" });
    goLive("b2");
    expect(await status(warehouse)).toEqual({ n: 2, buildId: "b2" });
    expect(await status(warehouse)).toEqual({ n: 2, buildId: "b2" });
    // Another client (another gold schema, or a test's own warehouse) never sees this one's value.
    expect(await status(other)).toEqual({ n: 3, buildId: "b1" });
    expect(computed).toBe(3);
  });

  it("drops a failure so that the next request tries again", async () => {
    const { warehouse } = fakeWarehouse("b1");
    const gate = deferred<string>();
    let computed = 0;
    const options = perBuild(() => {
      computed += 1;
      return computed === 1 ? gate.promise : Promise.resolve("ok");
    });
    const a = options(warehouse);
    const b = options(warehouse);
    gate.reject(new Error("warehouse unavailable"));
    await expect(a).rejects.toThrow("warehouse unavailable");
    await expect(b).rejects.toThrow("warehouse unavailable");
    expect(await options(warehouse)).toBe("ok");
    expect(await options(warehouse)).toBe("ok");
    expect(computed).toBe(2);
  });

  it("does not let an old build's late failure drop the new build's value", async () => {
    const { warehouse, goLive } = fakeWarehouse("b1");
    const old = deferred<string>();
    let computed = 0;
    const value = perBuild(() => (++computed === 1 ? old.promise : Promise.resolve("b2")));
    const stale = value(warehouse);
    goLive("b2");
    expect(await value(warehouse)).toBe("b2");
    old.reject(new Error("build retired"));
    await expect(stale).rejects.toThrow("build retired");
    expect(await value(warehouse)).toBe("b2");
    expect(computed).toBe(2);
  });
});
