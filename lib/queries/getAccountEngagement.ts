import "server-only";
import { z } from "zod";
import { count, defineQuery } from "./defineQuery";
import { ENGAGEMENT_FILTERS_SQL, ENGAGEMENT_METRICS_SQL, engagementFilters, engagementMetricsRow } from "./engagementSql";

/** Engagement per account, largest by sends first, at most `limit` rows; `matched` counts all accounts that qualified. */
export const getAccountEngagement = defineQuery({
  name: "getAccountEngagement",
  parameters: z.object({ ...engagementFilters, limit: z.number().int().min(1).max(5000) }),
  row: z.object({ account_id: z.string().nullable(), account_name: z.string(), country: z.string(), matched: count, ...engagementMetricsRow }),
  sql: (table) => `
    SELECT *, count(*) OVER () AS matched FROM (
      SELECT account_id, account_name, country, ${ENGAGEMENT_METRICS_SQL}
      FROM ${table("email_engagement_daily")}
      WHERE ${ENGAGEMENT_FILTERS_SQL}
      GROUP BY account_id, account_name, country
    )
    ORDER BY sends DESC, account_name
    LIMIT CAST(:limit AS INT)`,
});
