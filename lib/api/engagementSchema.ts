import { z } from "zod";
import { checkPeriod, isoDate } from "./schemaParts";

// The contract of GET /api/engagement and GET /api/engagement/accounts. Ratios are fractions; null means
// there was nothing to divide by (no opens for a click ratio, no sends for an open rate).


export const engagementQuery = z
  .object({
    from: isoDate.optional(),
    to: isoDate.optional(),
    campaignId: z.coerce.number().int().positive().max(2 ** 53 - 1).optional(),
    country: z.string().trim().min(1).max(80).optional(),
  })
  .strict()
  .superRefine(checkPeriod);

export type EngagementQuery = z.infer<typeof engagementQuery>;

const ratio = z.number().nullable();

export const engagementMetrics = z
  .object({
    sends: z.number().int(),
    opens: z.number().int(),
    uniqueOpens: z.number().int(),
    clicks: z.number().int(),
    uniqueClicks: z.number().int(),
    openRate: ratio,
    clickRatio: ratio,
  })
  .strict();

export type EngagementMetrics = z.infer<typeof engagementMetrics>;

const period = z.object({ from: isoDate, to: isoDate }).strict();

export const engagementResponse = z
  .object({
    asOf: z.object({ buildId: z.string(), builtAt: z.string(), engagementAsOf: isoDate.nullable() }).strict(),
    period,
    previousPeriod: period,
    filters: z.object({ campaignId: z.number().int().nullable(), country: z.string().nullable() }).strict(),
    totals: engagementMetrics,
    previous: engagementMetrics,
    /** Every country in the period (the country filter highlights one, it does not hide the others). */
    byCountry: z.array(engagementMetrics.extend({ country: z.string(), isoA3: z.string().nullable(), isoN3: z.string().nullable() }).strict()),
    /** Daily for ranges up to 92 days, weekly (weeks starting Monday) beyond. */
    trend: z.object({
      grain: z.enum(["day", "week"]),
      points: z.array(engagementMetrics.extend({ date: isoDate }).strict()),
    }).strict(),
    /** Campaigns by click ratio among those with at least `minUniqueOpens` unique opens. */
    topCampaigns: z.object({
      minUniqueOpens: z.number().int(),
      rows: z.array(engagementMetrics.extend({ campaignId: z.number().int(), campaignName: z.string() }).strict()),
    }).strict(),
    options: z.object({
      campaigns: z.array(z.object({ campaignId: z.number().int(), campaignName: z.string() }).strict()),
      countries: z.array(z.string()),
    }).strict(),
  })
  .strict();

export type EngagementResponse = z.infer<typeof engagementResponse>;

export const engagementAccountsResponse = z
  .object({
    period,
    filters: z.object({ campaignId: z.number().int().nullable(), country: z.string().nullable() }).strict(),
    rows: z.array(engagementMetrics.extend({ accountId: z.string().nullable(), accountName: z.string(), country: z.string() }).strict()),
    /** True when more accounts matched than the response carries (the largest by sends are returned). */
    truncated: z.boolean(),
  })
  .strict();

export type EngagementAccountsResponse = z.infer<typeof engagementAccountsResponse>;
