import type { ReactNode } from "react";
import { formatDate, formatTimestamp } from "@/lib/format";

/**
 * A dashboard's title with its period and how fresh the data is. `period` is what the loaded data says
 * of the period; until data arrives both lines show placeholders, or nothing once the request failed.
 */
export function DashboardHeader({
  eyebrow,
  title,
  failed,
  period,
  asOf,
}: {
  eyebrow: string;
  title: string;
  failed: boolean;
  period: ReactNode | null;
  asOf: { date: string | null; builtAt: string } | null;
}) {
  return (
    <header className="flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between">
      <div className="min-w-0">
        <p className="text-xs font-semibold uppercase tracking-[0.14em] text-accent-strong">{eyebrow}</p>
        <h1 className="mt-2 text-2xl font-semibold tracking-tight text-foreground sm:text-3xl">{title}</h1>
        <p className="mt-2 text-sm text-muted" data-testid="period">
          {period !== null ? (
            period
          ) : failed ? (
            "Period unavailable"
          ) : (
            <span className="inline-block h-4 w-72 max-w-full animate-pulse rounded bg-surface-muted align-middle" aria-hidden="true" />
          )}
        </p>
      </div>
      <p className="shrink-0 text-xs text-subtle sm:text-right" data-testid="as-of">
        {asOf ? (
          <>
            Data as of <span className="font-medium text-muted">{formatDate(asOf.date)}</span> · gold build{" "}
            <span className="tabular-nums">{formatTimestamp(asOf.builtAt)}</span>
          </>
        ) : failed ? null : (
          <span className="inline-block h-3 w-56 animate-pulse rounded bg-surface-muted align-middle" aria-hidden="true" />
        )}
      </p>
    </header>
  );
}
