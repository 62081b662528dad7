import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { buildFixtureWarehouse, claim } from "@/lib/testing/rawFixture";
import { countingStatements } from "@/lib/testing/statementRuns";
import { apiErrorBody, lossSummaryResponse, type LossSummaryResponse } from "@/lib/api/lossSummarySchema";
import type { Warehouse } from "@/lib/warehouse/types";

// The route against a gold build of hand-built data (the DESIGN.md worked example):
//   A (BROOKLYN, COMP): premium 365, term [2023-01-01, 2024-01-01); B (BRONX, TP): premium 366, [2023-07-01, 2024-07-01)
//   C1 on A, 2023-03-10 08h, Major Damage multi-vehicle: 100 (+10 LAE; injury 10, property 20, vehicle 70)
//   C2 on B/1, 2023-08-15 17h, Minor Damage single vehicle: 50 (property 50)
let warehouse: Warehouse;
// The routes' own warehouse client, made from DATA_DIR, so imported once DATA_DIR is set.
let getWarehouse: () => Warehouse;
let GET: (request: NextRequest) => Promise<Response>;

beforeAll(async () => {
  const built = await buildFixtureWarehouse({
    policies: [
      { policyNo: "100000001", eff: "01-01-2023", expiry: "01-01-2024", premium: 365, borough: "BROOKLYN", policyType: "COMP" },
      { policyNo: "100000002", eff: "01-07-2023", expiry: "01-07-2024", premium: 366, borough: "BRONX", policyType: "TP" },
    ],
    claims: [
      claim({ claim_no: "C1", policy_no: "100000001", claim_date: "2023-03-12", incident: { date: "2023-03-10", hour: 8, type: "Multi-vehicle Collision", severity: "Major Damage" }, claim_amount: { total: 100, injury: 10, property: 20, vehicle: 70 }, loss_adjustment_expense: 10 }),
      claim({ claim_no: "C2", policy_no: "100000002/1", claim_date: "2023-12-31", incident: { date: "2023-08-15", hour: 17, type: "Single Vehicle Collision", severity: "Minor Damage" }, claim_amount: { total: 50, injury: 0, property: 50, vehicle: 0 } }),
    ],
  });
  warehouse = built.warehouse;
  process.env.DATA_DIR = built.dataDir;
  ({ GET } = await import("./route"));
  ({ getWarehouse } = await import("@/lib/warehouse"));
});

afterAll(async () => {
  await warehouse.close();
});

const call = (query: string, headers: Record<string, string> = {}) => GET(new NextRequest(`http://localhost/api/loss-summary${query}`, { headers }));

async function summary(query: string): Promise<LossSummaryResponse> {
  const res = await call(query);
  expect(res.status).toBe(200);
  return lossSummaryResponse.parse(await res.json());
}

