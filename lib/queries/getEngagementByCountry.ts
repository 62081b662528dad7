import "server-only";
import { z } from "zod";
import { count, defineQuery, nullableNumber } from "./defineQuery";
import { dateRange, optionalText } from "./filters";

/**
 * Email engagement per country for sends dated in the period. unique_opens counts sends opened or
 * clicked; click_ratio = unique clicks / unique opens and open_rate = unique opens / sends, NULL when
 * the denominator is zero. Leads with no matching account are in country "Unknown".
 */
export const getEngagementByCountry = defineQuery({
  name: "getEngagementByCountry",
  parameters: z.object({
    ...dateRange,
    campaignId: z.number().int().positive().nullable().default(null),
    country: optionalText,
  }),
  row: z.object({
    country: z.string(),
    iso_a3: z.string().nullable(),
    iso_n3: z.string().nullable(),
    sends: count,
    opens: count,
    unique_opens: count,
    clicks: count,
    unique_clicks: count,
    open_rate: nullableNumber,
    click_ratio: nullableNumber,
  }),
  sql: (table) => `
    SELECT
      country, iso_a3, iso_n3,
      sum(sends) AS sends, sum(opens) AS opens, sum(unique_opens) AS unique_opens,
      sum(clicks) AS clicks, sum(unique_clicks) AS unique_clicks,
      CAST(sum(unique_opens) AS DOUBLE) / nullif(sum(sends), 0) AS open_rate,
      CAST(sum(unique_clicks) AS DOUBLE) / nullif(sum(unique_opens), 0) AS click_ratio
    FROM ${table("email_engagement_daily")}
    WHERE activity_date BETWEEN CAST(:from AS DATE) AND CAST(:to AS DATE)
      AND (CAST(:campaignId AS BIGINT) IS NULL OR campaign_id = CAST(:campaignId AS BIGINT))
      AND (CAST(:country AS STRING) IS NULL OR country = CAST(:country AS STRING))
    GROUP BY country, iso_a3, iso_n3
    ORDER BY sends DESC, country`,
});
