import type { QueryClient } from "@tanstack/react-query";
import { claimsQueueOptions } from "@/hooks/useClaimsQueue";
import type { ClaimsQuery, ClaimsResponse } from "@/lib/api/claimsSchema";

/** Enough for any working queue; beyond it a spreadsheet is the wrong tool and the filters should narrow it. */
export const EXPORT_CAP = 5_000;
const EXPORT_PAGE_SIZE = 200;

export type ExportResult = { rows: Record<string, string | number | null>[]; total: number; capped: boolean };

function checkResult(passed: boolean | null): string {
  return passed === true ? "passed" : passed === false ? "failed" : "unknown";
}

function toCsvRow(row: ClaimsResponse["rows"][number], rules: ClaimsResponse["rules"]): Record<string, string | number | null> {
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

/**
 * Every claim of the filtered queue, in the queue's order, page by page up to EXPORT_CAP. Offset pages can
 * shift while others decide claims, so a claim seen twice is kept once.
 */
export async function exportQueue(
  queryClient: QueryClient,
  query: ClaimsQuery,
  onProgress: (done: number, total: number) => void,
  signal: AbortSignal,
): Promise<ExportResult> {
  const seen = new Set<string>();
  const rows: ExportResult["rows"] = [];
  let total = 0;
  for (let page = 1; ; page += 1) {
    if (signal.aborted) throw new DOMException("Export cancelled", "AbortError");
    const data = await queryClient.fetchQuery({ ...claimsQueueOptions({ ...query, page, pageSize: EXPORT_PAGE_SIZE }), staleTime: 0 });
    total = data.total;
    for (const row of data.rows) {
      if (seen.has(row.claimNo) || rows.length >= EXPORT_CAP) continue;
      seen.add(row.claimNo);
      rows.push(toCsvRow(row, data.rules));
    }
    onProgress(rows.length, Math.min(total, EXPORT_CAP));
    if (rows.length >= EXPORT_CAP || data.rows.length < EXPORT_PAGE_SIZE || page * EXPORT_PAGE_SIZE >= total) break;
  }
  return { rows, total, capped: total > rows.length && rows.length >= EXPORT_CAP };
}

/** claims-queue-2025-07-01-2026-06-30.csv, or claims-queue-all-dates.csv */
export function exportFileName(query: ClaimsQuery): string {
  return `claims-queue-${query.from && query.to ? `${query.from}-${query.to}` : "all-dates"}.csv`;
}
