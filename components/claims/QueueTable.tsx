"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import type { ReactNode } from "react";
import type { ClaimsResponse } from "@/lib/api/claimsSchema";
import { formatCount, formatCurrency, formatDate, formatTimestamp } from "@/lib/format";
import { CheckMark } from "./CheckMark";
import { decisionPastLabels } from "./labels";
import { NextBestActionBadge, SuspiciousBadge } from "./badges";
import { buttonClass } from "./Panel";
import { PAGE_SIZES, caseHref, type ClaimsFilterPatch, type ClaimsFilters, type SortKey } from "./queueParams";

type Row = ClaimsResponse["rows"][number];

// Amounts and dates read best largest/newest first; names alphabetically.
const FIRST_DIRECTION: Record<SortKey, "asc" | "desc"> = {
  claimNo: "asc",
  incidentDate: "desc",
  amountTotal: "desc",
  incidentType: "asc",
  severity: "asc",
};

export function QueueTable({
  data,
  filters,
  setFilters,
}: {
  data: ClaimsResponse;
  filters: ClaimsFilters;
  setFilters: (patch: ClaimsFilterPatch) => void;
}) {
  const router = useRouter();
  const sortBy = (key: SortKey) => {
    const dir = filters.sort === key ? (filters.dir === "asc" ? "desc" : "asc") : FIRST_DIRECTION[key];
    setFilters({ sort: key, dir, page: null });
  };
  const header = (key: SortKey | null, label: ReactNode, className = "") => {
    const active = key !== null && filters.sort === key;
    return (
      <th scope="col" aria-sort={active ? (filters.dir === "asc" ? "ascending" : "descending") : undefined} className={`whitespace-nowrap px-3 py-2.5 align-bottom font-medium ${className}`}>
        {key ? (
          <button
            type="button"
            onClick={() => sortBy(key)}
            className={`-mx-1.5 inline-flex items-center gap-1 rounded px-1.5 py-0.5 transition-colors hover:bg-surface-muted hover:text-foreground ${active ? "text-foreground" : ""}`}
          >
            {label}
            <SortArrow direction={active ? filters.dir : null} />
          </button>
        ) : (
          label
        )}
      </th>
    );
  };

  return (
    <div className="-mx-px overflow-x-auto">
      <table className="w-full min-w-[68rem] border-collapse text-sm">
        <caption className="sr-only">Claims in the queue; column headers with buttons sort the queue.</caption>
        <thead className="border-y border-border bg-surface-muted/60 text-left text-xs text-muted">
          <tr>
            {header("claimNo", "Claim", "pl-5")}
            {header("incidentDate", "Incident date")}
            {header("incidentType", "Type")}
            {header("severity", "Reported vs assessed severity")}
            {header("amountTotal", "Total", "text-right")}
            {data.rules.map((rule) => (
              <th key={rule.id} scope="col" className="w-[4.5rem] px-1 py-2.5 text-center align-bottom text-[11px] font-medium leading-tight" data-rule-column={rule.id}>
                {rule.name}
              </th>
            ))}
            {header(null, "Next best action")}
            {header(null, "Decision", "pr-5")}
          </tr>
        </thead>
        <tbody>
          {data.rows.map((row) => {
            const href = caseHref(row.claimNo, filters);
            return (
              <tr
                key={row.claimNo}
                data-claim-row={row.claimNo}
                // The whole row opens the case; the claim number stays the link for keyboards and new tabs.
                onClick={(event) => {
                  if (event.defaultPrevented || (event.target as HTMLElement).closest("a,button")) return;
                  if (event.metaKey || event.ctrlKey) window.open(href, "_blank", "noopener");
                  else router.push(href);
                }}
                className="cursor-pointer border-b border-border align-middle transition-colors last:border-b-0 hover:bg-surface-muted/70"
              >
                <td className="py-2.5 pl-5 pr-3">
                  <div className="flex items-center gap-2">
                    <Link href={href} prefetch={false} className="font-mono text-[13px] font-semibold text-foreground underline-offset-2 hover:text-accent-strong hover:underline">
                      {row.claimNo}
                    </Link>
                    {row.suspicious ? <SuspiciousBadge compact /> : null}
                  </div>
                  <div className="mt-0.5 font-mono text-[11px] text-subtle">Policy {row.policyNo}</div>
                </td>
                <td className="whitespace-nowrap px-3 py-2.5 tabular-nums text-foreground">{formatDate(row.incidentDate)}</td>
                <td className="whitespace-nowrap px-3 py-2.5 text-muted">{row.incidentType ?? "Not recorded"}</td>
                <td className="px-3 py-2.5">
                  <SeverityPair reported={row.reportedSeverity} assessed={row.assessedSeverity} />
                </td>
                <td className="whitespace-nowrap px-3 py-2.5 text-right font-medium tabular-nums text-foreground">{formatCurrency(row.amountTotal)}</td>
                {data.rules.map((rule) => {
                  const check = row.checks.find((c) => c.id === rule.id);
                  return (
                    <td key={rule.id} className="px-1 py-2.5 text-center">
                      <CheckMark id={rule.id} name={rule.name} passed={check?.passed ?? null} />
                    </td>
                  );
                })}
                <td className="px-3 py-2.5">
                  <NextBestActionBadge action={row.nextBestAction} />
                </td>
                <td className="py-2.5 pl-3 pr-5">
                  <DecisionCell decision={row.decision} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function SeverityPair({ reported, assessed }: { reported: string | null; assessed: string | null }) {
  const mismatch = reported !== null && assessed !== null && reported !== assessed;
  return (
    <div className="flex min-w-0 flex-col text-[13px] leading-5">
      <span className="text-foreground">
        <span className="sr-only">Reported: </span>
        {reported ?? "Not reported"}
      </span>
      <span className={`text-xs ${mismatch ? "font-medium text-danger" : "text-subtle"}`}>
        <span aria-hidden="true">{mismatch ? "≠ " : "= "}</span>
        <span className="sr-only">{mismatch ? "Assessed differently: " : "Assessed: "}</span>
        {assessed ?? "not assessed"}
      </span>
    </div>
  );
}

function DecisionCell({ decision }: { decision: Row["decision"] }) {
  if (!decision) return <span className="text-xs text-subtle">Undecided</span>;
  return (
    <span className="flex flex-col text-xs leading-4" title={`${decisionPastLabels[decision.decision]} by ${decision.decidedBy}, ${formatTimestamp(decision.decidedAt)}`}>
      <span className="font-medium text-foreground">{decisionPastLabels[decision.decision]}</span>
      <span className="max-w-[11rem] truncate text-subtle">{decision.decidedBy}</span>
    </span>
  );
}

function SortArrow({ direction }: { direction: "asc" | "desc" | null }) {
  return (
    <svg width="10" height="10" viewBox="0 0 10 10" aria-hidden="true" className={direction ? "text-foreground" : "text-subtle opacity-60"}>
      {direction === "asc" ? <path d="M5 2 8.5 7h-7z" fill="currentColor" /> : null}
      {direction === "desc" ? <path d="M5 8 1.5 3h7z" fill="currentColor" /> : null}
      {direction === null ? <path d="M5 1.5 7.5 4h-5zM5 8.5 2.5 6h5z" fill="currentColor" /> : null}
    </svg>
  );
}

/** "1–50 of 486", the page buttons and the page size. */
export function QueuePager({ data, filters, setFilters }: { data: ClaimsResponse; filters: ClaimsFilters; setFilters: (patch: ClaimsFilterPatch) => void }) {
  const pages = Math.max(1, Math.ceil(data.total / data.pageSize));
  const first = data.total === 0 ? 0 : (data.page - 1) * data.pageSize + 1;
  const last = Math.min(data.total, data.page * data.pageSize);
  const go = (page: number) => setFilters({ page: page === 1 ? null : page });
  return (
    <nav aria-label="Queue pages" className="flex flex-wrap items-center gap-x-4 gap-y-2 border-t border-border px-5 py-3 text-xs text-muted">
      <p className="mr-auto tabular-nums" data-testid="queue-range">
        {formatCount(first)}–{formatCount(last)} of <span className="font-medium text-foreground">{formatCount(data.total)}</span> claims
      </p>
      <label className="flex items-center gap-2">
        Rows per page
        <select
          value={String(filters.pageSize)}
          onChange={(event) => setFilters({ pageSize: Number(event.target.value), page: null })}
          className="h-7 rounded-md border border-border bg-surface px-1.5 text-xs text-foreground"
        >
          {[...new Set([...PAGE_SIZES, filters.pageSize])].sort((a, b) => a - b).map((size) => (
            <option key={size} value={size}>
              {size}
            </option>
          ))}
        </select>
      </label>
      <div className="flex items-center gap-1">
        <button type="button" className={buttonClass.ghost} disabled={data.page <= 1} onClick={() => go(1)} aria-label="First page">
          «
        </button>
        <button type="button" className={buttonClass.ghost} disabled={data.page <= 1} onClick={() => go(data.page - 1)}>
          ‹ Previous
        </button>
        <span className="px-2 tabular-nums">
          Page {formatCount(data.page)} of {formatCount(pages)}
        </span>
        <button type="button" className={buttonClass.ghost} disabled={data.page >= pages} onClick={() => go(data.page + 1)}>
          Next ›
        </button>
        <button type="button" className={buttonClass.ghost} disabled={data.page >= pages} onClick={() => go(pages)} aria-label="Last page">
          »
        </button>
      </div>
    </nav>
  );
}
