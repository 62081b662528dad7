import { z } from "zod";
import { count, nullableNumber } from "./defineQuery";
import { dateRange, optionalText } from "./filters";

// The engagement metrics, summed from email_engagement_daily: every count is additive, and the two
// ratios are computed after summing (never averaged), NULL when their denominator is zero.
export const ENGAGEMENT_METRICS_SQL = `
  CAST(coalesce(sum(sends), 0) AS BIGINT) AS sends,
  CAST(coalesce(sum(opens), 0) AS BIGINT) AS opens,
  CAST(coalesce(sum(unique_opens), 0) AS BIGINT) AS unique_opens,
  CAST(coalesce(sum(clicks), 0) AS BIGINT) AS clicks,
  CAST(coalesce(sum(unique_clicks), 0) AS BIGINT) AS unique_clicks,
  CAST(sum(unique_opens) AS DOUBLE) / nullif(sum(sends), 0) AS open_rate,
  CAST(sum(unique_clicks) AS DOUBLE) / nullif(sum(unique_opens), 0) AS click_ratio`;

export const engagementMetricsRow = {
  sends: count,
  opens: count,
  unique_opens: count,
  clicks: count,
  unique_clicks: count,
  open_rate: nullableNumber,
  click_ratio: nullableNumber,
};

export const engagementFilters = {
  ...dateRange,
  campaignId: z.number().int().positive().nullable().default(null),
  country: optionalText,
};

export const ENGAGEMENT_FILTERS_SQL = `
  activity_date BETWEEN CAST(:from AS DATE) AND CAST(:to AS DATE)
  AND (CAST(:campaignId AS BIGINT) IS NULL OR campaign_id = CAST(:campaignId AS BIGINT))
  AND (CAST(:country AS STRING) IS NULL OR country = CAST(:country AS STRING))`;
