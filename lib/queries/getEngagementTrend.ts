import "server-only";
import { z } from "zod";
import { defineQuery } from "./defineQuery";
import { ENGAGEMENT_FILTERS_SQL, ENGAGEMENT_METRICS_SQL, engagementFilters, engagementMetricsRow } from "./engagementSql";

/** Engagement per day or per week (weeks start on Monday) of the send date. */
export const getEngagementTrend = defineQuery({
  name: "getEngagementTrend",
  parameters: z.object({ ...engagementFilters, grain: z.enum(["day", "week"]) }),
  row: z.object({ date: z.string(), ...engagementMetricsRow }),
  sql: (table) => `
    SELECT CAST(bucket AS STRING) AS date, ${ENGAGEMENT_METRICS_SQL}
    FROM (
      SELECT *, CASE WHEN CAST(:grain AS STRING) = 'week' THEN CAST(date_trunc('week', activity_date) AS DATE) ELSE activity_date END AS bucket
      FROM ${table("email_engagement_daily")}
      WHERE ${ENGAGEMENT_FILTERS_SQL}
    )
    GROUP BY bucket
    ORDER BY bucket`,
});
