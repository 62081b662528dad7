import type { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildFixtureWarehouse, claim } from "@/lib/testing/rawFixture";
import type { Warehouse } from "@/lib/warehouse/types";

// The page's prefetch against the API route over one fixture gold build. Modules that reach the warehouse
// are imported after DATA_DIR points at the fixture.
let warehouse: Warehouse;
let GET: (request: NextRequest) => Promise<Response>;
let prefetch: typeof import("./dashboardPrefetch");
let filters: typeof import("@/lib/lossSummaryFilters");
let request: typeof import("next/server");

beforeAll(async () => {
  const built = await buildFixtureWarehouse({
    policies: [{ policyNo: "100000001", eff: "01-01-2023", expiry: "01-01-2024", premium: 365, borough: "BROOKLYN", policyType: "COMP" }],
    claims: [
      claim({ claim_no: "C1", policy_no: "100000001", claim_date: "2023-03-12", incident: { date: "2023-03-10", hour: 8, type: "Multi-vehicle Collision", severity: "Major Damage" }, claim_amount: { total: 100, injury: 10, property: 20, vehicle: 70 } }),
    ],
  });
  warehouse = built.warehouse;
  process.env.DATA_DIR = built.dataDir;
  ({ GET } = await import("@/app/api/loss-summary/route"));
  prefetch = await import("./dashboardPrefetch");
  filters = await import("@/lib/lossSummaryFilters");
  request = await import("next/server");
});

afterAll(async () => {
  await warehouse.close();
});

describe("the Loss Summary prefetch", () => {
  it("is what the API route then answers the client, from the same cache", async () => {
    const state = await prefetch.prefetchDashboard(prefetch.lossSummaryPrefetch(filters.loadLossSummaryFilters({ borough: "brooklyn", utm_source: "mail" })));
    expect(state.queries).toHaveLength(1);
    const response = await GET(new request.NextRequest("http://localhost/api/loss-summary?borough=brooklyn"));
    expect(response.headers.get("x-cache")).toBe("hit");
    expect(state.queries[0]!.state.data).toEqual(await response.json());
  });

  it("is left out when the API would refuse the query", async () => {
    const state = await prefetch.prefetchDashboard(prefetch.lossSummaryPrefetch(filters.loadLossSummaryFilters({ borough: "Atlantis" })));
    expect(state.queries).toEqual([]);
  });
});
