import { describe, expect, it } from "vitest";
import { createResponseCache } from "./responseCache";

function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe("response cache", () => {
  it("computes once for concurrent identical requests and serves the result after", async () => {
    const cache = createResponseCache<{ n: number }>();
    let computed = 0;
    const gate = deferred<void>();
    const compute = async () => {
      computed += 1;
      await gate.promise;
      return { n: 42 };
    };
    const a = cache.get("b1", "k", compute);
    const b = cache.get("b1", "k", compute);
    gate.resolve();
    expect(await Promise.all([a, b])).toEqual([{ value: { n: 42 }, hit: false }, { value: { n: 42 }, hit: true }]);
    expect(await cache.get("b1", "k", compute)).toEqual({ value: { n: 42 }, hit: true });
    expect(computed).toBe(1);
    // A new gold build is a new key.
    await cache.get("b2", "k", async () => ({ n: 7 }));
    expect((await cache.get("b2", "k", compute)).value).toEqual({ n: 7 });
  });

  it("cancels the shared computation only when every waiting request has gone away", async () => {
    const cache = createResponseCache<{ n: number }>();
    let seen: AbortSignal | null = null;
    const gate = deferred<void>();
    const compute = async (signal: AbortSignal) => {
      seen = signal;
      await gate.promise;
      return { n: 1 };
    };
    const first = new AbortController();
    const second = new AbortController();
    const a = cache.get("b", "k", compute, first.signal);
    const b = cache.get("b", "k", compute, second.signal);
    first.abort();
    expect(seen!.aborted).toBe(false);
    second.abort();
    expect(seen!.aborted).toBe(true);
    gate.resolve();
    await Promise.allSettled([a, b]);
  });
});
