"use client";

import { useState } from "react";
import { downloadCsv } from "@/components/loss-summary/csv";

export type TileCsv = { fileName: string; rows: () => Record<string, string | number | null>[] };

/** The view's filters as the URL holds them, in the shape the export record accepts. */
function currentFilters(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(window.location.search)) {
    if (/^[A-Za-z]{1,40}$/.test(key) && Object.keys(out).length < 30) out[key] = value.slice(0, 500);
  }
  return out;
}

/**
 * A tile's "Download CSV": the export goes on the audit log first (POST /api/exports), and the file is
 * saved only once the server has recorded it.
 */
export function CsvButton({ dashboard, tile, title, csv, disabled }: { dashboard: "loss-summary" | "engagement"; tile: string; title: string; csv: TileCsv | null; disabled: boolean }) {
  const [state, setState] = useState<{ kind: "idle" | "pending" } | { kind: "error"; message: string }>({ kind: "idle" });

  const run = async () => {
    if (!csv) return;
    setState({ kind: "pending" });
    const rows = csv.rows();
    try {
      const response = await fetch("/api/exports", {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json" },
        body: JSON.stringify({ dashboard, tile, fileName: csv.fileName, rows: rows.length, filters: currentFilters() }),
      });
      if (!response.ok) {
        const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
        throw new Error(body?.error?.message ?? `The server answered ${response.status}.`);
      }
      await downloadCsv(csv.fileName, rows);
      setState({ kind: "idle" });
    } catch (error) {
      setState({ kind: "error", message: `Export not recorded, so not downloaded: ${error instanceof Error ? error.message : String(error)}` });
    }
  };

  return (
    <>
      {state.kind === "error" ? (
        <span role="alert" className="max-w-xs text-xs text-danger">
          {state.message}
        </span>
      ) : null}
      <button
        type="button"
        disabled={!csv || disabled || state.kind === "pending"}
        onClick={() => void run()}
        aria-label={`Download CSV: ${title}`}
        className="inline-flex items-center gap-1 rounded-md px-2 py-1 text-xs font-medium text-muted transition-colors hover:bg-surface-muted hover:text-foreground disabled:pointer-events-none disabled:opacity-40"
      >
        <svg width="12" height="12" viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="1.75" aria-hidden="true">
          <path d="M8 2.5v8M4.5 7 8 10.5 11.5 7M3 13.5h10" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
        Download CSV
      </button>
    </>
  );
}
