import "server-only";
import { z } from "zod";
import { defineQuery } from "./defineQuery";
import { ENGAGEMENT_FILTERS_SQL, ENGAGEMENT_METRICS_SQL, engagementFilters, engagementMetricsRow } from "./engagementSql";

/** Engagement totals for the period and filters. */
export const getEngagementTotals = defineQuery({
  name: "getEngagementTotals",
  parameters: z.object(engagementFilters),
  row: z.object(engagementMetricsRow),
  sql: (table) => `
    SELECT ${ENGAGEMENT_METRICS_SQL}
    FROM ${table("email_engagement_daily")}
    WHERE ${ENGAGEMENT_FILTERS_SQL}`,
});
