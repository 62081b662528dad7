import { z } from "zod";
import { INCIDENT_FILTERS_SQL, POLICY_FILTERS_SQL, incidentFilters, optionalText, policyFilters } from "./filters";
import { isoDate } from "./defineQuery";
import type { Dialect } from "./dialect";

// Filters of the claims queue. Decided claims come from the app database, so they arrive as a JSON
// array of claim numbers bound as one parameter.
export const claimQueueFilters = {
  from: isoDate.nullable().default(null),
  to: isoDate.nullable().default(null),
  ...policyFilters,
  ...incidentFilters,
  q: optionalText,
  decidedJson: z.string().default("[]"),
};

/** The claim has a decision: its number is in the bound JSON array (read differently by each engine). */
export const DECIDED_SQL = (dialect: Dialect, claimNo = "claim_no") => dialect.inJsonStringArray("decidedJson", claimNo);

export const BASE_CLAIM_FILTERS_SQL = `
  (CAST(:from AS DATE) IS NULL OR incident_date >= CAST(:from AS DATE))
  AND (CAST(:to AS DATE) IS NULL OR incident_date <= CAST(:to AS DATE))
  AND ${POLICY_FILTERS_SQL} AND ${INCIDENT_FILTERS_SQL}
  AND (CAST(:q AS STRING) IS NULL
       OR left(claim_no, length(CAST(:q AS STRING))) = CAST(:q AS STRING)
       OR left(policy_no, length(CAST(:q AS STRING))) = CAST(:q AS STRING))`;
