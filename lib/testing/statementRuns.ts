import { vi } from "vitest";
import type { Warehouse } from "../warehouse/types";

/** Runs `body` with a count of the statements `warehouse` runs meanwhile, by name; the count stops afterwards. */
export async function countingStatements<T>(warehouse: Warehouse, body: (runs: (name: string) => number) => Promise<T>): Promise<T> {
  const query = vi.spyOn(warehouse, "query");
  try {
    return await body((name) => query.mock.calls.filter(([q]) => q.name === name).length);
  } finally {
    query.mockRestore();
  }
}
