"use client";

import type { ClaimsResponse } from "@/lib/api/claimsSchema";
import { formatCount } from "@/lib/format";
import { COUNTERS, type CounterDefinition } from "./labels";
import type { PanelState } from "./Panel";
import type { ClaimsFilters } from "./queueParams";

const TONE_DOT = { neutral: "bg-subtle", warning: "bg-amber-500", danger: "bg-danger" } as const;

/**
 * The counters over the period and drill-through filters. Each is a quick filter: choosing one shows just
 * that set (so the table holds the number on the tile); choosing it again, or "Claims", shows them all.
 */
export function QueueCounters({
  counters,
  filters,
  state,
  updating,
  onSelect,
}: {
  counters: ClaimsResponse["counters"] | undefined;
  filters: ClaimsFilters;
  state: PanelState;
  updating: boolean;
  onSelect: (counter: CounterDefinition, active: boolean) => void;
}) {
  const dataState = updating ? "loading" : state;
  return (
    <section aria-label="Claim counters" data-tile="counters" data-state={dataState} aria-busy={dataState === "loading"}>
      <ul className="grid grid-cols-2 gap-2 sm:grid-cols-4 lg:grid-cols-7">
        {COUNTERS.map((counter) => {
          const active = counter.isActive(filters);
          const value = counters?.[counter.key];
          return (
            <li key={counter.key} className="min-w-0">
              <button
                type="button"
                aria-pressed={active}
                data-counter={counter.key}
                title={counter.hint}
                onClick={() => onSelect(counter, active)}
                className={`group flex h-full w-full min-w-0 flex-col items-start gap-1 rounded-lg border px-3 py-2.5 text-left transition-colors ${
                  active
                    ? "border-accent-strong bg-accent-soft shadow-[inset_0_0_0_1px_var(--accent-strong)]"
                    : "border-border bg-surface hover:border-border-strong hover:bg-surface-muted"
                }`}
              >
                <span className="flex w-full items-center gap-1.5 text-xs font-medium text-muted">
                  <span aria-hidden="true" className={`size-1.5 shrink-0 rounded-full ${TONE_DOT[counter.tone]}`} />
                  <span className="truncate">{counter.label}</span>
                </span>
                <span data-counter-value className={`text-xl font-semibold tabular-nums tracking-tight text-foreground ${updating ? "opacity-60" : ""}`}>
                  {value === undefined ? (
                    state === "error" ? (
                      <span className="text-sm font-normal text-subtle">–</span>
                    ) : (
                      <span aria-hidden="true" className="inline-block h-6 w-14 animate-pulse rounded bg-surface-muted align-middle" />
                    )
                  ) : (
                    formatCount(value)
                  )}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
