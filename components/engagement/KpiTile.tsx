"use client";

import { memo } from "react";
import type { EngagementMetrics } from "@/lib/api/engagementSchema";
import {
  NO_DATA,
  describePreviousPeriod,
  formatCount,
  formatPercent,
  formatPeriod,
  formatPointChange,
  formatRelativeChange,
  pointChange,
  relativeChange,
} from "@/lib/format";
import { countryLabel } from "./FiltersBar";
import { METRIC_DEFINITIONS, METRIC_LABELS } from "./metrics";
import { Tile } from "./Tile";
import { tileFrame, type EngagementView } from "./view";

type KpiKey = "sends" | "uniqueOpens" | "openRate" | "uniqueClicks" | "clickRatio";

type KpiDefinition = {
  key: KpiKey;
  format: (value: number | null) => string;
  /** Ratios change in percentage points, counts in percent. */
  change: "points" | "relative";
  /** null: a change is news, neither good nor bad (sending more email is a choice, not a result). */
  higherIsBetter: boolean | null;
};

export const KPI_DEFINITIONS = [
  { key: "sends", format: formatCount, change: "relative", higherIsBetter: null },
  { key: "uniqueOpens", format: formatCount, change: "relative", higherIsBetter: true },
  { key: "openRate", format: formatPercent, change: "points", higherIsBetter: true },
  { key: "uniqueClicks", format: formatCount, change: "relative", higherIsBetter: true },
  { key: "clickRatio", format: formatPercent, change: "points", higherIsBetter: true },
] as const satisfies readonly KpiDefinition[];

export const KpiTile = memo(function KpiTile({ view, campaignName }: { view: EngagementView; campaignName: string | null }) {
  const frame = tileFrame(view, "key-figures", (data) => data.totals.sends === 0 && data.previous.sends === 0);
  const { data, country } = view;
  const scope = [country ? countryLabel(country) : null, campaignName ? `Campaign ${campaignName}` : null].filter(Boolean).join(" · ");
  return (
    <Tile
      {...frame}
      title="Key figures"
      className="lg:col-span-2"
      emptyTitle="No emails were sent in this period or the one before."
      skeleton={
        <div className="grid grid-cols-2 gap-px overflow-hidden rounded-lg border border-border bg-border md:grid-cols-5">
          {KPI_DEFINITIONS.map((kpi) => (
            <div key={kpi.key} className="flex flex-col gap-3 bg-surface p-4 last:col-span-2 md:last:col-span-1">
              <div className="h-3 w-20 rounded bg-surface-muted" />
              <div className="h-7 w-20 rounded bg-surface-muted" />
              <div className="h-3 w-28 rounded bg-surface-muted" />
            </div>
          ))}
        </div>
      }
    >
      {data ? (
        <>
          <p className="mb-3 text-xs leading-5 text-muted">
            {scope ? (
              <>
                <span className="font-medium text-foreground">{scope}</span>.{" "}
              </>
            ) : null}
            Changes against the {describePreviousPeriod(data.period, data.previousPeriod)},{" "}
            <span className="whitespace-nowrap">{formatPeriod(data.previousPeriod)}</span>
            {data.previous.sends === 0 ? ", when no emails were sent: there is nothing to compare against." : "."}
          </p>
          <dl className="grid grid-cols-2 gap-px overflow-hidden rounded-lg border border-border bg-border md:grid-cols-5">
            {KPI_DEFINITIONS.map((kpi) => (
              <Kpi key={kpi.key} kpi={kpi} current={data.totals} previous={data.previous} primary={kpi.key === "clickRatio"} />
            ))}
          </dl>
        </>
      ) : null}
    </Tile>
  );
});

function Kpi({ kpi, current, previous, primary }: { kpi: KpiDefinition; current: EngagementMetrics; previous: EngagementMetrics; primary: boolean }) {
  const now = current[kpi.key];
  const before = previous[kpi.key];
  const delta = kpi.change === "points" ? pointChange(now, before) : relativeChange(now, before);
  const changeText = kpi.change === "points" ? formatPointChange(now, before) : formatRelativeChange(now, before);
  // Tenths of a point or percent, as shown: a change that prints as 0.0 is neither good nor bad.
  const rounded = delta === null ? 0 : Math.round(delta * 1000);
  const tone = delta === null || rounded === 0 || kpi.higherIsBetter === null ? "neutral" : rounded > 0 === kpi.higherIsBetter ? "good" : "bad";
  const toneClass = { good: "text-emerald-700 dark:text-emerald-400", bad: "text-danger", neutral: delta === null ? "text-subtle" : "text-muted" }[tone];
  const valueText = kpi.format(now);
  return (
    // Five figures in two columns leave a hole: the last one takes the whole row on narrow screens.
    <div data-kpi={kpi.key} className={`flex min-w-0 flex-col p-4 last:col-span-2 md:last:col-span-1 ${primary ? "bg-accent-soft" : "bg-surface"}`}>
      <dt className="text-xs font-medium text-muted" title={METRIC_DEFINITIONS[kpi.key]}>
        {METRIC_LABELS[kpi.key]}
      </dt>
      <dd className="mt-2 flex flex-col gap-1">
        <span
          data-kpi-value
          className={`font-semibold tracking-tight tabular-nums ${valueText === NO_DATA ? "text-lg text-subtle" : "text-2xl text-foreground"}`}
        >
          {valueText}
        </span>
        <span className="flex flex-wrap items-center gap-x-1.5 text-xs">
          <span data-kpi-change data-tone={tone} className={`inline-flex items-center gap-0.5 font-medium tabular-nums ${toneClass}`}>
            {delta !== null && rounded !== 0 ? <Arrow up={rounded > 0} /> : null}
            {delta === null ? "no comparison" : changeText}
            <span className="sr-only">{tone === "good" ? " (favourable)" : tone === "bad" ? " (unfavourable)" : ""}</span>
          </span>
          {delta !== null ? <span className="text-subtle">from {kpi.format(before)}</span> : before !== null ? <span className="text-subtle">(was {kpi.format(before)})</span> : null}
        </span>
        <span className="text-[11px] leading-4 text-subtle">{METRIC_DEFINITIONS[kpi.key]}</span>
      </dd>
    </div>
  );
}

function Arrow({ up }: { up: boolean }) {
  return (
    <svg width="10" height="10" viewBox="0 0 10 10" aria-hidden="true" className={up ? "" : "rotate-180"}>
      <path d="M5 1.5 9 8H1z" fill="currentColor" />
    </svg>
  );
}
