import "server-only";
import { LRUCache } from "lru-cache";

interface Pending<V> {
  promise: Promise<V>;
  controller: AbortController;
  waiting: number;
}

/**
 * Responses keyed by gold build and normalised request: a new build changes every key, so nothing
 * stale is served after a rebuild and old entries age out. Identical requests in flight share one
 * computation, which is cancelled only when every request waiting for it has gone away.
 */
export function createResponseCache<V extends object>(max = 500) {
  const cache = new LRUCache<string, V>({ max });
  const inFlight = new Map<string, Pending<V>>();
  return {
    async get(buildId: string, key: string, compute: (signal: AbortSignal) => Promise<V>, signal?: AbortSignal): Promise<{ value: V; hit: boolean }> {
      const k = `${buildId}|${key}`;
      const cached = cache.get(k);
      if (cached) return { value: cached, hit: true };
      let pending = inFlight.get(k);
      const shared = pending !== undefined;
      if (!pending) {
        const controller = new AbortController();
        const promise = compute(controller.signal)
          .then((value) => {
            cache.set(k, value);
            return value;
          })
          .finally(() => inFlight.delete(k));
        pending = { promise, controller, waiting: 0 };
        inFlight.set(k, pending);
      }
      const p = pending;
      p.waiting += 1;
      const leave = () => {
        p.waiting -= 1;
        if (p.waiting === 0) p.controller.abort();
      };
      signal?.addEventListener("abort", leave, { once: true });
      try {
        return { value: await p.promise, hit: shared };
      } finally {
        if (signal?.aborted !== true) {
          signal?.removeEventListener("abort", leave);
          p.waiting -= 1;
        }
      }
    },
    clear() {
      cache.clear();
    },
  };
}

/**
 * A response cache that keeps each answer as its JSON text: one string per entry, which the garbage
 * collector does not trace through as it would an answer's object tree on every full collection.
 */
export function createJsonTextCache(max = 500) {
  const cache = createResponseCache<{ json: string }>(max);
  return {
    async get(buildId: string, key: string, compute: (signal: AbortSignal) => Promise<unknown>, signal?: AbortSignal): Promise<{ json: string; hit: boolean }> {
      const { value, hit } = await cache.get(buildId, key, async (s) => ({ json: JSON.stringify(await compute(s)) }), signal);
      return { json: value.json, hit };
    },
    clear() {
      cache.clear();
    },
  };
}
