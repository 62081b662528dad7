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
 * Policies in force at any time in the period, per zip code and borough. Only counts: where each zip is
 * (getPolicyZipPlaces) does not depend on the request, and leaving its text columns out of this
 * aggregate makes it several times cheaper.
 */
export const getPolicyZipCounts = defineQuery({
  name: "getPolicyZipCounts",
  parameters: policyFilters,
  // Not narrowed by the borough or the incident filters: changing those reuses this answer.
  cachePerBuild: true,
  row: z.object({ zip: z.string(), borough: z.string(), policies: count }),
  sql: (table) => `
    SELECT zip_code AS zip, borough, count(*) AS policies
    FROM ${table("policies")}
    WHERE pol_eff_date <= CAST(:to AS DATE) AND pol_expiry_date > CAST(:from AS DATE)
      AND latitude IS NOT NULL AND borough IS NOT NULL AND ${MAP_POLICY_FILTERS_SQL}
    GROUP BY zip_code, borough`,
});

/** Each zip code's centroid and neighbourhood name, per borough it has policies in (read once per build). */
export const getPolicyZipPlaces = defineQuery({
  name: "getPolicyZipPlaces",
  parameters: z.object({}),
  row: z.object({ zip: z.string(), borough: z.string(), neighborhood: z.string().nullable(), latitude: z.number(), longitude: z.number() }),
  sql: (table) => `
    SELECT zip_code AS zip, borough, min(neighborhood) AS neighborhood, min(latitude) AS latitude, min(longitude) AS longitude
    FROM ${table("policies")}
    WHERE latitude IS NOT NULL AND borough IS NOT NULL
    GROUP BY zip_code, borough`,
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
