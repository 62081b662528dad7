import type { ClaimsQuery, ClaimsResponse } from "./claimsSchema";

// The claims queue as CSV: one row per claim, a column per active check.

/** Enough for any working queue; beyond it a spreadsheet is the wrong tool and the filters should narrow it. */
export const EXPORT_CAP = 10_000;

function checkResult(passed: boolean | null): string {
  return passed === true ? "passed" : passed === false ? "failed" : "unknown";
}

export function claimCsvRow(row: ClaimsResponse["rows"][number], rules: ClaimsResponse["rules"]): Record<string, string | number | null> {
  const checks = Object.fromEntries(rules.map((rule) => [`check_${rule.id}`, checkResult(row.checks.find((c) => c.id === rule.id)?.passed ?? null)]));
  return {
    claimNo: row.claimNo,
    policyNo: row.policyNo,
    incidentDate: row.incidentDate,
    incidentType: row.incidentType,
    reportedSeverity: row.reportedSeverity,
    assessedSeverity: row.assessedSeverity,
    amountTotal: row.amountTotal,
    suspicious: row.suspicious ? "true" : "false",
    ...checks,
    nextBestAction: row.nextBestAction,
    decision: row.decision?.decision ?? null,
    decisionVersion: row.decision?.version ?? null,
    decidedBy: row.decision?.decidedBy ?? null,
    decidedAt: row.decision?.decidedAt ?? null,
  };
}

/** The header: the claim's fields, a check_<id> column per active rule, then the latest decision. */
export function claimCsvColumns(rules: ClaimsResponse["rules"]): string[] {
  return [
    "claimNo",
    "policyNo",
    "incidentDate",
    "incidentType",
    "reportedSeverity",
    "assessedSeverity",
    "amountTotal",
    "suspicious",
    ...rules.map((rule) => `check_${rule.id}`),
    "nextBestAction",
    "decision",
    "decisionVersion",
    "decidedBy",
    "decidedAt",
  ];
}

/** claims-queue-2025-07-01-2026-06-30.csv, or claims-queue-all-dates.csv */
export function exportFileName(query: Pick<ClaimsQuery, "from" | "to">): string {
  return `claims-queue-${query.from && query.to ? `${query.from}-${query.to}` : "all-dates"}.csv`;
}
