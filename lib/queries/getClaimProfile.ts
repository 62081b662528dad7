import "server-only";
import { z } from "zod";
import { count, defineQuery } from "./defineQuery";
import { INCIDENT_FILTERS_SQL, PERIOD_SQL, POLICY_FILTERS_SQL, lossFilters } from "./filters";

/**
 * Claims by driver age band and by vehicle model year. A claim whose
 * driver age is missing counts in the band "Unknown" rather than disappearing from the distribution.
 */
export const getClaimProfile = defineQuery({
  name: "getClaimProfile",
  parameters: lossFilters,
  row: z.object({ dimension: z.enum(["driver_age", "model_year"]), bucket: z.string(), claims: count }),
  // Counted per age and per model year first (two small integer groupings), then the ages into bands.
  sql: (table) => `
    WITH ages AS (
      SELECT driver_age, count(*) AS claims
      FROM ${table("claims")}
      WHERE ${PERIOD_SQL("incident_date")} AND ${POLICY_FILTERS_SQL} AND ${INCIDENT_FILTERS_SQL}
      GROUP BY driver_age
    ), years AS (
      SELECT model_year, count(*) AS claims
      FROM ${table("claims")}
      WHERE ${PERIOD_SQL("incident_date")} AND ${POLICY_FILTERS_SQL} AND ${INCIDENT_FILTERS_SQL} AND model_year IS NOT NULL
      GROUP BY model_year
    )
    SELECT 'driver_age' AS dimension,
      CASE
        WHEN driver_age IS NULL THEN 'Unknown'
        WHEN driver_age < 25 THEN '16-24'
        WHEN driver_age < 35 THEN '25-34'
        WHEN driver_age < 45 THEN '35-44'
        WHEN driver_age < 55 THEN '45-54'
        WHEN driver_age < 65 THEN '55-64'
        WHEN driver_age < 75 THEN '65-74'
        ELSE '75+'
      END AS bucket,
      sum(claims) AS claims
    FROM ages GROUP BY 2
    UNION ALL
    SELECT 'model_year' AS dimension, CAST(model_year AS STRING) AS bucket, claims FROM years
    ORDER BY dimension, bucket`,
});
