"use client";

import { useState } from "react";
import type { ClaimDetailResponse } from "@/lib/api/claimsSchema";
import { formatCurrency, formatDate, formatHour } from "@/lib/format";
import { CheckMark, checkState } from "./CheckMark";
import { NextBestActionBadge } from "./badges";
import { formatRuleValue } from "./labels";
import { Panel } from "./Panel";

type Check = ClaimDetailResponse["assessment"]["checks"][number];

function nextBestActionReason(checks: Check[]): string {
  const failed = checks.filter((c) => c.passed === false);
  const unknown = checks.filter((c) => c.passed === null);
  if (failed.length === 0 && unknown.length === 0) return `Every one of the ${checks.length} checks passed.`;
  const parts: string[] = [];
  if (failed.length > 0) parts.push(`${failed.length} of ${checks.length} ${checks.length === 1 ? "check" : "checks"} failed (${failed.map((c) => c.name).join(", ")})`);
  if (unknown.length > 0) parts.push(`${unknown.length} could not be made (${unknown.map((c) => c.name).join(", ")})`);
  return `${parts.join("; ")}. Funds are released automatically only when every check passes.`;
}

/** Reported vs assessed, the next best action and why, and each rule with what it compared. */
export function Assessment({ detail }: { detail: ClaimDetailResponse }) {
  const { assessment, claim } = detail;
  const severityCheck = assessment.checks.find((c) => c.id === "severity_consistent");
  return (
    <Panel id="assessment" title="Assessment" state="loaded" bodyClassName="px-5 pb-5 pt-3 gap-5">
      <div className="flex flex-col gap-2 rounded-lg border border-border bg-surface-muted/50 px-4 py-3 sm:flex-row sm:items-center sm:gap-4">
        <div className="flex shrink-0 items-center gap-2">
          <span className="text-xs font-medium text-muted">Next best action</span>
          <NextBestActionBadge action={assessment.nextBestAction} size="md" />
        </div>
        <p className="text-xs leading-5 text-muted">{nextBestActionReason(assessment.checks)}</p>
      </div>

      <div className="grid gap-3 sm:grid-cols-2" aria-label="Reported vs assessed severity" role="group">
        <div className="flex flex-col gap-1 rounded-lg border border-border px-4 py-3">
          <p className="text-xs font-medium text-muted">Reported by the claimant</p>
          <p className="text-lg font-semibold tracking-tight text-foreground" data-testid="reported-severity">
            {claim.reportedSeverity ?? "Not reported"}
          </p>
          <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-xs text-muted">
            <dt>Incident</dt>
            <dd className="text-foreground">{[claim.incidentType, claim.collisionType].filter(Boolean).join(" · ") || "Not recorded"}</dd>
            <dt>When</dt>
            <dd className="text-foreground">
              {formatDate(claim.incidentDate)}
              {claim.incidentHour === null ? "" : `, ${formatHour(claim.incidentHour)}`}
            </dd>
            <dt>Vehicles</dt>
            <dd className="text-foreground">{claim.vehiclesInvolved ?? "not recorded"}</dd>
            <dt>Witnesses</dt>
            <dd className="text-foreground">{claim.witnesses ?? "not recorded"}</dd>
            <dt>Claimed</dt>
            <dd className="tabular-nums text-foreground">{formatCurrency(claim.amounts.total)}</dd>
          </dl>
        </div>
        <AssessedSeverity detail={detail} mismatch={severityCheck?.passed === false} />
      </div>

      <div className="flex flex-col gap-2">
        <h3 className="text-xs font-semibold uppercase tracking-[0.08em] text-muted">Checks</h3>
        <div aria-hidden="true" className="hidden grid-cols-[minmax(0,1fr)_10rem_10rem] gap-4 border-b border-border pb-2 text-xs font-medium text-muted sm:grid">
          <span>Rule</span>
          <span>Expected</span>
          <span>Claim has</span>
        </div>
        <ul className="flex flex-col" aria-label="Checks">
          {assessment.checks.map((check) => {
            const state = checkState(check.passed);
            return (
              <li
                key={check.id}
                data-rule={check.id}
                data-check-state={state}
                className="grid grid-cols-2 gap-x-4 gap-y-2 border-b border-border py-3 last:border-b-0 sm:grid-cols-[minmax(0,1fr)_10rem_10rem]"
              >
                <div className="col-span-2 flex items-start gap-2.5 sm:col-span-1">
                  <CheckMark id={check.id} name={check.name} passed={check.passed} size="md" />
                  <div className="min-w-0">
                    <p className="flex flex-wrap items-center gap-x-2 text-sm font-medium text-foreground">
                      {check.name}
                      <span className={`text-[11px] font-medium ${state === "failed" ? "text-danger" : state === "unknown" ? "text-subtle" : "text-emerald-700 dark:text-emerald-400"}`}>
                        {state === "failed" ? "Failed" : state === "unknown" ? "Not known" : "Passed"}
                      </span>
                      {check.severity === "high" ? <span className="rounded bg-surface-muted px-1.5 text-[10px] uppercase tracking-wide text-muted">high</span> : null}
                    </p>
                    <p className="mt-0.5 max-w-md text-xs leading-5 text-muted">{check.description}</p>
                  </div>
                </div>
                <dl className="contents">
                  <div className="ml-8 flex min-w-0 flex-col sm:ml-0">
                    <dt className="text-[11px] text-subtle sm:sr-only">Expected</dt>
                    <dd className="break-words font-mono text-xs tabular-nums text-foreground" title={check.expected ?? undefined}>
                      {check.expected ? formatRuleValue(check.expected) : <span className="font-sans text-subtle">–</span>}
                    </dd>
                  </div>
                  <div className="flex min-w-0 flex-col">
                    <dt className="text-[11px] text-subtle sm:sr-only">Claim has</dt>
                    <dd className={`break-words font-mono text-xs tabular-nums ${state === "failed" ? "font-semibold text-danger" : "text-foreground"}`} data-testid="check-actual" title={check.actual ?? undefined}>
                      {check.actual ? formatRuleValue(check.actual) : <span className="font-sans text-subtle">no data</span>}
                    </dd>
                  </div>
                </dl>
              </li>
            );
          })}
        </ul>
      </div>
    </Panel>
  );
}

