import "server-only";
import { z } from "zod";
import { count, defineQuery } from "./defineQuery";

/** Campaigns and countries the engagement filters can take: bounded lists for the pickers. */
export const getEngagementOptions = defineQuery({
  name: "getEngagementOptions",
  parameters: z.object({}),
  row: z.object({ kind: z.enum(["campaign", "country"]), id: count.nullable(), name: z.string() }),
  // Two campaigns can share a name; the id settles their order, so every engine lists them alike.
  sql: (table) => `
    SELECT * FROM (
      SELECT 'campaign' AS kind, campaign_id AS id, min(campaign_name) AS name FROM ${table("email_engagement_daily")} GROUP BY campaign_id
      UNION ALL
      SELECT DISTINCT 'country' AS kind, NULL AS id, country AS name FROM ${table("email_engagement_daily")}
    )
    ORDER BY kind, name, id
    LIMIT 2000`,
});