describe("GET /api/loss-summary", () => {
  it("answers the worked example with ratios as fractions", async () => {
    const s = await summary("?from=2023-01-01&to=2023-12-31");
    expect(s.kpis.earnedPremium).toBeCloseTo(549, 6);
    expect(s.kpis.incurredLosses).toBeCloseTo(160, 6);
    expect(s.kpis.lae).toBeCloseTo(10, 6);
    expect(s.kpis.claimCount).toBe(2);
    expect(s.kpis.lossRatio.total).toBeCloseTo(160 / 549, 9);
    expect(s.kpis.lossRatio.property).toBeCloseTo(140 / 549, 9);
    expect(s.kpis.lossRatio.liability).toBeCloseTo(10 / 549, 9);
    expect(s.previousPeriod).toEqual({ from: "2022-01-01", to: "2022-12-31" });
    expect(s.previous.earnedPremium).toBe(0);
    expect(s.previous.lossRatio.total).toBeNull();
  });

  it("defaults to the last 12 complete months of the data", async () => {
    // The latest incident is 2023-08-15, so the last complete month is July 2023.
    const s = await summary("");
    expect(s.asOf.claimsAsOf).toBe("2023-08-15");
    expect(s.period).toEqual({ from: "2022-08-01", to: "2023-07-31" });
    expect(s.kpis.claimCount).toBe(1);
  });

  it("narrows losses, not premium, by incident filters; narrows both by policy filters", async () => {
    const major = await summary("?from=2023-01-01&to=2023-12-31&severity=Major%20Damage");
    expect(major.kpis.claimCount).toBe(1);
    expect(major.kpis.earnedPremium).toBeCloseTo(549, 6);
    expect(major.kpis.lossRatio.total).toBeCloseTo(110 / 549, 9);
    const bronx = await summary("?from=2023-01-01&to=2023-12-31&borough=bronx");
    expect(bronx.filters.borough).toBe("BRONX");
    expect(bronx.kpis.earnedPremium).toBeCloseTo(184, 6);
    expect(bronx.kpis.lossRatio.total).toBeCloseTo(50 / 184, 9);
    const evening = await summary("?from=2023-01-01&to=2023-12-31&hour=17");
    expect(evening.kpis.claimCount).toBe(1);
    expect(evening.byHour).toEqual([{ hour: 17, claims: 1, incurredLosses: 50 }]);
  });

  it("breaks the period down by month, incident mix, hour and borough", async () => {
    const s = await summary("?from=2023-01-01&to=2023-12-31");
    expect(s.trend).toHaveLength(12);
    const march = s.trend.find((t) => t.month === "2023-03")!;
    expect(march.earnedPremium).toBeCloseTo(31, 6);
    expect(march.incurredLosses).toBeCloseTo(110, 6);
    expect(march.lossRatio).toBeCloseTo(110 / 31, 9);
    expect(s.incidentsByTypeSeverity).toEqual([
      { incidentType: "Multi-vehicle Collision", severity: "Major Damage", claims: 1 },
      { incidentType: "Single Vehicle Collision", severity: "Minor Damage", claims: 1 },
    ]);
    expect(s.damageByType).toEqual([
      { incidentType: "Multi-vehicle Collision", property: 90, liability: 10, claims: 1 },
      { incidentType: "Single Vehicle Collision", property: 50, liability: 0, claims: 1 },
    ]);
    const bronx = s.map.boroughs.find((b) => b.borough === "BRONX")!;
    expect(bronx.lossRatio).toBeCloseTo(50 / 184, 9);
    expect(s.map.zips.reduce((n, z) => n + z.policies, 0)).toBe(2);
    // Both fixture policies are in zip 11220 (Sunset Park) but written in two boroughs: one point each, at
    // the zip's centroid.
    expect(s.map.zips.map((z) => ({ zip: z.zip, borough: z.borough, neighborhood: z.neighborhood, policies: z.policies }))).toEqual([
      { zip: "11220", borough: "BRONX", neighborhood: "Sunset Park", policies: 1 },
      { zip: "11220", borough: "BROOKLYN", neighborhood: "Sunset Park", policies: 1 },
    ]);
    expect(s.map.zips[0]!.latitude).toBe(s.map.zips[1]!.latitude);
    expect(s.map.zips[0]!.latitude).toBeGreaterThan(40.6);
    expect(s.map.zips[0]!.latitude).toBeLessThan(40.7);
    expect(s.map.zips[0]!.longitude).toBeGreaterThan(-74.05);
    expect(s.map.zips[0]!.longitude).toBeLessThan(-73.95);
    expect(s.options.boroughs).toEqual(["BRONX", "BROOKLYN"]);
    expect(s.driverAge).toEqual([{ band: "35-44", claims: 2 }]);
  });

  it("serves a repeated request from the cache and answers 304 to a matching ETag", async () => {
    const sent = performance.now();
    const first = await call("?from=2023-02-01&to=2023-02-28");
    const firstMs = performance.now() - sent;
    const second = await call("?to=2023-02-28&from=2023-02-01");
    expect(second.headers.get("x-cache")).toBe("hit");
    // Server-Timing: the handler's own time (no more than the call took) and whether the cache answered.
    const timing = /^app;dur=(\d+\.\d{2});desc="route handler", cache;desc=miss$/.exec(first.headers.get("server-timing") ?? "");
    expect(Number(timing?.[1])).toBeGreaterThan(0);
    expect(Number(timing?.[1])).toBeLessThanOrEqual(firstMs);
    expect(second.headers.get("server-timing")).toMatch(/, cache;desc=hit$/);
    expect(await second.json()).toEqual(await first.json());
    const revalidated = await call("?from=2023-02-01&to=2023-02-28", { "if-none-match": first.headers.get("etag")! });
    expect(revalidated.status).toBe(304);
  });

  it("reads the build status and filter options once per gold build, not on every uncached request", async () => {
    await countingStatements(getWarehouse(), async (runs) => {
      for (const q of ["?from=2023-04-01&to=2023-04-30", "?from=2023-05-01&to=2023-05-31&borough=BRONX", "?from=2023-06-01&to=2023-06-30&policyType=TP"]) {
        expect((await call(q)).headers.get("x-cache")).toBe("miss");
      }
      expect(runs("getLossKpis")).toBe(6);
      // At most the first request of this file's build, if no earlier test made it.
      expect(runs("getGoldStatus")).toBeLessThanOrEqual(1);
      expect(runs("getLossFilterOptions")).toBeLessThanOrEqual(1);
    });
  });

  it("keeps the policy map's statements for the period: a borough or incident filter change does not run them again", async () => {
    await countingStatements(getWarehouse(), async (runs) => {
      // A period no other test of this file asks for, so nothing is kept for it yet.
      const all = await summary("?from=2023-01-02&to=2023-12-30");
      const bronx = await summary("?from=2023-01-02&to=2023-12-30&borough=BRONX");
      expect(runs("getPolicyZipCounts")).toBe(1);
      expect(runs("getBoroughLossRatios")).toBe(1);
      expect(runs("getLossKpis")).toBe(4);
      expect(bronx.map).toEqual(all.map);
      // The rest of the page is narrowed to the borough: only policy B (BRONX) earns premium.
      expect(bronx.kpis.earnedPremium).toBeLessThan(all.kpis.earnedPremium);
      expect(bronx.kpis.earnedPremium).toBeGreaterThan(0);

      // Policies have no incidents, so their counts stay; the borough losses narrow to the severity.
      const severe = await summary("?from=2023-01-02&to=2023-12-30&borough=BRONX&severity=Total%20Loss");
      expect(runs("getPolicyZipCounts")).toBe(1);
      expect(runs("getBoroughLossRatios")).toBe(2);
      expect(severe.map.zips).toEqual(all.map.zips);

      // Another period is another statement.
      await summary("?from=2023-01-03&to=2023-12-30&borough=BRONX");
      expect(runs("getPolicyZipCounts")).toBe(2);
    });
  });

  it.each([
    ["?from=2023-13-01&to=2023-12-31", "from"],
    ["?from=2023-02-30&to=2023-12-31", "from"],
    ["?from=2023-12-31&to=2023-01-01", "from"],
    ["?from=2000-01-01&to=2023-12-31", "to"],
    ["?from=2023-01-01", "to"],
    ["?from=2023-01-01&to=2023-12-31&policyType=GOLD", "policyType"],
    ["?from=2023-01-01&to=2023-12-31&severity=Huge", "severity"],
    ["?from=2023-01-01&to=2023-12-31&hour=24", "hour"],
    ["?from=2023-01-01&to=2023-12-31&borough=x%27%3B%20DROP%20TABLE%20claims%3B--", "borough"],
    ["?from=2023-01-01&to=2023-12-31&colour=red", "colour"],
    ["?from=2023-01-01&from=2023-02-01&to=2023-12-31", "from"],
  ])("rejects %s with a 400 naming %s", async (query, parameter) => {
    const res = await call(query);
    expect(res.status).toBe(400);
    const body = apiErrorBody.parse(await res.json());
    expect(body.error.code).toBe("invalid_parameter");
    expect(body.error.message).toContain(parameter);
  });
});
