import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { buildFixtureWarehouse, claim } from "../testing/rawFixture";
import { getLossKpis } from "../queries/getLossKpis";
import { getLossTrend } from "../queries/getLossTrend";
import { getBoroughLossRatios } from "../queries/getPolicyMap";
import { getClaimProfile } from "../queries/getClaimProfile";
import type { Warehouse } from "../warehouse/types";

// The worked example of DESIGN.md, plus edge cases, computed by hand.
//   A: premium 365, term [2023-01-01, 2024-01-01)  -> earns 365 in 2023
//   B: premium 366, term [2023-07-01, 2024-07-01) (366 days) -> earns 366 x 184 / 366 = 184 in 2023
//   C: premium 1000, term [2021-01-01, 2022-01-01), QUEENS, sum insured 20000
let warehouse: Warehouse;

beforeAll(async () => {
  ({ warehouse } = await buildFixtureWarehouse({
    policies: [
      { policyNo: "100000001", eff: "01-01-2023", expiry: "01-01-2024", premium: "365.0", borough: "BROOKLYN" },
      { policyNo: "100000002", eff: "01-07-2023", expiry: "01-07-2024", premium: 366, borough: "BRONX" },
      { policyNo: "100000003", eff: "01-01-2021", expiry: "01-01-2022", premium: 1000, borough: "QUEENS", sumInsured: "20000.0" },
    ],
    claims: [
      claim({ claim_no: "C1", policy_no: "100000001", incident: { date: "2023-03-10" }, claim_amount: { total: 100, injury: 10, property: 20, vehicle: 70 }, loss_adjustment_expense: 10 }),
      claim({ claim_no: "C2", policy_no: "100000002/1", incident: { date: "2023-08-15" }, claim_amount: { total: 50, injury: 0, property: 50, vehicle: 0 } }),
      claim({ claim_no: "C3", policy_no: "999999999", incident: { date: "2023-09-01" }, claim_amount: { total: 500, injury: 0, property: 0, vehicle: 500 } }),
      // Outside the term at both edges: the term is [eff, expiry), so the expiry date itself is outside.
      claim({ claim_no: "C4", policy_no: "100000001", incident: { date: "2024-01-01" }, claim_date: "2024-01-02" }),
      claim({ claim_no: "C5", policy_no: "100000001", incident: { date: "2022-12-31" }, claim_date: "2023-01-02" }),
      // Exactly the sum insured is within cover; one more is not. Bad driver fields keep the claim.
      claim({ claim_no: "C6", policy_no: "100000003", incident: { date: "2021-06-01" }, claim_amount: { total: 20000, injury: 0, property: 0, vehicle: 20000 }, driver: { age: 0, license_issue_date: "01-01-1900" } }),
      claim({ claim_no: "C7", policy_no: "100000003", incident: { date: "2021-12-31" }, claim_date: "2022-01-03", claim_amount: { total: 20001, injury: 1, property: 0, vehicle: 20000 } }),
      claim({ claim_no: "C8", policy_no: "100000003", incident: { date: "2021-02-30" } }),
      claim({ claim_no: "C9", policy_no: "100000003", incident: { date: "2021-03-01" }, claim_amount: { total: 0, injury: 0, property: 0, vehicle: 0 } }),
      claim({ claim_no: null, policy_no: "100000003", incident: { date: "2021-03-02" } }),
    ],
  }));
});

afterAll(async () => {
  await warehouse.close();
});

const period2023 = { from: "2023-01-01", to: "2023-12-31" };

