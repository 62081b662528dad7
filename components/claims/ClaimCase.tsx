"use client";

import { notFound } from "next/navigation";
import { ClaimsApiError, describeClaimsError } from "@/hooks/claimsApi";
import { useClaimDetail } from "@/hooks/useClaimDetail";
import { useClaimNeighbours, type Neighbour } from "@/hooks/useClaimNeighbours";
import { useClaimsFilters } from "@/hooks/useClaimsFilters";
import type { ClaimDetailResponse } from "@/lib/api/claimsSchema";
import { formatCurrency, formatDate, formatHour } from "@/lib/format";
import { Assessment } from "./Assessment";
import { NextBestActionBadge, SuspiciousBadge } from "./badges";
import { CaseNavigation } from "./CaseNavigation";
import { DecisionHistory, DecisionPanel } from "./DecisionPanel";
import { ClaimDetails, DriverDetails, PolicyDetails, VehicleDetails } from "./Details";
import { Journey } from "./Journey";
import { decisionPastLabels } from "./labels";
import { PanelMessage, buttonClass } from "./Panel";
import { caseHref } from "./queueParams";
import { PAGE_COLUMN } from "@/components/pageColumn";

export function ClaimCase({ claimNo, mapStyleUrl, viewerEmail }: { claimNo: string; mapStyleUrl?: string; viewerEmail: string | null }) {
  const [filters] = useClaimsFilters();
  const detail = useClaimDetail(claimNo);
  const neighbours = useClaimNeighbours(claimNo, filters);
  const hrefOf = (n: Neighbour | null) => (n ? caseHref(n.claimNo, { ...filters, page: n.page }) : null);
  const previousHref = hrefOf(neighbours.previous);
  const nextHref = hrefOf(neighbours.next);

  // The API's 404 is the page's: an unknown claim number shows the segment's not-found page.
  if (detail.error instanceof ClaimsApiError && detail.error.status === 404) notFound();

  return (
    <div className={`${PAGE_COLUMN} flex flex-col gap-5 py-6 sm:py-8`} data-claim={claimNo}>
      <CaseNavigation filters={filters} neighbours={neighbours} previousHref={previousHref} nextHref={nextHref} />
      {detail.data ? (
        <CaseBody
          key={claimNo}
          claimNo={claimNo}
          detail={detail.data}
          mapStyleUrl={mapStyleUrl}
          viewerEmail={viewerEmail}
          nextHref={nextHref}
          onRefresh={() => void detail.refetch()}
        />
      ) : detail.isError ? (
        <section data-tile="claim" data-state="error" className="rounded-xl border border-border bg-surface">
          <PanelMessage tone="error" title={`Claim ${claimNo} could not be loaded`} detail={describeClaimsError(detail.error)}>
            <button type="button" onClick={() => void detail.refetch()} className={buttonClass.primary} disabled={detail.isFetching}>
              Retry
            </button>
          </PanelMessage>
        </section>
      ) : (
        <CaseSkeleton claimNo={claimNo} />
      )}
    </div>
  );
}

function CaseBody({
  claimNo,
  detail,
  mapStyleUrl,
  viewerEmail,
  nextHref,
  onRefresh,
}: {
  claimNo: string;
  detail: ClaimDetailResponse;
  mapStyleUrl?: string;
  viewerEmail: string | null;
  nextHref: string | null;
  onRefresh: () => void;
}) {
  const { claim, policy } = detail;
  return (
    <>
      <header className="flex flex-col gap-2" data-tile="claim" data-state="loaded">
        {/* The way to the decision shares the eyebrow's line: on a phone the badges wrap, and it would stand alone. */}
        <div className="flex items-center justify-between gap-3">
          <p className="text-xs font-semibold uppercase tracking-[0.14em] text-accent-strong">Claim</p>
          <a href="#decision" className="-my-1 rounded-md px-2 py-1 text-xs font-medium text-accent-strong hover:bg-accent-soft lg:hidden">
            Decide ↓
          </a>
        </div>
        <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
          <h1 className="font-mono text-2xl font-semibold tracking-tight text-foreground sm:text-3xl">{claim.claimNo}</h1>
          <NextBestActionBadge action={detail.assessment.nextBestAction} />
          {claim.suspicious ? <SuspiciousBadge /> : null}
          <span
            data-testid="decision-status"
            className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${
              detail.decision ? "bg-surface-muted text-foreground ring-border-strong" : "text-muted ring-border"
            }`}
          >
            {detail.decision ? decisionPastLabels[detail.decision.decision] : "Undecided"}
          </span>
        </div>
        <p className="text-sm text-muted">
          Policy <span className="font-mono text-foreground">{policy.policyNo}</span> · {claim.incidentType ?? "Incident type not recorded"} on{" "}
          <span className="text-foreground">
            {formatDate(claim.incidentDate)}
            {claim.incidentHour === null ? "" : `, ${formatHour(claim.incidentHour)}`}
          </span>{" "}
          · claimed <span className="font-medium tabular-nums text-foreground">{formatCurrency(claim.amounts.total)}</span>
        </p>
      </header>

      <div className="grid items-start gap-5 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="flex min-w-0 flex-col gap-5">
          <Assessment detail={detail} />
          <Journey claimNo={claimNo} detail={detail} styleUrl={mapStyleUrl} />
          <div className="grid gap-5 md:grid-cols-2">
            <ClaimDetails detail={detail} />
            <PolicyDetails detail={detail} />
            <VehicleDetails detail={detail} />
            <DriverDetails detail={detail} />
          </div>
        </div>
        {/* Beside the evidence on a wide screen and always in view; scrolls on its own when the history is long. */}
        <aside id="decision" aria-label="Decision" className="flex flex-col gap-5 lg:sticky lg:top-20 lg:max-h-[calc(100dvh-6rem)] lg:overflow-y-auto lg:pb-1">
          <DecisionPanel claimNo={claimNo} detail={detail} viewerEmail={viewerEmail} nextHref={nextHref} onRefresh={onRefresh} />
          <DecisionHistory history={detail.history} />
        </aside>
      </div>
    </>
  );
}

function CaseSkeleton({ claimNo }: { claimNo: string }) {
  return (
    <div role="status" aria-live="polite" data-tile="claim" data-state="loading">
      <span className="sr-only">Loading claim {claimNo}</span>
      <div aria-hidden="true" className="animate-pulse">
        <div className="h-3 w-16 rounded bg-surface-muted" />
        <div className="mt-3 h-8 w-56 rounded bg-surface-muted" />
        <div className="mt-3 h-4 w-96 max-w-full rounded bg-surface-muted" />
        <div className="mt-6 grid gap-5 lg:grid-cols-[minmax(0,1fr)_22rem]">
          <div className="flex flex-col gap-5">
            <div className="h-96 rounded-xl border border-border bg-surface" />
            <div className="h-[28rem] rounded-xl border border-border bg-surface" />
          </div>
          <div className="h-[30rem] rounded-xl border border-border bg-surface" />
        </div>
      </div>
    </div>
  );
}
