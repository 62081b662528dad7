"use client";

import { useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { useSearchParams } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { ClaimsApiError, describeClaimsError, readClaimsApi } from "@/hooks/claimsApi";
import { useClaimsFilters } from "@/hooks/useClaimsFilters";
import { claimsQueueOptions, useClaimsQueue } from "@/hooks/useClaimsQueue";
import { usePrefetchingFilters } from "@/hooks/usePrefetchingFilters";
import { downloadBlob } from "@/components/loss-summary/csv";
import { IgnoredParamsNotice } from "@/components/dashboard/IgnoredParamsNotice";
import { formatCount } from "@/lib/format";
import { EXPORT_CAP, exportFileName } from "@/lib/api/claimsCsv";
import type { CounterDefinition } from "./labels";
import { Panel, PanelMessage, buttonClass, type PanelState } from "./Panel";
import { QueueChips } from "./QueueChips";
import { QueueCounters } from "./QueueCounters";
import { QueueFilters } from "./QueueFilters";
import { QueuePager, QueueTable } from "./QueueTable";
import { claimsApiSearch, clearedFilters, filtersAfter, narrowingKeys, quickFilterKeys, toClaimsQuery, type ClaimsFilterKey, type ClaimsFilterPatch } from "./queueParams";
import { PAGE_COLUMN } from "@/components/pageColumn";

const FILTER_NAMES: Partial<Record<ClaimsFilterKey, string>> = {
  from: "start date",
  to: "end date",
  policyType: "policy type",
  incidentType: "incident type",
  failedCheck: "failed check",
  nextBestAction: "next best action",
  decisionStatus: "decision",
  q: "search",
  sort: "sort order",
  dir: "sort direction",
  pageSize: "page size",
};

const WITH_DEFAULTS = new Set<ClaimsFilterKey>(["sort", "dir", "page", "pageSize"]);

export function ClaimsQueue() {
  const [filters, setUrlFilters] = useClaimsFilters();
  const query = useMemo(() => toClaimsQuery(filters), [filters]);
  const result = useClaimsQueue(query);
  const data = result.data;

  // The next page of the queue is asked for in the event handler, before React renders the change.
  const queryClient = useQueryClient();
  const { setFilters: setAndPrefetch } = usePrefetchingFilters(filters, setUrlFilters, (next) => {
    void queryClient.prefetchQuery(claimsQueueOptions(toClaimsQuery(filtersAfter(next))));
  });
  // Any change of what is shown starts again at page 1; changing the page itself keeps the filters.
  const setFilters = useCallback(
    (patch: ClaimsFilterPatch, options?: { history?: "push" | "replace" }) => setAndPrefetch("page" in patch ? patch : { ...patch, page: null }, options),
    [setAndPrefetch],
  );
  const anyFilter = narrowingKeys.some((key) => filters[key] !== null);
  const clearAll = useCallback(() => setFilters(clearedFilters), [setFilters]);

  const selectCounter = (counter: CounterDefinition, active: boolean) => {
    const cleared = Object.fromEntries(quickFilterKeys.map((key) => [key, null])) as ClaimsFilterPatch;
    setFilters(active && counter.key !== "claims" ? cleared : { ...cleared, ...counter.filter });
  };

  let errorMessage: string | null = null;
  if (result.isError && !result.isFetching) errorMessage = describeClaimsError(result.error);
  // A 4xx is about the filters (an unknown rule in a shared link, say): retrying will not fix it, clearing them will.
  const rejectedFilters = result.error instanceof ClaimsApiError && result.error.status >= 400 && result.error.status < 500;
  const updating = result.isPlaceholderData || (result.isFetching && !result.isPending);
  const state: PanelState = data ? (data.rows.length === 0 ? "empty" : "loaded") : errorMessage !== null ? "error" : "loading";
  const countersState: PanelState = data ? "loaded" : errorMessage !== null ? "error" : "loading";

  return (
    <div className={`${PAGE_COLUMN} flex flex-col gap-5 py-8 sm:py-10`}>
      <header className="flex flex-col gap-2">
        <p className="text-xs font-semibold uppercase tracking-[0.14em] text-accent-strong">Claims Investigation</p>
        <h1 className="text-2xl font-semibold tracking-tight text-foreground sm:text-3xl">Claims queue</h1>
        <p className="max-w-3xl text-sm leading-6 text-muted">
          Every claim is checked against its policy, damage photo and telematics. Open one to see why a check failed and record a decision.
        </p>
      </header>
      <IgnoredQueueParams />
      <QueueCounters counters={data?.counters} filters={filters} state={countersState} updating={updating} onSelect={selectCounter} />
      <QueueFilters filters={filters} setFilters={setFilters} rules={data?.rules} />
      <QueueChips filters={filters} rules={data?.rules} setFilters={setFilters} clearAll={clearAll} />
      <Panel
        id="queue"
        title={
          <>
            Queue
            {data ? <span className="ml-2 font-normal tabular-nums text-muted">{formatCount(data.total)} claims</span> : null}
          </>
        }
        state={state}
        updating={updating}
        bodyClassName="pt-3"
        actions={<QueueExport disabled={state !== "loaded"} query={query} />}
      >
        {state === "loading" ? (
          <TableSkeleton rows={Math.min(filters.pageSize, 12)} />
        ) : state === "error" ? (
          <PanelMessage tone="error" title="The queue could not be loaded" detail={errorMessage}>
            {rejectedFilters && anyFilter ? (
              <button type="button" onClick={clearAll} className={buttonClass.secondary}>
                Clear filters
              </button>
            ) : null}
            <button type="button" onClick={() => void result.refetch()} className={buttonClass.primary}>
              Retry
            </button>
          </PanelMessage>
        ) : data && state === "empty" ? (
          <>
            <PanelMessage
              tone="empty"
              title={data.page > 1 && data.total > 0 ? "This page is past the end of the queue" : "No claims match these filters"}
              detail={data.page > 1 && data.total > 0 ? "The queue has fewer claims than when this page was opened." : "Widen the period or remove a filter."}
            >
              {data.page > 1 && data.total > 0 ? (
                <button type="button" onClick={() => setFilters({ page: null })} className={buttonClass.secondary}>
                  First page
                </button>
              ) : anyFilter ? (
                <button type="button" onClick={clearAll} className={buttonClass.secondary}>
                  Clear filters
                </button>
              ) : null}
            </PanelMessage>
          </>
        ) : data ? (
          <div className={`transition-opacity ${updating ? "opacity-60" : ""}`}>
            <QueueTable data={data} filters={filters} setFilters={setFilters} />
            <QueuePager data={data} filters={filters} setFilters={setFilters} />
          </div>
        ) : null}
      </Panel>
    </div>
  );
}

function QueueExport({ disabled, query }: { disabled: boolean; query: ReturnType<typeof toClaimsQuery> }) {
  const [status, setStatus] = useState<{ kind: "idle" | "running" } | { kind: "done" | "error"; message: string }>({ kind: "idle" });
  const controller = useRef<AbortController | null>(null);
  useEffect(() => () => controller.current?.abort(), []);

  // The server writes the file (and puts the export on the audit log); the page saves what it sends.
  const run = async () => {
    controller.current?.abort();
    const abort = new AbortController();
    controller.current = abort;
    setStatus({ kind: "running" });
    try {
      const response = await fetch(`/api/claims/export?${claimsApiSearch({ ...query, page: 1 })}`, { signal: abort.signal });
      if (!response.ok) await readClaimsApi(response, z.unknown(), "claims export");
      const rows = Number(response.headers.get("x-export-rows"));
      const total = Number(response.headers.get("x-export-total"));
      downloadBlob(exportFileName(query), await response.blob());
      setStatus({
        kind: "done",
        message:
          total > rows
            ? `Exported the first ${formatCount(rows)} of ${formatCount(total)} claims (the export stops at ${formatCount(EXPORT_CAP)}): narrow the filters to export the rest.`
            : `Exported ${formatCount(rows)} claims.`,
      });
    } catch (error) {
      if (abort.signal.aborted) return;
      setStatus({ kind: "error", message: `The export failed: ${describeClaimsError(error)}` });
    }
  };

  return (
    <div className="flex items-center gap-2">
      <span aria-live="polite" className={`max-w-md text-right text-xs ${status.kind === "error" ? "text-danger" : "text-muted"}`} data-testid="export-status">
        {status.kind === "done" || status.kind === "error" ? status.message : status.kind === "running" ? "Exporting…" : ""}
      </span>
      <button type="button" className={buttonClass.ghost} disabled={disabled || status.kind === "running"} onClick={() => void run()}>
        <svg width="12" height="12" viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="1.75" aria-hidden="true">
          <path d="M8 2.5v8M4.5 7 8 10.5 11.5 7M3 13.5h10" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
        Export CSV
      </button>
    </div>
  );
}

function TableSkeleton({ rows }: { rows: number }) {
  return (
    <div aria-hidden="true" className="flex animate-pulse flex-col border-t border-border">
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="flex items-center gap-6 border-b border-border px-5 py-3.5 last:border-b-0">
          <div className="h-4 w-28 rounded bg-surface-muted" />
          <div className="h-4 w-20 rounded bg-surface-muted" />
          <div className="h-4 w-36 rounded bg-surface-muted" />
          <div className="h-4 w-24 rounded bg-surface-muted" />
          <div className="ml-auto h-4 w-16 rounded bg-surface-muted" />
          <div className="h-4 w-24 rounded bg-surface-muted" />
        </div>
      ))}
    </div>
  );
}

/** The parameters of a shared link the queue did not understand (it shows more claims, or its defaults, instead). */
function IgnoredQueueParams() {
  const search = useSearchParams();
  const [filters] = useClaimsFilters();
  const ignored = (Object.keys(filters) as ClaimsFilterKey[]).filter((key) => {
    const raw = search.get(key);
    if (raw === null || raw === "") return false;
    const value = filters[key];
    // Sort and paging fall back to their defaults rather than to nothing.
    return value === null || (WITH_DEFAULTS.has(key) && String(value) !== raw);
  });
  return <IgnoredParamsNotice params={ignored} names={FILTER_NAMES} kind="value" />;
}
