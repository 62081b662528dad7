import { z } from "zod";
import { checkPeriod, isoDate } from "./schemaParts";

// The contract of GET /api/loss-summary: the route validates what it sends with these schemas and the
// client infers its types from them. Ratios are fractions (0.65, not 65); null means "no data".

import { INCIDENT_TYPES, SEVERITIES } from "./lossSummaryValues";

export { INCIDENT_TYPES, SEVERITIES } from "./lossSummaryValues";
export { MAX_RANGE_YEARS } from "./schemaParts";


const label = z.string().trim().min(1).max(60).regex(/^[A-Za-z0-9 &().,'/-]+$/, "contains characters no value of this filter has");

/** Query string of the Loss Summary (also what the drill-through sends to /claims). */
export const lossSummaryQuery = z
  .object({
    from: isoDate.optional(),
    to: isoDate.optional(),
    policyType: label.optional(),
    borough: label.optional(),
    make: label.optional(),
    incidentType: z.enum(INCIDENT_TYPES).optional(),
    severity: z.enum(SEVERITIES).optional(),
    hour: z.coerce.number().int().min(0).max(23).optional(),
  })
  .strict()
  .superRefine(checkPeriod);

export type LossSummaryQuery = z.infer<typeof lossSummaryQuery>;

const ratio = z.number().nullable();

export const lossKpis = z
  .object({
    lossRatio: z.object({ total: ratio, property: ratio, liability: ratio }).strict(),
    earnedPremium: z.number(),
    incurredLosses: z.number(),
    lae: z.number(),
    claimCount: z.number().int(),
    claimFrequency: ratio,
  })
  .strict();

export type LossKpis = z.infer<typeof lossKpis>;

const period = z.object({ from: isoDate, to: isoDate }).strict();

export const lossSummaryResponse = z
  .object({
    asOf: z.object({ buildId: z.string(), builtAt: z.string(), claimsAsOf: isoDate.nullable() }).strict(),
    period,
    previousPeriod: period,
    filters: z
      .object({
        policyType: z.string().nullable(),
        borough: z.string().nullable(),
        make: z.string().nullable(),
        incidentType: z.enum(INCIDENT_TYPES).nullable(),
        severity: z.enum(SEVERITIES).nullable(),
        hour: z.number().int().nullable(),
      })
      .strict(),
    kpis: lossKpis,
    previous: lossKpis,
    /** One point per calendar month touching the period; months at the edges count only their days inside it. */
    trend: z.array(
      z.object({ month: z.string().regex(/^\d{4}-\d{2}$/), earnedPremium: z.number(), incurredLosses: z.number(), lossRatio: ratio, claimCount: z.number().int() }).strict(),
    ),
    incidentsByTypeSeverity: z.array(z.object({ incidentType: z.string(), severity: z.string(), claims: z.number().int() }).strict()),
    damageByType: z.array(z.object({ incidentType: z.string(), property: z.number(), liability: z.number(), claims: z.number().int() }).strict()),
    byHour: z.array(z.object({ hour: z.number().int().min(0).max(23), claims: z.number().int(), incurredLosses: z.number() }).strict()),
    driverAge: z.array(z.object({ band: z.string(), claims: z.number().int() }).strict()),
    modelYear: z.array(z.object({ modelYear: z.number().int(), claims: z.number().int() }).strict()),
    map: z
      .object({
        /** Policies in force at any time in the period, per zip code centroid. */
        zips: z.array(z.object({ zip: z.string(), borough: z.string(), neighborhood: z.string().nullable(), latitude: z.number(), longitude: z.number(), policies: z.number().int() }).strict()),
        boroughs: z.array(
          z.object({ borough: z.string(), earnedPremium: z.number(), incurredLosses: z.number(), lossRatio: ratio, claimCount: z.number().int() }).strict(),
        ),
      })
      .strict(),
    /** Values the filters can take, bounded lists for the pickers. */
    options: z.object({ policyTypes: z.array(z.string()), boroughs: z.array(z.string()), makes: z.array(z.string()) }).strict(),
  })
  .strict();

export type LossSummaryResponse = z.infer<typeof lossSummaryResponse>;

export const apiErrorBody = z.object({ error: z.object({ code: z.string(), message: z.string() }).strict() }).strict();
