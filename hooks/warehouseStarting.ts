/**
 * A Databricks SQL warehouse that was stopped takes minutes to start, and the API answers 503
 * `warehouse_starting` meanwhile. Queries then keep retrying with backoff (for about ten minutes) instead
 * of failing, and the page says why it is waiting (components/WarehouseStartingNotice.tsx).
 */
export const WAREHOUSE_STARTING = "warehouse_starting";

/** Retries while the warehouse starts: 2 s, 4 s, 8 s, 16 s, then every 30 s, twenty-five times in all. */
const STARTING_RETRIES = 25;

export function isWarehouseStarting(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === WAREHOUSE_STARTING;
}

/** Whether to try again after `failures` failed attempts while the warehouse starts. */
export function keepWaitingForWarehouse(failures: number): boolean {
  return failures < STARTING_RETRIES;
}

/** The pause before the next attempt: longer while the warehouse starts, short for any other failure. */
export function warehouseRetryDelay(failures: number, error: unknown): number {
  if (isWarehouseStarting(error)) return Math.min(2_000 * 2 ** failures, 30_000);
  return Math.min(1_000 * 2 ** failures, 30_000);
}

/** Some query is retrying because the warehouse is starting (what the notice shows). */
export function waitingForWarehouse(queries: ReadonlyArray<{ state: { fetchStatus: string; fetchFailureReason: unknown } }>): boolean {
  return queries.some((q) => q.state.fetchStatus === "fetching" && isWarehouseStarting(q.state.fetchFailureReason));
}
