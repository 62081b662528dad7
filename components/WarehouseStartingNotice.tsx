"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useSyncExternalStore } from "react";
import { waitingForWarehouse } from "@/hooks/warehouseStarting";

/**
 * Says why the page is waiting while any query retries against a warehouse that is starting (the
 * queries retry on their own, hooks/warehouseStarting.ts); gone as soon as nothing waits for it.
 */
export function WarehouseStartingNotice() {
  const cache = useQueryClient().getQueryCache();
  const subscribe = useCallback((onChange: () => void) => cache.subscribe(onChange), [cache]);
  const waiting = useSyncExternalStore(
    subscribe,
    () => waitingForWarehouse(cache.getAll()),
    () => false,
  );
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
