import "server-only";
import { LRUCache } from "lru-cache";

/**
 * Responses keyed by gold build and normalised request: a new build changes every key, so nothing
 * stale is served after a rebuild and old entries age out. Identical requests in flight share one computation.
 */
export function createResponseCache<V extends object>(max = 500) {
  const cache = new LRUCache<string, V>({ max });
  const inFlight = new Map<string, Promise<V>>();
  return {
    async get(buildId: string, key: string, compute: () => Promise<V>): Promise<{ value: V; hit: boolean }> {
      const k = `${buildId}|${key}`;
      const cached = cache.get(k);
      if (cached) return { value: cached, hit: true };
      let pending = inFlight.get(k);
      if (!pending) {
        pending = compute().finally(() => inFlight.delete(k));
        inFlight.set(k, pending);
        const value = await pending;
        cache.set(k, value);
        return { value, hit: false };
      }
      return { value: await pending, hit: true };
    },
    clear() {
      cache.clear();
    },
  };
}
