import "server-only";
import { z } from "zod";
import { amount, count, defineQuery } from "./defineQuery";
import { BASE_CLAIM_FILTERS_SQL, DECIDED_SQL, claimQueueFilters } from "./claimFilters";
import type { Dialect } from "./dialect";

// Sort keys map to columns here, in code: a request only ever picks one of them.
export const QUEUE_SORT_COLUMNS = {
  claimNo: "claim_no",
  incidentDate: "incident_date",
  amountTotal: "amount_total",
  incidentType: "incident_type",
  severity: "incident_severity",
} as const;

const queueParameters = z.object({
  ...claimQueueFilters,
  failedCheck: z.string().nullable().default(null),
  suspicious: z.boolean().nullable().default(null),
  nextBestAction: z.string().nullable().default(null),
  decisionStatus: z.enum(["decided", "undecided"]).nullable().default(null),
  // Up to 200 for a page of the queue, 1,000 for a page of its CSV export.
  limit: z.number().int().min(1).max(1000),
  offset: z.number().int().min(0),
});

const QUEUE_FILTERS_SQL = (dialect: Dialect) => `
  ${BASE_CLAIM_FILTERS_SQL}
  AND (CAST(:suspicious AS BOOLEAN) IS NULL OR suspicious_activity = CAST(:suspicious AS BOOLEAN))
  AND (CAST(:nextBestAction AS STRING) IS NULL OR next_best_action = CAST(:nextBestAction AS STRING))
  AND (CAST(:decisionStatus AS STRING) IS NULL
       OR CAST(:decisionStatus AS STRING) = 'decided' AND ${DECIDED_SQL(dialect)}
       OR CAST(:decisionStatus AS STRING) = 'undecided' AND NOT ${DECIDED_SQL(dialect)})`;

/** One page of the claims queue, one row per (claim, rule) so the checks come with it; `total` counts all matches. */
export function claimsQueueQuery(sort: keyof typeof QUEUE_SORT_COLUMNS, dir: "asc" | "desc") {
  const order = `${QUEUE_SORT_COLUMNS[sort]} ${dir === "asc" ? "ASC" : "DESC"} NULLS LAST, claim_no ASC`;
  return defineQuery({
    name: "getClaimsQueue",
    parameters: queueParameters,
    row: z.object({
      total: count,
      claim_no: z.string(),
      policy_no: z.string(),
      incident_date: z.string(),
      incident_type: z.string().nullable(),
      incident_severity: z.string().nullable(),
      assessed_severity: z.string().nullable(),
      amount_total: amount,
      suspicious_activity: z.boolean(),
      next_best_action: z.string(),
      rule_id: z.string().nullable(),
      rule_name: z.string().nullable(),
      passed: z.boolean().nullable(),
      page_rank: count,
    }),
    sql: (table, dialect) => `
      WITH matched AS (
        SELECT claim_no, policy_no, incident_date, incident_type, incident_severity, assessed_severity,
          amount_total, suspicious_activity, next_best_action
        FROM ${table("claims")}
        WHERE ${QUEUE_FILTERS_SQL(dialect)}
          AND (CAST(:failedCheck AS STRING) IS NULL OR claim_no IN (
            SELECT claim_no FROM ${table("claim_rule_results")} WHERE rule_id = CAST(:failedCheck AS STRING) AND passed = false))
      ), page AS (
        SELECT *, count(*) OVER () AS total, row_number() OVER (ORDER BY ${order}) AS page_rank
        FROM matched
        ORDER BY ${order}
        LIMIT CAST(:limit AS INT) OFFSET CAST(:offset AS INT)
      )
      SELECT p.total, p.claim_no, p.policy_no, CAST(p.incident_date AS STRING) AS incident_date, p.incident_type,
        p.incident_severity, p.assessed_severity, p.amount_total, p.suspicious_activity, p.next_best_action,
        r.rule_id, r.rule_name, r.passed, p.page_rank
      FROM page p
      LEFT JOIN ${table("claim_rule_results")} r ON r.claim_no = p.claim_no
      ORDER BY p.page_rank, r.rule_id`,
  });
}
