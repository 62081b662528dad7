import "server-only";
import { z } from "zod";
import { defineQuery } from "./defineQuery";

/** The values the Loss Summary's policy filters can take: small, bounded sets from the premium table. */
export const getLossFilterOptions = defineQuery({
  name: "getLossFilterOptions",
  parameters: z.object({}),
  row: z.object({ dimension: z.enum(["policy_type", "borough", "make"]), value: z.string() }),
  sql: (table) => `
    SELECT * FROM (
      SELECT DISTINCT 'policy_type' AS dimension, policy_type AS value FROM ${table("premium_daily")} WHERE policy_type IS NOT NULL
      UNION ALL
      SELECT DISTINCT 'borough' AS dimension, borough AS value FROM ${table("premium_daily")} WHERE borough IS NOT NULL
      UNION ALL
      SELECT DISTINCT 'make' AS dimension, make AS value FROM ${table("premium_daily")} WHERE make IS NOT NULL
    )
    ORDER BY dimension, value
    LIMIT 1000`,
});
