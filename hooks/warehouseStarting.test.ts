import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { retryUnlessRefused, ClaimsApiError } from "./claimsApi";
import { isWarehouseStarting, keepWaitingForWarehouse, waitingForWarehouse, warehouseRetryDelay } from "./warehouseStarting";
import { retryEngagement, EngagementError } from "./useEngagement";
import { lossSummaryQueryOptions, LossSummaryError } from "./useLossSummary";

const starting = (E: new (status: number, code: string, message: string) => Error) => new E(503, "warehouse_starting", "The warehouse is starting");

describe("waiting for a starting warehouse", () => {
  it("recognises the API's warehouse_starting answer, and nothing else", () => {
    expect(isWarehouseStarting(starting(ClaimsApiError))).toBe(true);
    expect(isWarehouseStarting(new ClaimsApiError(503, "warehouse_unavailable", "down"))).toBe(false);
    expect(isWarehouseStarting(new TypeError("Failed to fetch"))).toBe(false);
  });

  it("keeps retrying with a growing pause, up to a bound, where other 5xx get one retry", () => {
    expect(keepWaitingForWarehouse(0)).toBe(true);
    expect(keepWaitingForWarehouse(24)).toBe(true);
    expect(keepWaitingForWarehouse(25)).toBe(false);
    const pauses = [0, 1, 2, 3, 4, 5].map((n) => warehouseRetryDelay(n, starting(ClaimsApiError)));
    expect(pauses).toEqual([2_000, 4_000, 8_000, 16_000, 30_000, 30_000]);
  });

  it("applies to every dashboard's queries", () => {
    expect(retryUnlessRefused(5, starting(ClaimsApiError))).toBe(true);
    expect(retryUnlessRefused(1, new ClaimsApiError(503, "warehouse_unavailable", "down"))).toBe(false);
    expect(retryEngagement(5, starting(EngagementError))).toBe(true);
    expect(retryEngagement(1, new EngagementError(500, "internal_error", "x"))).toBe(false);
    const retry = lossSummaryQueryOptions({} as never).retry;
    expect(typeof retry === "function" && retry(5, starting(LossSummaryError))).toBe(true);
    expect(typeof retry === "function" && retry(1, new LossSummaryError(500, "internal_error", "x"))).toBe(false);
  });

  it("keeps a query waiting, flagged for the notice, until the warehouse answers", async () => {
    const client = new QueryClient({ defaultOptions: { queries: { retryDelay: () => 5 } } });
    let attempts = 0;
    let sawNotice = false;
    const unsubscribe = client.getQueryCache().subscribe(() => {
      sawNotice ||= waitingForWarehouse(client.getQueryCache().getAll());
    });
    const answer = client.fetchQuery({
      queryKey: ["claims"],
      queryFn: async () => {
        attempts += 1;
        if (attempts <= 4) throw starting(ClaimsApiError);
        return "rows";
      },
      retry: retryUnlessRefused,
    });
    expect(await answer).toBe("rows");
    unsubscribe();
    expect(attempts).toBe(5);
    expect(sawNotice).toBe(true);
    expect(waitingForWarehouse(client.getQueryCache().getAll())).toBe(false);
    client.clear();
  });
});