describe("loss ratio and earned premium (DESIGN.md worked example)", () => {
  it("earns premium pro rata over the term inside the period", async () => {
    const [k] = await getLossKpis.run(warehouse, period2023);
    expect(k!.earned_premium).toBeCloseTo(549, 6);
  });

  it("computes total, property and liability loss ratios with LAE and the renewal suffix", async () => {
    const [k] = await getLossKpis.run(warehouse, period2023);
    expect(k!.claim_count).toBe(2);
    expect(k!.incurred_losses).toBeCloseTo(160, 6);
    expect(k!.lae).toBeCloseTo(10, 6);
    expect(k!.loss_ratio).toBeCloseTo(160 / 549, 6);
    expect(k!.loss_ratio!.toFixed(4)).toBe("0.2914");
    expect(k!.property_loss_ratio!.toFixed(4)).toBe("0.2550");
    expect(k!.liability_loss_ratio!.toFixed(4)).toBe("0.0182");
  });

  it("computes claim frequency per earned policy-year", async () => {
    const [k] = await getLossKpis.run(warehouse, period2023);
    // A is in force 365 days, B 184 days of 2023.
    expect(k!.exposure_years).toBeCloseTo((365 + 184) / 365, 9);
    expect(k!.claim_frequency).toBeCloseTo(2 / ((365 + 184) / 365), 9);
  });

  it("earns only the days of a term that straddles the period's edges", async () => {
    // December 2023 + January 2024: A earns 31 days x 1/day, B earns 62 days x 1/day.
    const [k] = await getLossKpis.run(warehouse, { from: "2023-12-01", to: "2024-01-31" });
    expect(k!.earned_premium).toBeCloseTo(31 + 62, 6);
    // C4 happened on A's expiry date, inside this period: it counts in losses even though it fails the in-force check.
    expect(k!.claim_count).toBe(1);
  });

  it("gives no ratio, not an error, for a period without earned premium", async () => {
    const [k] = await getLossKpis.run(warehouse, { from: "2010-01-01", to: "2010-12-31" });
    expect(k!.earned_premium).toBe(0);
    expect(k!.claim_count).toBe(0);
    expect(k!.loss_ratio).toBeNull();
    expect(k!.property_loss_ratio).toBeNull();
    expect(k!.liability_loss_ratio).toBeNull();
    expect(k!.claim_frequency).toBeNull();
  });

  it("filters premium and losses by borough alike", async () => {
    const [k] = await getLossKpis.run(warehouse, { ...period2023, borough: "BRONX" });
    expect(k!.earned_premium).toBeCloseTo(184, 6);
    expect(k!.loss_ratio).toBeCloseTo(50 / 184, 9);
  });

  it("counts a claim with bad driver fields in every figure", async () => {
    const [k] = await getLossKpis.run(warehouse, { from: "2021-01-01", to: "2021-12-31" });
    // C6 (20000, driver age 0) and C7 (20001); C8 (unreadable date), C9 (zero total) and the unnumbered claim are quarantined.
    expect(k!.claim_count).toBe(2);
    expect(k!.incurred_losses).toBeCloseTo(40001, 6);
    expect(k!.earned_premium).toBeCloseTo(1000, 6);
  });
});

