import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { buildFixtureWarehouse } from "../testing/rawFixture";
import { getEngagementByCountry } from "../queries/getEngagementByCountry";
import type { Warehouse } from "../warehouse/types";

// Hand-built Marketo and Salesforce rows:
//   L1 "  Jane.Doe@ACME.com " matches user jane.doe@acme.com (account Acme, billing country "USA") only case-
//      and space-insensitively; an inactive user with the same email sits in another account.
//   L2 bob@blank.com -> account with no billing country; L3 has no user at all; L4 -> Germany.
//   S1 (L1): opened twice, clicked three times.  S5 (L1): never opened.
//   S2 (L2): one click, no recorded open.        S3 (L3): opened once.      S4 (L4): sent, never opened.
const at = (d: string) => `2024-03-${d}`;
const send = (id: number, lead: number, run: number) => ({
  id, lead_id: lead, activity_date: at("01 09:00:00"), activity_type_id: 6, campaign_id: 7, campaign_run_id: run,
  primary_attribute_value: "Spring renewal", primary_attribute_value_id: 900 + run,
});
const event = (id: number, lead: number, run: number, when: string) => ({ ...send(id, lead, run), activity_date: at(when) });

let warehouse: Warehouse;

beforeAll(async () => {
  ({ warehouse } = await buildFixtureWarehouse({
    fivetran: {
      "salesforce/account": [
        { id: "A1", name: "Acme", billing_country: "USA", is_deleted: false },
        { id: "A2", name: "Blank Ltd", billing_country: null, is_deleted: false },
        { id: "A3", name: "Quiet GmbH", billing_country: "Germany", is_deleted: false },
      ],
      "salesforce/user": [
        { id: "U1", email: "jane.doe@acme.com", account_id: "A1", is_active: true, last_modified_date: "2024-01-01 00:00:00", _fivetran_deleted: false },
        { id: "U0", email: "Jane.Doe@acme.com", account_id: "A3", is_active: false, last_modified_date: "2024-02-01 00:00:00", _fivetran_deleted: false },
        { id: "U2", email: "bob@blank.com", account_id: "A2", is_active: true, last_modified_date: "2024-01-01 00:00:00", _fivetran_deleted: false },
        { id: "U3", email: "hans@quiet.de", account_id: "A3", is_active: true, last_modified_date: "2024-01-01 00:00:00", _fivetran_deleted: false },
      ],
      "marketo/lead": [
        { id: 1, email: "  Jane.Doe@ACME.com " },
        { id: 2, email: "bob@blank.com" },
        { id: 3, email: "stranger@gmail.com" },
        { id: 4, email: "hans@quiet.de" },
      ],
      "marketo/campaign": [{ id: 7, name: "Spring renewal" }],
      "marketo/activity_send_email": [send(1, 1, 11), send(2, 2, 11), send(3, 3, 11), send(4, 4, 11), send(5, 1, 12)],
      "marketo/activity_open_email": [event(1, 1, 11, "01 10:00:00"), event(2, 1, 11, "02 10:00:00"), event(3, 3, 11, "01 12:00:00")],
      "marketo/activity_click_email": [
        event(1, 1, 11, "01 10:05:00"), event(2, 1, 11, "01 10:06:00"), event(3, 1, 11, "02 10:01:00"),
        event(4, 2, 11, "01 11:00:00"),
      ],
    },
  }));
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
