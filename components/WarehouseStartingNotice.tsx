"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useMemo, useSyncExternalStore } from "react";
import { waitingForWarehouse } from "@/hooks/warehouseStarting";

/**
 * Says why the page is waiting while any query retries against a warehouse that is starting (the
 * queries retry on their own, hooks/warehouseStarting.ts); gone as soon as nothing waits for it.
 */
export function WarehouseStartingNotice() {
  const cache = useQueryClient().getQueryCache();
  // The cache reports every step of every query (a page's filter change makes dozens of events): the list is
  // looked at again only when a query fails, or when the notice shows and a query moves on.
  const store = useMemo(() => {
    let waiting = waitingForWarehouse(cache.getAll());
    return {
      subscribe: (onChange: () => void) =>
        cache.subscribe((event) => {
          const failed = event.type === "updated" && event.action.type === "failed";
          if (!failed && !(waiting && (event.type === "updated" || event.type === "removed"))) return;
          const next = waitingForWarehouse(cache.getAll());
          if (next === waiting) return;
          waiting = next;
          onChange();
        }),
      getSnapshot: () => waiting,
    };
  }, [cache]);
  const waiting = useSyncExternalStore(store.subscribe, store.getSnapshot, () => false);
  if (!waiting) return null;
  return (
    <div
      role="status"
      data-state="warehouse-starting"
      className="fixed bottom-4 left-1/2 z-50 -translate-x-1/2 rounded-md border border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-900 shadow"
    >
      The warehouse is starting. This can take a few minutes; the page keeps trying and fills in on its own.
    </div>
  );
}
