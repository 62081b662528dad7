import "server-only";
import { z } from "zod";
import { amount, count, defineQuery } from "./defineQuery";
import { BASE_CLAIM_FILTERS_SQL, DECIDED_SQL, claimQueueFilters } from "./claimFilters";
import type { Dialect } from "./dialect";
import { checkColumn, failedSql } from "./claimRules";

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
  suspicious: z.boolean().nullable().default(null),
  nextBestAction: z.string().nullable().default(null),
  decisionStatus: z.enum(["decided", "undecided"]).nullable().default(null),
  // Up to 200 for a page of the queue, 1,000 for a page of its CSV export.
  limit: z.number().int().min(1).max(1000),
  offset: z.number().int().min(0),
});

/** What one page of the queue is asked with. */
export type QueueParams = z.input<typeof queueParameters>;

const QUEUE_FILTERS_SQL = (dialect: Dialect) => `
  ${BASE_CLAIM_FILTERS_SQL}
  AND (CAST(:suspicious AS BOOLEAN) IS NULL OR suspicious_activity = CAST(:suspicious AS BOOLEAN))
  AND (CAST(:nextBestAction AS STRING) IS NULL OR next_best_action = CAST(:nextBestAction AS STRING))
  AND (CAST(:decisionStatus AS STRING) IS NULL
       OR CAST(:decisionStatus AS STRING) = 'decided' AND ${DECIDED_SQL(dialect)}
       OR CAST(:decisionStatus AS STRING) = 'undecided' AND NOT ${DECIDED_SQL(dialect)})`;

/**
 * One page of the claims queue, one row per claim with a check_<rule> column per active rule; `total`
 * counts every match. A failed-check filter names one of the active rules, so its column exists.
 */
export function claimsQueueQuery(sort: keyof typeof QUEUE_SORT_COLUMNS, dir: "asc" | "desc", activeRuleIds: readonly string[], failedCheck: string | null) {
  const order = `${QUEUE_SORT_COLUMNS[sort]} ${dir === "asc" ? "ASC" : "DESC"} NULLS LAST, claim_no ASC`;
  const checks = activeRuleIds.map(checkColumn);
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
      ...Object.fromEntries(checks.map((c) => [c, z.boolean().nullable()])),
    }),
    // A plain ORDER BY ... LIMIT keeps only the page's rows while scanning (no ranking of every match),
    // and the total is one count over the same matches.
    sql: (table, dialect) => `
      WITH matched AS (
        SELECT claim_no, policy_no, incident_date, incident_type, incident_severity, assessed_severity,
          amount_total, suspicious_activity, next_best_action${checks.map((c) => `, ${c}`).join("")}
        FROM ${table("claims")}
        WHERE ${QUEUE_FILTERS_SQL(dialect)}${failedCheck ? ` AND ${failedSql(activeRuleIds, failedCheck)}` : ""}
      )
      SELECT (SELECT count(*) FROM matched) AS total, claim_no, policy_no, CAST(incident_date AS STRING) AS incident_date,
        incident_type, incident_severity, assessed_severity, amount_total, suspicious_activity, next_best_action${checks.map((c) => `, ${c}`).join("")}
      FROM matched
      ORDER BY ${order}
      LIMIT CAST(:limit AS INT) OFFSET CAST(:offset AS INT)`,
  });
}
