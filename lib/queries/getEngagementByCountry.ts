import "server-only";
import { z } from "zod";
import { defineQuery } from "./defineQuery";
import { ENGAGEMENT_FILTERS_SQL, ENGAGEMENT_METRICS_SQL, engagementFilters, engagementMetricsRow } from "./engagementSql";

/**
 * Email engagement per country for sends dated in the period. unique_opens counts sends opened or
 * clicked; click_ratio = unique clicks / unique opens and open_rate = unique opens / sends, NULL when
 * the denominator is zero. Leads with no matching account are in country "Unknown".
 */
export const getEngagementByCountry = defineQuery({
  name: "getEngagementByCountry",
  parameters: z.object(engagementFilters),
  // Every country, whichever one the page selects: picking a country reuses this answer.
  cachePerBuild: true,
  row: z.object({ country: z.string(), iso_a3: z.string().nullable(), iso_n3: z.string().nullable(), ...engagementMetricsRow }),
  sql: (table) => `
    SELECT country, iso_a3, iso_n3, ${ENGAGEMENT_METRICS_SQL}
    FROM ${table("email_engagement_daily")}
    WHERE ${ENGAGEMENT_FILTERS_SQL}
    GROUP BY country, iso_a3, iso_n3
    ORDER BY sends DESC, country`,
});
