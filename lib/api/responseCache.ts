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
