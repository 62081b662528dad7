"use client";

import Link from "next/link";
import { useId, type ReactNode } from "react";
import { CsvButton, type TileCsv } from "./CsvButton";

export type TileState = "loading" | "loaded" | "empty" | "error";

export type { TileCsv };

export type TileProps = {
  /** The dashboard the tile belongs to, as its exports are recorded. */
  dashboard: "loss-summary" | "engagement";
  /** Stable slug: names the CSV file's record and lets tests find the tile. */
  id: string;
  title: string;
  /** A short note beside the title, e.g. the grain of a trend. */
  badge?: ReactNode;
  /** What the tile shows with the data it has; "loading" and "error" only when it has none. */
  state: TileState;
  /** Previous figures are on screen while newer ones load. */
  updating: boolean;
  errorMessage: string | null;
  rejectedFilters?: boolean;
  onRetry: () => void;
  onClearFilters: (() => void) | null;
  /** null: the tile has nothing to export. */
  csv?: TileCsv | null;
  /** A link to the claims behind the figures, for roles that may open the queue. */
  claimsHref?: string | null;
  skeleton: ReactNode;
  emptyTitle?: string;
  emptyDetail?: string;
  /** Controls in the header beside the CSV button, e.g. a metric switcher. */
  actions?: ReactNode;
  className?: string;
  children: ReactNode;
};

/**
 * A dashboard tile. `data-state` is what tests and benchmarks wait on: it reads "loading" while newer
 * figures are on their way, even when the previous ones stay visible.
 */
export function Tile({
  dashboard,
  id,
  title,
  badge,
  state,
  updating,
  errorMessage,
  rejectedFilters = false,
  onRetry,
  onClearFilters,
  csv = null,
  claimsHref = null,
  skeleton,
  emptyTitle = "Nothing matches these filters.",
  emptyDetail = "Widen the period or remove a filter to see figures here.",
  actions,
  className = "",
  children,
}: TileProps) {
  const titleId = useId();
  const dataState: TileState = updating ? "loading" : state;
  return (
    <section
      aria-labelledby={titleId}
      aria-busy={dataState === "loading"}
      data-tile={id}
      data-state={dataState}
      className={`flex min-w-0 flex-col rounded-xl border border-border bg-surface shadow-[0_1px_2px_rgb(0_0_0/0.04)] ${className}`}
    >
      <header className="flex flex-wrap items-center gap-x-3 gap-y-2 px-5 pt-4">
        <h2 id={titleId} className="text-sm font-semibold tracking-tight text-foreground">
          {title}
        </h2>
        {badge ? <span className="rounded-full bg-surface-muted px-2 py-0.5 text-[11px] font-medium text-muted">{badge}</span> : null}
        <span aria-live="polite" className="mr-auto text-xs text-subtle">
          {updating ? (
            <span className="inline-flex items-center gap-1.5">
              <span aria-hidden="true" className="size-1.5 animate-pulse rounded-full bg-accent" />
              Updating
            </span>
          ) : null}
        </span>
        <div className="flex items-center gap-1">
          {actions}
          {csv !== null ? <CsvButton dashboard={dashboard} tile={id} title={title} csv={csv} disabled={state !== "loaded"} /> : null}
          {claimsHref ? (
            <Link
              href={claimsHref}
              aria-label={`View claims: ${title}`}
              className="inline-flex items-center gap-1 rounded-md px-2 py-1 text-xs font-medium text-accent-strong transition-colors hover:bg-accent-soft"
              prefetch={false}
            >
              View claims
              <svg width="12" height="12" viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="1.75" aria-hidden="true">
                <path d="M3 8h10M9 4l4 4-4 4" strokeLinecap="round" strokeLinejoin="round" />
              </svg>
            </Link>
          ) : null}
        </div>
      </header>
      <div className={`flex flex-1 flex-col px-5 pb-5 pt-3 transition-opacity ${updating ? "opacity-60" : ""}`}>
        {state === "loading" ? (
          <div aria-hidden="true" className="flex-1 animate-pulse">
            {skeleton}
          </div>
        ) : state === "error" ? (
          <TileMessage tone="error" title="These figures could not be loaded" detail={errorMessage}>
            {rejectedFilters && onClearFilters ? <ClearFiltersButton onClick={onClearFilters} /> : null}
            <button
              type="button"
              onClick={onRetry}
              className="rounded-md bg-foreground px-3 py-1.5 text-xs font-medium text-background transition-opacity hover:opacity-90"
            >
              Retry
            </button>
          </TileMessage>
        ) : state === "empty" ? (
          <TileMessage tone="empty" title={emptyTitle} detail={emptyDetail}>
            {onClearFilters ? <ClearFiltersButton onClick={onClearFilters} /> : null}
          </TileMessage>
        ) : (
          children
        )}
      </div>
    </section>
  );
}

export function TileMessage({ tone, title, detail, children }: { tone: "error" | "empty"; title: string; detail: string | null; children?: ReactNode }) {
  return (
    <div role={tone === "error" ? "alert" : undefined} className="flex min-h-40 flex-1 flex-col items-center justify-center gap-2 px-4 py-8 text-center">
      <span
        aria-hidden="true"
        className={`flex size-8 items-center justify-center rounded-full ${tone === "error" ? "bg-danger/10 text-danger" : "bg-surface-muted text-subtle"}`}
      >
        {tone === "error" ? (
          <svg width="16" height="16" viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="1.75">
            <path d="M8 4.5v4M8 11.2v.1" strokeLinecap="round" />
            <circle cx="8" cy="8" r="6.5" />
          </svg>
        ) : (
          <svg width="16" height="16" viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="1.75">
            <path d="M2.5 12.5h11M4.5 12.5V9M8 12.5V6.5M11.5 12.5V10" strokeLinecap="round" />
          </svg>
        )}
      </span>
      <p className="text-sm font-medium text-foreground">{title}</p>
      {detail ? <p className="max-w-sm text-xs leading-5 text-muted">{detail}</p> : null}
      {children ? <div className="mt-2 flex items-center gap-2">{children}</div> : null}
    </div>
  );
}

function ClearFiltersButton({ onClick }: { onClick: () => void }) {
  return (
    <button
      type="button"
      onClick={onClick}
      className="rounded-md border border-border px-3 py-1.5 text-xs font-medium text-foreground hover:bg-surface-muted"
    >
      Clear filters
    </button>
  );
}


/** Grey blocks shaped like a chart, so the page does not jump when figures arrive. */
export function ChartSkeleton({ height = 260, bars = 12 }: { height?: number; bars?: number }) {
  return (
    <div className="flex flex-col gap-3">
      <div className="h-3 w-2/3 rounded bg-surface-muted" />
      <div className="flex items-end gap-2 border-b border-border" style={{ height }}>
        {Array.from({ length: bars }, (_, i) => (
          <div key={i} className="flex-1 rounded-t bg-surface-muted" style={{ height: `${30 + ((i * 37) % 60)}%` }} />
        ))}
      </div>
    </div>
  );
}

/** Grey rows shaped like a table. */
export function TableSkeleton({ rows = 8 }: { rows?: number }) {
  return (
    <div className="flex flex-col gap-2.5">
      <div className="h-4 w-full rounded bg-surface-muted" />
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="h-3.5 rounded bg-surface-muted" style={{ width: `${70 + ((i * 13) % 30)}%` }} />
      ))}
    </div>
  );
}