describe("loss figures broken down by month, borough and driver", () => {
  it("splits premium and losses by calendar month, months without losses included", async () => {
    const trend = await getLossTrend.run(warehouse, period2023);
    expect(trend.map((m) => m.month)).toEqual(Array.from({ length: 12 }, (_, i) => `2023-${String(i + 1).padStart(2, "0")}-01`));
    const month = (m: string) => trend.find((t) => t.month === m)!;
    // A earns 1 a day all year; B earns 1 a day from July.
    expect(month("2023-01-01")).toMatchObject({ incurred_losses: 0, claim_count: 0, loss_ratio: 0 });
    expect(month("2023-01-01").earned_premium).toBeCloseTo(31, 6);
    expect(month("2023-03-01")).toMatchObject({ incurred_losses: 110, claim_count: 1 });
    expect(month("2023-03-01").loss_ratio).toBeCloseTo(110 / 31, 9);
    expect(month("2023-07-01").earned_premium).toBeCloseTo(62, 6);
    expect(month("2023-08-01")).toMatchObject({ incurred_losses: 50, claim_count: 1 });
    expect(month("2023-08-01").loss_ratio).toBeCloseTo(50 / 62, 9);
    expect(trend.reduce((sum, m) => sum + m.earned_premium, 0)).toBeCloseTo(549, 6);
  });

  it("counts only the period's days in its edge months", async () => {
    const trend = await getLossTrend.run(warehouse, { from: "2023-12-15", to: "2024-01-10" });
    // December: A and B 17 days each. January: A's term ended on the 1st (exclusive), B earns 10 days; C4 (on the 1st) counts.
    expect(trend.map((m) => m.month)).toEqual(["2023-12-01", "2024-01-01"]);
    expect(trend[0]!.earned_premium).toBeCloseTo(34, 6);
    expect(trend[0]!.claim_count).toBe(0);
    expect(trend[1]!.earned_premium).toBeCloseTo(10, 6);
    expect(trend[1]!.claim_count).toBe(1);
  });

  it("gives each borough its premium, losses and ratio, with no ratio where nothing was earned", async () => {
    expect(await getBoroughLossRatios.run(warehouse, period2023)).toEqual([
      { borough: "BRONX", earned_premium: expect.closeTo(184, 6), incurred_losses: 50, claim_count: 1, loss_ratio: expect.closeTo(50 / 184, 9) },
      { borough: "BROOKLYN", earned_premium: expect.closeTo(365, 6), incurred_losses: 110, claim_count: 1, loss_ratio: expect.closeTo(110 / 365, 9) },
    ]);
    // 1 January 2024: B earns a day without a claim; C4 falls on A's expiry date, when A earns nothing.
    const [bronx, brooklyn] = await getBoroughLossRatios.run(warehouse, { from: "2024-01-01", to: "2024-01-01" });
    expect(bronx).toMatchObject({ borough: "BRONX", incurred_losses: 0, claim_count: 0, loss_ratio: 0 });
    expect(bronx!.earned_premium).toBeCloseTo(1, 6);
    expect(brooklyn).toMatchObject({ borough: "BROOKLYN", earned_premium: 0, claim_count: 1, loss_ratio: null });
  });

  it("bands driver ages, with the nulled bad age as Unknown, and counts model years", async () => {
    // 2021: C6 (driver age 0, nulled as a data issue) and C7 (age 40), both on C, a 2018 car.
    expect(await getClaimProfile.run(warehouse, { from: "2021-01-01", to: "2021-12-31" })).toEqual([
      { dimension: "driver_age", bucket: "35-44", claims: 1 },
      { dimension: "driver_age", bucket: "Unknown", claims: 1 },
      { dimension: "model_year", bucket: "2018", claims: 2 },
    ]);
  });
});

const claimRow = z.object({
  claim_no: z.string(),
  check_policy_in_force: z.boolean().nullable(),
  check_amount_within_cover: z.boolean().nullable(),
  driver_age: z.number().nullable(),
  driver_data_issue: z.string().nullable(),
});

async function claims(): Promise<Map<string, z.infer<typeof claimRow>>> {
  const rows = await warehouse.query({
    name: "test.claims",
    sql: `SELECT claim_no, check_policy_in_force, check_amount_within_cover, driver_age, driver_data_issue FROM ${warehouse.table("claims")}`,
    params: {},
    row: claimRow,
  });
  return new Map(rows.map((r) => [r.claim_no, r]));
}

describe("claim checks and quarantine", () => {
  it("fails the in-force check outside [effective, expiry)", async () => {
    const c = await claims();
    expect(c.get("C1")!.check_policy_in_force).toBe(true);
    expect(c.get("C4")!.check_policy_in_force).toBe(false);
    expect(c.get("C5")!.check_policy_in_force).toBe(false);
  });

  it("passes a claim equal to the sum insured and fails one above it", async () => {
    const c = await claims();
    expect(c.get("C6")!.check_amount_within_cover).toBe(true);
    expect(c.get("C7")!.check_amount_within_cover).toBe(false);
  });

  it("nulls and flags bad driver fields instead of dropping the claim", async () => {
    const c = await claims();
    expect(c.get("C6")!.driver_age).toBeNull();
    expect(c.get("C6")!.driver_data_issue).toBe("driver age missing or invalid, licence date missing or invalid");
  });

  it("quarantines exactly the unusable rows, each with the rule it broke", async () => {
    const c = await claims();
    expect([...c.keys()].sort()).toEqual(["C1", "C2", "C4", "C5", "C6", "C7"]);
    const rows = await warehouse.query({
      name: "test.quarantine",
      sql: "SELECT record_key, rule FROM silver.quarantine WHERE model = 'silver.stg_claims' ORDER BY rule",
      params: {},
      row: z.object({ record_key: z.string().nullable(), rule: z.string() }),
    });
    expect(rows).toEqual([
      { record_key: null, rule: "claim_no_present" },
      { record_key: "C8", rule: "dates_readable" },
      { record_key: "C3", rule: "policy_exists" },
      { record_key: "C9", rule: "total_positive" },
    ]);
  });
});
