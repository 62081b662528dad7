import "server-only";
import { z } from "zod";
import { amount, count, defineQuery, nullableNumber } from "./defineQuery";
import { INCIDENT_FILTERS_SQL, PERIOD_SQL, dateRange, incidentFilters, optionalText } from "./filters";

// The map shows every borough whatever the borough filter, so a user can see and pick the others.
const mapFilters = z.object({ ...dateRange, policyType: optionalText, make: optionalText, ...incidentFilters });
// Policies have no incidents: the counts take only the period and the policy filters.
const policyFilters = z.object({ ...dateRange, policyType: optionalText, make: optionalText });

const MAP_POLICY_FILTERS_SQL = `
  (CAST(:policyType AS STRING) IS NULL OR policy_type = CAST(:policyType AS STRING))
  AND (CAST(:make AS STRING) IS NULL OR make = CAST(:make AS STRING))`;

/**
 * Policies in force at any time in the period, per place of the map (zip code and borough, numbered in gold
 * as place_id). Only counts: where each place is (getPolicyZipPlaces) does not depend on the request, and
 * grouping on the integer instead of the two text columns makes this aggregate several times cheaper.
 */
export const getPolicyZipCounts = defineQuery({
  name: "getPolicyZipCounts",
  parameters: policyFilters,
  // Not narrowed by the borough or the incident filters: changing those reuses this answer.
  cachePerBuild: true,
  row: z.object({ place_id: z.number().int(), policies: count }),
  sql: (table) => `
    SELECT place_id, count(*) AS policies
    FROM ${table("policies")}
    WHERE pol_eff_date <= CAST(:to AS DATE) AND pol_expiry_date > CAST(:from AS DATE)
      AND place_id IS NOT NULL AND ${MAP_POLICY_FILTERS_SQL}
    GROUP BY place_id`,
});

/** Each place's zip code, borough, centroid and neighbourhood name (read once per build). */
export const getPolicyZipPlaces = defineQuery({
  name: "getPolicyZipPlaces",
  parameters: z.object({}),
  row: z.object({
    place_id: z.number().int(),
    zip: z.string(),
    borough: z.string(),
    neighborhood: z.string().nullable(),
    latitude: z.number(),
    longitude: z.number(),
  }),
  sql: (table) => `
    SELECT place_id, min(zip_code) AS zip, min(borough) AS borough, min(neighborhood) AS neighborhood,
      min(latitude) AS latitude, min(longitude) AS longitude
    FROM ${table("policies")}
    WHERE place_id IS NOT NULL
    GROUP BY place_id`,
});

/** Earned premium, incurred losses (+ LAE) and loss ratio per borough for the period. */
export const getBoroughLossRatios = defineQuery({
  name: "getBoroughLossRatios",
  parameters: mapFilters,
  // Every borough, whichever one the page selects: picking a borough reuses this answer.
  cachePerBuild: true,
  row: z.object({ borough: z.string(), earned_premium: amount, incurred_losses: amount, claim_count: count, loss_ratio: nullableNumber }),
  // Premium and losses in one aggregation over both tables: cheaper than two grouped sides and a join.
  sql: (table) => `
    SELECT borough,
      sum(earned_premium) AS earned_premium,
      sum(incurred_losses) AS incurred_losses,
      sum(claim_count) AS claim_count,
      sum(incurred_losses) / nullif(sum(earned_premium), 0) AS loss_ratio
    FROM (
      SELECT borough, earned_premium, 0 AS incurred_losses, 0 AS claim_count
      FROM ${table("premium_daily")}
      WHERE ${PERIOD_SQL("day")} AND ${MAP_POLICY_FILTERS_SQL}
      UNION ALL
      SELECT borough, 0 AS earned_premium, claim_amount + lae AS incurred_losses, claim_count
      FROM ${table("loss_daily")}
      WHERE ${PERIOD_SQL("day")} AND ${MAP_POLICY_FILTERS_SQL} AND ${INCIDENT_FILTERS_SQL}
    ) AS both_sides
    GROUP BY borough
    ORDER BY 1`,
});
