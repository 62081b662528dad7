"use client";

import { useMemo, useState, type ReactNode } from "react";
import type { EngagementMetrics } from "@/lib/api/engagementSchema";
import { formatCount } from "@/lib/format";
import { METRIC_DEFINITIONS, METRIC_LABELS, formatMetric, type MetricKey } from "./metrics";

export const TABLE_METRICS = ["sends", "opens", "uniqueOpens", "clicks", "uniqueClicks", "openRate", "clickRatio"] as const satisfies readonly MetricKey[];

type SortKey = "name" | MetricKey;
type Sort = { key: SortKey; descending: boolean };

export type MetricTableProps<Row extends EngagementMetrics> = {
  /** Accessible name of the table. */
  caption: string;
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  nameHeader: string;
  name: (row: Row) => string;
  /** The name cell; defaults to the name as text. */
  renderName?: (row: Row) => ReactNode;
  /** When given, a row is a button-like target that selects it (and clears it when it is the selected one). */
  onSelect?: (row: Row) => void;
  isSelected?: (row: Row) => boolean;
  selectLabel?: (row: Row, selected: boolean) => string;
  /** Scrolls within this height, keeping the header in view. */
  maxHeightClass?: string;
  /**
   * Rows drawn at first (in the current sort order), the rest behind a "Show all" button: a long table
   * costs a redraw every time the filters change, and the first rows are what is read.
   */
  initialRows?: number;
};

function compare(a: number | string, b: number | string): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  return String(a).localeCompare(String(b));
}

/** Engagement figures per row, sortable by any column; ratios without a denominator sort last either way. */
export function MetricTable<Row extends EngagementMetrics>({
  caption,
  rows,
  rowKey,
  nameHeader,
  name,
  renderName,
  onSelect,
  isSelected,
  selectLabel,
  maxHeightClass,
  initialRows,
}: MetricTableProps<Row>) {
  const [sort, setSort] = useState<Sort>({ key: "sends", descending: true });
  const [showAll, setShowAll] = useState(false);
  const sorted = useMemo(() => {
    const value = (row: Row) => (sort.key === "name" ? name(row) : row[sort.key]);
    return [...rows].sort((a, b) => {
      const va = value(a);
      const vb = value(b);
      if (va === null || vb === null) return va === vb ? 0 : va === null ? 1 : -1;
      const order = compare(va, vb);
      // Ties fall back to the name, so equal figures keep a stable, readable order.
      return (sort.descending ? -order : order) || name(a).localeCompare(name(b));
    });
  }, [rows, sort, name]);

  const header = (key: SortKey, label: string, title?: string) => {
    const active = sort.key === key;
    const numeric = key !== "name";
    return (
      <th
        key={key}
        scope="col"
        aria-sort={active ? (sort.descending ? "descending" : "ascending") : "none"}
        className={`sticky top-0 z-[1] whitespace-nowrap border-b border-border bg-surface px-3 py-2 font-medium ${numeric ? "text-right" : "text-left"}`}
      >
        <button
          type="button"
          title={title}
          onClick={() => setSort({ key, descending: active ? !sort.descending : numeric })}
          className={`inline-flex items-center gap-1 rounded px-1 py-0.5 -mx-1 hover:bg-surface-muted hover:text-foreground ${active ? "text-foreground" : ""} ${numeric ? "flex-row-reverse" : ""}`}
        >
          {label}
          <SortIcon direction={active ? (sort.descending ? "descending" : "ascending") : null} />
        </button>
      </th>
    );
  };

  return (
    <div className={`overflow-auto rounded-lg border border-border ${maxHeightClass ?? ""}`} tabIndex={maxHeightClass ? 0 : undefined} role={maxHeightClass ? "region" : undefined} aria-label={maxHeightClass ? caption : undefined}>
      <table className="w-full min-w-[44rem] border-collapse text-sm tabular-nums">
        <caption className="sr-only">{caption}. Column headers sort the table.</caption>
        <thead className="text-xs text-muted">
          <tr>
            {header("name", nameHeader)}
            {TABLE_METRICS.map((m) => header(m, METRIC_LABELS[m], METRIC_DEFINITIONS[m]))}
          </tr>
        </thead>
        <tbody>
          {(showAll || initialRows === undefined ? sorted : sorted.slice(0, initialRows)).map((row) => {
            const selected = isSelected?.(row) ?? false;
            return (
              <tr
                key={rowKey(row)}
                data-row={rowKey(row)}
                data-selected={selected || undefined}
                onClick={onSelect ? () => onSelect(row) : undefined}
                className={`border-b border-border last:border-b-0 ${onSelect ? "cursor-pointer hover:bg-surface-muted" : ""} ${selected ? "bg-accent-soft hover:bg-accent-soft" : ""}`}
              >
                <th scope="row" className="max-w-[18rem] px-3 py-2 text-left font-medium text-foreground">
                  {onSelect ? (
                    <button
                      type="button"
                      aria-pressed={selected}
                      aria-label={selectLabel?.(row, selected)}
                      onClick={(event) => {
                        // The row's own handler would select it a second time.
                        event.stopPropagation();
                        onSelect(row);
                      }}
                      className="-mx-1 rounded px-1 text-left hover:underline"
                    >
                      {renderName ? renderName(row) : name(row)}
                    </button>
                  ) : renderName ? (
                    renderName(row)
                  ) : (
                    name(row)
                  )}
                </th>
                {TABLE_METRICS.map((m) => {
                  const text = formatMetric(m, row[m]);
                  return (
                    <td key={m} data-metric={m} className={`whitespace-nowrap px-3 py-2 text-right ${row[m] === null ? "text-subtle" : "text-foreground"}`}>
                      {text}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
      {!showAll && initialRows !== undefined && sorted.length > initialRows ? (
        <div className="sticky left-0 flex items-center justify-between gap-3 border-t border-border px-3 py-2 text-xs text-muted">
          <span data-rows-shown={initialRows}>
            Showing the first {formatCount(initialRows)} of {formatCount(sorted.length)} in this order
          </span>
          <button type="button" onClick={() => setShowAll(true)} className="rounded-md border border-border px-2 py-1 font-medium text-foreground hover:bg-surface-muted">
            Show all {formatCount(sorted.length)}
          </button>
        </div>
      ) : null}
    </div>
  );
}

function SortIcon({ direction }: { direction: "ascending" | "descending" | null }) {
  return (
    <svg width="10" height="10" viewBox="0 0 10 10" aria-hidden="true" className={direction ? "text-foreground" : "text-subtle opacity-60"}>
      {direction === "ascending" ? (
        <path d="M5 2 8.5 7h-7z" fill="currentColor" />
      ) : direction === "descending" ? (
        <path d="M5 8 1.5 3h7z" fill="currentColor" />
      ) : (
        <path d="M5 1.5 7.5 4.5h-5zM5 8.5 2.5 5.5h5z" fill="currentColor" />
      )}
    </svg>
  );
}