function AssessedSeverity({ detail, mismatch }: { detail: ClaimDetailResponse; mismatch: boolean }) {
  const image = detail.images[0];
  const [failed, setFailed] = useState(false);
  const score = detail.assessment.damageScore;
  return (
    <div className={`flex flex-col gap-2 rounded-lg border px-4 py-3 ${mismatch ? "border-danger/50" : "border-border"}`}>
      <div className="flex items-start justify-between gap-3">
        <div>
          <p className="text-xs font-medium text-muted">Assessed from the damage photo</p>
          <p className={`text-lg font-semibold tracking-tight ${mismatch ? "text-danger" : "text-foreground"}`} data-testid="assessed-severity">
            {detail.assessment.assessedSeverity ?? "Not assessed"}
          </p>
        </div>
        {score !== null ? (
          <div className="flex flex-col items-end gap-1 text-xs text-muted">
            <span>
              score <span className="font-semibold tabular-nums text-foreground">{score.toFixed(2)}</span>
            </span>
            <span aria-hidden="true" className="relative block h-1.5 w-20 rounded-full bg-gradient-to-r from-emerald-500 via-amber-400 to-red-600">
              <span className="absolute top-1/2 size-2.5 -translate-x-1/2 -translate-y-1/2 rounded-full border-2 border-surface bg-foreground" style={{ left: `${Math.min(Math.max(score, 0), 1) * 100}%` }} />
            </span>
          </div>
        ) : null}
      </div>
      {image && !failed ? (
        <figure className="relative overflow-hidden rounded-md border border-border bg-surface-muted">
          <a href={image.url} target="_blank" rel="noopener" title="Open the image in a new tab">
            <img src={image.url} alt={`Damage image of claim ${detail.claim.claimNo}, assessed as ${image.assessedSeverity ?? "unknown"}`} width={640} height={400} className="aspect-[16/10] h-auto w-full object-contain" onError={() => setFailed(true)} />
          </a>
          {image.illustrative ? (
            <figcaption className="absolute left-2 top-2 rounded bg-surface/90 px-1.5 py-0.5 text-[10px] font-semibold uppercase tracking-wide text-muted shadow-sm">
              Illustrative image
            </figcaption>
          ) : null}
        </figure>
      ) : (
        <p className="rounded-md border border-dashed border-border px-3 py-4 text-center text-xs text-muted">
          {image ? "The damage image could not be loaded." : "No damage photo on file: the severity check is unknown, not failed."}
        </p>
      )}
    </div>
  );
}
