import "server-only";
import { z } from "zod";
import { count, defineQuery } from "./defineQuery";

/** When the live gold build was made, how recent its data is, and how much of it there is. */
export const getGoldStatus = defineQuery({
  name: "getGoldStatus",
  parameters: z.object({}),
  row: z.object({
    build_id: z.string(),
    built_at: z.string(),
    claims_as_of: z.string().nullable(),
    engagement_as_of: z.string().nullable(),
    source_scale: z.string(),
    claims: count,
    policies: count,
    quarantined: count,
  }),
  sql: (table) => `
    SELECT
      b.build_id,
      CAST(b.built_at AS STRING) AS built_at,
      CAST(b.claims_as_of AS STRING) AS claims_as_of,
      CAST(b.engagement_as_of AS STRING) AS engagement_as_of,
      b.source_scale,
      (SELECT count(*) FROM ${table("claims")}) AS claims,
      (SELECT count(*) FROM ${table("policies")}) AS policies,
      (SELECT coalesce(sum(quarantined), 0) FROM ${table("model_runs")}) AS quarantined
    FROM ${table("build_info")} b`,
});
