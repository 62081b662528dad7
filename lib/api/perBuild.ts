import "server-only";
import type { Warehouse } from "../warehouse/types";

/**
 * A value that depends only on the gold build, not on the request (filter options, build status): computed
 * once per build and warehouse client instead of on every uncached request. Concurrent requests share the
 * computation in flight, only the latest build's value is kept, and a failure is dropped so that the next
 * request tries again. `compute` gets no request's abort signal, since other requests may be waiting for
 * it. The value is shared: callers must not mutate it.
 */
export function perBuild<V>(compute: (warehouse: Warehouse) => Promise<V>): (warehouse: Warehouse) => Promise<V> {
  const latest = new WeakMap<Warehouse, { buildId: string; value: Promise<V> }>();
  return async (warehouse) => {
    const buildId = await warehouse.buildId();
    const current = latest.get(warehouse);
    if (current?.buildId === buildId) return current.value;
    const entry = { buildId, value: compute(warehouse) };
    latest.set(warehouse, entry);
    entry.value.catch(() => {
      if (latest.get(warehouse) === entry) latest.delete(warehouse);
    });
    return entry.value;
  };
}
