import "server-only";
import { z } from "zod";
import { count, defineQuery } from "./defineQuery";
import { ENGAGEMENT_FILTERS_SQL, ENGAGEMENT_METRICS_SQL, engagementFilters, engagementMetricsRow } from "./engagementSql";

/** Campaigns by click ratio, among those with enough unique opens for the ratio to mean something. */
export const getTopCampaigns = defineQuery({
  name: "getTopCampaigns",
  parameters: z.object({ ...engagementFilters, minUniqueOpens: z.number().int().min(1), limit: z.number().int().min(1).max(100) }),
  row: z.object({ campaign_id: count, campaign_name: z.string(), ...engagementMetricsRow }),
  sql: (table) => `
    SELECT campaign_id, min(campaign_name) AS campaign_name, ${ENGAGEMENT_METRICS_SQL}
    FROM ${table("email_engagement_daily")}
    WHERE ${ENGAGEMENT_FILTERS_SQL}
    GROUP BY campaign_id
    HAVING sum(unique_opens) >= CAST(:minUniqueOpens AS BIGINT)
    ORDER BY click_ratio DESC, unique_clicks DESC, campaign_id
    LIMIT CAST(:limit AS INT)`,
});
