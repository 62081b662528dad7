import "server-only";
import { z } from "zod";
import { amount, count, defineQuery } from "./defineQuery";
import { INCIDENT_FILTERS_SQL, PERIOD_SQL, POLICY_FILTERS_SQL, lossFilters } from "./filters";

/** Claims and incurred losses (+ LAE) per hour of day of the incident. */
export const getClaimsByHour = defineQuery({
  name: "getClaimsByHour",
  parameters: lossFilters,
  row: z.object({ hour: z.number().int(), claims: count, incurred_losses: amount }),
  sql: (table) => `
    SELECT incident_hour AS hour, sum(claim_count) AS claims, sum(claim_amount + lae) AS incurred_losses
    FROM ${table("loss_daily")}
    WHERE ${PERIOD_SQL("day")} AND ${POLICY_FILTERS_SQL} AND ${INCIDENT_FILTERS_SQL} AND incident_hour IS NOT NULL
    GROUP BY incident_hour
    ORDER BY incident_hour`,
});
