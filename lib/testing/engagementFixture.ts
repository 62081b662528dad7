import type { RawFixture } from "./rawFixture";

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

export const engagementFixture: RawFixture = {
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
};
