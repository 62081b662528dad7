import "server-only";
import { z } from "zod";
import { amount, count, defineQuery } from "./defineQuery";
import { INCIDENT_FILTERS_SQL, PERIOD_SQL, POLICY_FILTERS_SQL, lossFilters } from "./filters";

/** Claims and damage per incident type and reported severity; property = property + vehicle, liability = injury. */
export const getIncidentMix = defineQuery({
  name: "getIncidentMix",
  parameters: lossFilters,
  row: z.object({ incident_type: z.string(), severity: z.string(), claims: count, property: amount, liability: amount }),
  sql: (table) => `
    SELECT incident_type, incident_severity AS severity, sum(claim_count) AS claims,
      sum(property_amount) AS property, sum(liability_amount) AS liability
    FROM ${table("loss_daily")}
    WHERE ${PERIOD_SQL("day")} AND ${POLICY_FILTERS_SQL} AND ${INCIDENT_FILTERS_SQL}
      AND incident_type IS NOT NULL AND incident_severity IS NOT NULL
    GROUP BY incident_type, incident_severity
    ORDER BY incident_type, severity`,
});
