import { z } from "zod";
import { INCIDENT_FILTERS_SQL, POLICY_FILTERS_SQL, incidentFilters, optionalText, policyFilters } from "./filters";
import { isoDate } from "./defineQuery";

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

export const FAILED_RULE_FLAGS_SQL = (table: string) => `
  SELECT claim_no,
    coalesce(bool_or(rule_id = 'policy_in_force' AND passed = false), false) AS policy_not_in_force,
    coalesce(bool_or(rule_id = 'severity_consistent' AND passed = false), false) AS severity_mismatch,
    coalesce(bool_or(rule_id = 'amount_within_cover' AND passed = false), false) AS exceeds_cover
  FROM ${table}
  GROUP BY claim_no`;

// Engine-specific: reading a bound JSON array of strings (Databricks: from_json(:p, 'array<string>')).
export const DECIDED_SQL = `(SELECT unnest(CAST(from_json(CAST(:decidedJson AS VARCHAR), '["VARCHAR"]') AS VARCHAR[])))`;

export const BASE_CLAIM_FILTERS_SQL = `
  (CAST(:from AS DATE) IS NULL OR incident_date >= CAST(:from AS DATE))
  AND (CAST(:to AS DATE) IS NULL OR incident_date <= CAST(:to AS DATE))
  AND ${POLICY_FILTERS_SQL} AND ${INCIDENT_FILTERS_SQL}
  AND (CAST(:q AS STRING) IS NULL OR starts_with(claim_no, CAST(:q AS STRING)) OR starts_with(policy_no, CAST(:q AS STRING)))`;
