import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { buildFixtureWarehouse } from "../testing/rawFixture";
import { engagementFixture } from "../testing/engagementFixture";
import { getEngagementByCountry } from "../queries/getEngagementByCountry";
import type { Warehouse } from "../warehouse/types";

// The hand-built Marketo and Salesforce rows are described in lib/testing/engagementFixture.ts.
let warehouse: Warehouse;

beforeAll(async () => {
  ({ warehouse } = await buildFixtureWarehouse(engagementFixture));
});

afterAll(async () => {
  await warehouse.close();
});

async function byCountry(filters: { country?: string | null; campaignId?: number | null } = {}) {
  const rows = await getEngagementByCountry.run(warehouse, { from: "2024-03-01", to: "2024-03-31", ...filters });
  return new Map(rows.map((r) => [r.country, r]));
}

describe("email engagement", () => {
  it("counts one open and three clicks on one send as one unique open and one unique click", async () => {
    const us = (await byCountry()).get("United States")!;
    expect(us).toMatchObject({ sends: 2, opens: 2, unique_opens: 1, clicks: 3, unique_clicks: 1 });
    expect(us.click_ratio).toBe(1);
    expect(us.open_rate).toBe(0.5);
  });

  it("matches a lead to its account when the emails differ only in case and spaces, preferring the active user", async () => {
    const rows = await warehouse.query({
      name: "test.dimUser",
      sql: `SELECT lead_id, user_id, account_id FROM ${warehouse.table("dim_user")} ORDER BY lead_id`,
      params: {},
      row: z.object({ lead_id: z.coerce.number(), user_id: z.string().nullable(), account_id: z.string().nullable() }),
    });
    expect(rows).toEqual([
      { lead_id: 1, user_id: "U1", account_id: "A1" },
      { lead_id: 2, user_id: "U2", account_id: "A2" },
      { lead_id: 3, user_id: null, account_id: null },
      { lead_id: 4, user_id: "U3", account_id: "A3" },
    ]);
  });

  it("puts unmatched leads and accounts without a billing country in Unknown, and a click implies an open", async () => {
    const unknown = (await byCountry()).get("Unknown")!;
    // S2 (clicked, no open recorded) and S3 (opened): two unique opens, but only one open event.
    expect(unknown).toMatchObject({ sends: 2, opens: 1, unique_opens: 2, clicks: 1, unique_clicks: 1 });
    expect(unknown.click_ratio).toBe(0.5);
    expect(unknown.open_rate).toBe(1);
  });

  it("gives a NULL click ratio for a country with sends but no opens", async () => {
    const de = (await byCountry()).get("Germany")!;
    expect(de).toMatchObject({ sends: 1, opens: 0, unique_opens: 0, clicks: 0, unique_clicks: 0 });
    expect(de.click_ratio).toBeNull();
    expect(de.open_rate).toBe(0);
  });

  it("never lets the click ratio exceed 1 and keeps every send", async () => {
    const all = [...(await byCountry()).values()];
    expect(all.reduce((s, r) => s + r.sends, 0)).toBe(5);
    for (const r of all) if (r.click_ratio !== null) expect(r.click_ratio).toBeLessThanOrEqual(1);
  });

  it("filters by country and by campaign", async () => {
    expect([...(await byCountry({ country: "Germany" })).keys()]).toEqual(["Germany"]);
    expect((await byCountry({ campaignId: 8 })).size).toBe(0);
    expect((await byCountry({ campaignId: 7 })).size).toBe(3);
  });
});
