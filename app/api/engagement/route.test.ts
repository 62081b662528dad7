import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { buildFixtureWarehouse } from "@/lib/testing/rawFixture";
import { countingStatements } from "@/lib/testing/statementRuns";
import { engagementFixture } from "@/lib/testing/engagementFixture";
import { apiErrorBody } from "@/lib/api/lossSummarySchema";
import { engagementAccountsResponse, engagementResponse } from "@/lib/api/engagementSchema";
import type { Warehouse } from "@/lib/warehouse/types";

// The routes over the hand-built rows of lib/testing/engagementFixture.ts (all sent on 2024-03-01):
// 5 sends, 3 open events, 3 unique opens (S1, S3, and S2 through its click), 4 clicks, 2 unique clicks.
let warehouse: Warehouse;
// The routes' own warehouse client, made from DATA_DIR, so imported once DATA_DIR is set.
let getWarehouse: () => Warehouse;
let engagement: (r: NextRequest) => Promise<Response>;
let accounts: (r: NextRequest) => Promise<Response>;

beforeAll(async () => {
  const built = await buildFixtureWarehouse(engagementFixture);
  warehouse = built.warehouse;
  process.env.DATA_DIR = built.dataDir;
  ({ GET: engagement } = await import("./route"));
  ({ GET: accounts } = await import("./accounts/route"));
  ({ getWarehouse } = await import("@/lib/warehouse"));
});

afterAll(async () => {
  await warehouse.close();
});

const march = "from=2024-03-01&to=2024-03-31";

async function view(query: string) {
  const res = await engagement(new NextRequest(`http://localhost/api/engagement?${query}`));
  expect(res.status).toBe(200);
  return engagementResponse.parse(await res.json());
}

describe("GET /api/engagement", () => {
  it("totals sends, opens and clicks with unique counts per send", async () => {
    const v = await view(march);
    expect(v.totals).toEqual({ sends: 5, opens: 3, uniqueOpens: 3, clicks: 4, uniqueClicks: 2, openRate: 3 / 5, clickRatio: 2 / 3 });
    expect(v.previous.sends).toBe(0);
    expect(v.previous.clickRatio).toBeNull();
  });

  it("keeps every country listed when one is selected, and filters the rest of the view", async () => {
    const v = await view(`${march}&country=germany`);
    expect(v.filters.country).toBe("Germany");
    expect(v.totals).toMatchObject({ sends: 1, uniqueOpens: 0, clickRatio: null, openRate: 0 });
    expect(v.byCountry.map((c) => c.country).sort()).toEqual(["Germany", "United States", "Unknown"]);
    expect(v.byCountry.find((c) => c.country === "United States")).toMatchObject({ isoA3: "USA", isoN3: "840", uniqueOpens: 1, clickRatio: 1 });
  });

  it("chooses a daily trend for a month and leaves small campaigns out of the ranking", async () => {
    const v = await view(march);
    expect(v.trend.grain).toBe("day");
    expect(v.trend.points).toEqual([{ date: "2024-03-01", sends: 5, opens: 3, uniqueOpens: 3, clicks: 4, uniqueClicks: 2, openRate: 0.6, clickRatio: 2 / 3 }]);
    expect(v.topCampaigns.minUniqueOpens).toBeGreaterThan(3);
    expect(v.topCampaigns.rows).toEqual([]);
    expect(v.options.campaigns).toEqual([{ campaignId: 7, campaignName: "Spring renewal" }]);
  });

  it("groups by week for long ranges and defaults to the last 12 complete months", async () => {
    expect((await view("from=2023-06-01&to=2024-05-31")).trend.grain).toBe("week");
    const v = await view("");
    expect(v.asOf.engagementAsOf).toBe("2024-03-01");
    expect(v.period).toEqual({ from: "2023-03-01", to: "2024-02-29" });
    expect(v.totals.sends).toBe(0);
  });

  it("reads the build status and filter options once per gold build, not on every uncached request", async () => {
    await countingStatements(getWarehouse(), async (runs) => {
      await view("from=2024-02-01&to=2024-02-29");
      await view("from=2024-01-01&to=2024-03-31&country=Unknown");
      const res = await accounts(new NextRequest(`http://localhost/api/engagement/accounts?from=2024-02-01&to=2024-03-31`));
      expect(res.status).toBe(200);
      expect(runs("getEngagementTotals")).toBe(4);
      expect(runs("getAccountEngagement")).toBe(1);
      // At most the first request of this file's build, if no earlier test made it.
      expect(runs("getGoldStatus")).toBeLessThanOrEqual(1);
      expect(runs("getEngagementOptions")).toBeLessThanOrEqual(1);
    });
  });

  it("keeps the country table's statement for the period: picking a country does not run it again", async () => {
    await countingStatements(getWarehouse(), async (runs) => {
      // A period no other test of this file asks for, so nothing is kept for it yet.
      const all = await view("from=2024-02-15&to=2024-03-15");
      const germany = await view("from=2024-02-15&to=2024-03-15&country=Germany");
      const unitedStates = await view("from=2024-02-15&to=2024-03-15&country=united%20states");
      expect(runs("getEngagementByCountry")).toBe(1);
      expect(runs("getEngagementTotals")).toBe(6);
      expect(germany.byCountry).toEqual(all.byCountry);
      expect(unitedStates.byCountry).toEqual(all.byCountry);
      // The rest of the view is the selected country's.
      expect(germany.totals).toMatchObject({ sends: 1, uniqueOpens: 0 });
      expect(unitedStates.totals).toMatchObject({ uniqueOpens: 1, clickRatio: 1 });

      await view("from=2024-02-16&to=2024-03-15&country=Germany");
      expect(runs("getEngagementByCountry")).toBe(2);
    });
  });

  it.each([
    ["from=2024-03-01&to=2024-02-01", "from"],
    ["from=2024-03-01&to=2024-03-31&campaignId=8", "campaignId"],
    ["from=2024-03-01&to=2024-03-31&campaignId=-1", "campaignId"],
    ["from=2024-03-01&to=2024-03-31&campaignId=1e400", "campaignId"],
    ["from=2024-03-01&to=2024-03-31&country=Atlantis", "country"],
    ["from=2024-03-01&to=2024-03-31&country=" + "x".repeat(100_000), "country"],
  ])("rejects %s with a 400 naming %s", async (query, parameter) => {
    const res = await engagement(new NextRequest(`http://localhost/api/engagement?${query}`));
    expect(res.status).toBe(400);
    expect(apiErrorBody.parse(await res.json()).error.message).toContain(parameter);
  });
});

describe("GET /api/engagement/accounts", () => {
  it("lists a country's accounts, leads without an account as Unknown", async () => {
    const res = await accounts(new NextRequest(`http://localhost/api/engagement/accounts?${march}&country=Unknown`));
    expect(res.status).toBe(200);
    const body = engagementAccountsResponse.parse(await res.json());
    expect(body.truncated).toBe(false);
    expect(body.rows.map((r) => [r.accountId, r.accountName, r.sends, r.uniqueOpens, r.uniqueClicks])).toEqual([
      ["A2", "Blank Ltd", 1, 1, 1],
      [null, "Unknown", 1, 1, 0],
    ]);
  });
});
