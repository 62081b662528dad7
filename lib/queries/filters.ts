import { z } from "zod";
import { isoDate } from "./defineQuery";

// Shared pieces of query parameters and their SQL. The SQL holds only placeholders: values are bound.

export const optionalText = z.string().trim().min(1).max(100).nullable().default(null);

export const dateRange = { from: isoDate, to: isoDate };

/** Filters on the policy: they narrow premium and losses alike. */
export const policyFilters = { policyType: optionalText, borough: optionalText, make: optionalText };

/** Filters on the incident: they narrow losses only (premium has no incident), so a ratio reads as that slice's share. */
export const incidentFilters = {
  incidentType: optionalText,
  severity: optionalText,
  hour: z.number().int().min(0).max(23).nullable().default(null),
};

export const lossFilters = z.object({ ...dateRange, ...policyFilters, ...incidentFilters });
export type LossFilters = z.input<typeof lossFilters>;

export const POLICY_FILTERS_SQL = `
  (CAST(:policyType AS STRING) IS NULL OR policy_type = CAST(:policyType AS STRING))
  AND (CAST(:borough AS STRING) IS NULL OR borough = CAST(:borough AS STRING))
  AND (CAST(:make AS STRING) IS NULL OR make = CAST(:make AS STRING))`;

export const INCIDENT_FILTERS_SQL = `
  (CAST(:incidentType AS STRING) IS NULL OR incident_type = CAST(:incidentType AS STRING))
  AND (CAST(:severity AS STRING) IS NULL OR incident_severity = CAST(:severity AS STRING))
  AND (CAST(:hour AS BIGINT) IS NULL OR incident_hour = CAST(:hour AS BIGINT))`;

export const PERIOD_SQL = (column: string) => `${column} BETWEEN CAST(:from AS DATE) AND CAST(:to AS DATE)`;
