import { z } from "zod";
import { checkPeriod, isoDate } from "./schemaParts";
import { INCIDENT_TYPES, SEVERITIES } from "./lossSummarySchema";

// The contract of the Claims Investigation API: GET /api/claims, GET /api/claims/{claimNo},
// GET /api/claims/{claimNo}/telematics, POST /api/claims/{claimNo}/decisions, GET /api/decisions.

export const DECISIONS = ["release_funds", "investigate", "refer_fraud", "deny"] as const;
export const SORT_KEYS = ["claimNo", "incidentDate", "amountTotal", "incidentType", "severity"] as const;

export const claimNo = z.string().trim().min(1).max(40).regex(/^[A-Za-z0-9][A-Za-z0-9_./-]*$/, "is not a claim number");

/** The claim number of a /api/claims/{claimNo}/... route: a bad one is a 400 that names the parameter. */
export const claimPath = z.object({ claimNo });

const label = z.string().trim().min(1).max(60).regex(/^[A-Za-z0-9 &().,'/-]+$/, "contains characters no value of this filter has");
const flag = z.enum(["true", "false"]).transform((v) => v === "true");

/** The queue's filters: the Loss Summary's drill-through filters plus the investigation ones. */
export const claimsQuery = z
  .object({
    from: isoDate.optional(),
    to: isoDate.optional(),
    policyType: label.optional(),
    borough: label.optional(),
    make: label.optional(),
    incidentType: z.enum(INCIDENT_TYPES).optional(),
    severity: z.enum(SEVERITIES).optional(),
    hour: z.coerce.number().int().min(0).max(23).optional(),
    failedCheck: z.string().regex(/^[a-z][a-z0-9_]{0,62}$/, "is not a rule id").optional(),
    suspicious: flag.optional(),
    nextBestAction: z.enum(["release funds", "investigate"]).optional(),
    decisionStatus: z.enum(["decided", "undecided"]).optional(),
    /** Prefix of a claim number or policy number. */
    q: z.string().trim().min(1).max(40).regex(/^[A-Za-z0-9_./-]+$/, "may hold letters, digits and . _ / - only").optional(),
    sort: z.enum(SORT_KEYS).default("incidentDate"),
    dir: z.enum(["asc", "desc"]).default("desc"),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict()
  .superRefine(checkPeriod);

export type ClaimsQuery = z.infer<typeof claimsQuery>;

const check = z.object({ id: z.string(), name: z.string(), passed: z.boolean().nullable() }).strict();

export const decisionSchema = z
  .object({
    id: z.number().int(),
    claimNo: z.string(),
    version: z.number().int(),
    decision: z.enum(DECISIONS),
    note: z.string().nullable(),
    decidedBy: z.string(),
    decidedAt: z.string(),
  })
  .strict();

export type Decision = z.infer<typeof decisionSchema>;

export const claimsResponse = z
  .object({
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
    counters: z
      .object({
        claims: z.number().int(),
        suspicious: z.number().int(),
        policyNotInForce: z.number().int(),
        severityMismatch: z.number().int(),
        exceedsCover: z.number().int(),
        needsInvestigation: z.number().int(),
        undecided: z.number().int(),
      })
      .strict(),
    rules: z.array(z.object({ id: z.string(), name: z.string() }).strict()),
    rows: z.array(
      z
        .object({
          claimNo: z.string(),
          policyNo: z.string(),
          incidentDate: isoDate,
          incidentType: z.string().nullable(),
          reportedSeverity: z.string().nullable(),
          assessedSeverity: z.string().nullable(),
          amountTotal: z.number(),
          suspicious: z.boolean(),
          checks: z.array(check),
          nextBestAction: z.string(),
          decision: decisionSchema.nullable(),
        })
        .strict(),
    ),
  })
  .strict();

export type ClaimsResponse = z.infer<typeof claimsResponse>;

export const decisionRequest = z
  .object({
    decision: z.enum(DECISIONS),
    note: z.string().trim().max(4000).optional(),
    /** The version the decision was made on: 0 when the claim had no decision yet. */
    expectedVersion: z.number().int().min(0).max(1_000_000),
    idempotencyKey: z.string().trim().min(8).max(100).regex(/^[A-Za-z0-9_-]+$/, "may hold letters, digits, _ and - only"),
  })
  .strict()
  .superRefine((d, ctx) => {
    if (d.decision !== "release_funds" && !d.note) ctx.addIssue({ code: "custom", path: ["note"], message: "is required unless funds are released" });
  });

export type DecisionRequest = z.infer<typeof decisionRequest>;

export const conflictBody = z
  .object({ error: z.object({ code: z.literal("conflict"), message: z.string() }).strict(), current: decisionSchema })
  .strict();

const n = z.number().nullable();
const s = z.string().nullable();

export const claimDetailResponse = z
  .object({
    claim: z
      .object({
        claimNo: z.string(),
        policyNoRaw: s,
        claimDate: isoDate,
        incidentDate: isoDate,
        incidentHour: n,
        incidentType: s,
        reportedSeverity: s,
        collisionType: s,
        vehiclesInvolved: n,
        witnesses: n,
        suspicious: z.boolean(),
        monthsAsCustomer: n,
        amounts: z.object({ total: z.number(), injury: z.number(), property: z.number(), vehicle: z.number(), lae: z.number() }).strict(),
        driverDataIssue: s,
      })
      .strict(),
    policy: z
      .object({
        policyNo: z.string(),
        renewalNo: n,
        custId: s,
        policyType: s,
        product: s,
        effDate: isoDate,
        expiryDate: isoDate,
        sumInsured: n,
        premium: n,
        deductible: n,
        borough: s,
        neighborhood: s,
        zipCode: s,
      })
      .strict(),
    driver: z.object({ age: n, relationship: s, licenseIssueDate: s, dateOfBirth: s }).strict(),
    vehicle: z.object({ make: s, model: s, modelYear: n, body: s, chassisNo: s, use: s }).strict(),
    assessment: z
      .object({
        checks: z.array(
          z.object({ id: z.string(), name: z.string(), description: z.string(), severity: z.string(), passed: z.boolean().nullable(), expected: s, actual: s }).strict(),
        ),
        nextBestAction: z.string(),
        damageScore: n,
        assessedSeverity: s,
        speedNearIncident: n,
      })
      .strict(),
    images: z.array(z.object({ name: z.string(), url: z.string(), assessedSeverity: s, score: n, illustrative: z.boolean() }).strict()),
    telematics: z
      .object({ windowStart: s, windowEnd: s, pointsInIncidentHour: z.number().int(), incidentLatitude: n, incidentLongitude: n })
      .strict(),
    decision: decisionSchema.nullable(),
    history: z.array(decisionSchema),
  })
  .strict();

export type ClaimDetailResponse = z.infer<typeof claimDetailResponse>;

export const decisionsFeedQuery = z
  .object({
    since: z.iso.datetime({ offset: true }).optional(),
    /** Opaque cursor from a previous page. */
    after: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(100),
  })
  .strict();

export const decisionsFeedResponse = z
  .object({ decisions: z.array(decisionSchema), nextCursor: z.number().int().nullable() })
  .strict();
