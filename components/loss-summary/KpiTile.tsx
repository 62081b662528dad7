"use client";

import type { LossKpis } from "@/lib/api/lossSummarySchema";
import {
  NO_DATA,
  describePreviousPeriod,
  formatPeriod,
  formatCount,
  formatCurrency,
  formatCurrencyCompact,
  formatPercent,
  formatPointChange,
  formatRelativeChange,
  pointChange,
  relativeChange,
} from "@/lib/format";
import { Tile } from "./Tile";
import { tileFrame, type LossSummaryView } from "./view";

type KpiDefinition = {
  key: string;
  label: string;
  hint?: string;
  value: (kpis: LossKpis) => number | null;
  format: (value: number | null) => string;
  /** Full figure for the title tooltip where the tile shows a compact one. */
  formatFull?: (value: number | null) => string;
  /** Ratios change in percentage points, amounts and counts in percent. */
  change: "points" | "relative";
  /** Whether a rise is good news: a rising loss ratio must read as bad. */
  higherIsBetter: boolean;
};

export const KPI_DEFINITIONS = [
  { key: "lossRatioTotal", label: "Loss ratio", hint: "incl. LAE", value: (k) => k.lossRatio.total, format: formatPercent, change: "points", higherIsBetter: false },
  { key: "lossRatioProperty", label: "Property loss ratio", value: (k) => k.lossRatio.property, format: formatPercent, change: "points", higherIsBetter: false },
  { key: "lossRatioLiability", label: "Liability loss ratio", value: (k) => k.lossRatio.liability, format: formatPercent, change: "points", higherIsBetter: false },
  { key: "claimFrequency", label: "Claim frequency", hint: "per policy-year", value: (k) => k.claimFrequency, format: formatPercent, change: "points", higherIsBetter: false },
  { key: "earnedPremium", label: "Earned premium", value: (k) => k.earnedPremium, format: formatCurrencyCompact, formatFull: formatCurrency, change: "relative", higherIsBetter: true },
  { key: "incurredLosses", label: "Incurred losses", hint: "incl. LAE", value: (k) => k.incurredLosses, format: formatCurrencyCompact, formatFull: formatCurrency, change: "relative", higherIsBetter: false },
  { key: "lae", label: "Loss adjustment expense", value: (k) => k.lae, format: formatCurrencyCompact, formatFull: formatCurrency, change: "relative", higherIsBetter: false },
  { key: "claimCount", label: "Claims", value: (k) => k.claimCount, format: formatCount, change: "relative", higherIsBetter: false },
] as const satisfies readonly KpiDefinition[];

export function KpiTile({ view }: { view: LossSummaryView }) {
  const frame = tileFrame(
    view,
    "key-figures",
    (data) => data.kpis.earnedPremium === 0 && data.kpis.claimCount === 0 && data.previous.earnedPremium === 0 && data.previous.claimCount === 0,
    (data) =>
      KPI_DEFINITIONS.map((kpi) => ({
        metric: kpi.key,
        current: kpi.value(data.kpis),
        previous: kpi.value(data.previous),
        currentFrom: data.period.from,
        currentTo: data.period.to,
        previousFrom: data.previousPeriod.from,
        previousTo: data.previousPeriod.to,
      })),
  );
  const data = view.data;
  const { incidentType, severity, hour } = view.filters;
  const incidentFilter = [incidentType && "incident type", severity && "severity", hour !== null && "hour"].filter(Boolean).join(" and ").replace(/ and (?=.* and )/, ", ");
  return (
    <Tile
      {...frame}
      title="Key figures"
      className="lg:col-span-2"
      emptyMessage="No premium or claims match these filters."
      skeleton={
        <div className="grid grid-cols-2 gap-px overflow-hidden rounded-lg border border-border bg-border lg:grid-cols-4">
          {KPI_DEFINITIONS.map((kpi) => (
            <div key={kpi.key} className="flex flex-col gap-3 bg-surface p-4">
              <div className="h-3 w-24 rounded bg-surface-muted" />
              <div className="h-7 w-20 rounded bg-surface-muted" />
              <div className="h-3 w-28 rounded bg-surface-muted" />
            </div>
          ))}
        </div>
      }
    >
      {data ? (
        <p className="mb-3 text-xs leading-5 text-muted">
          Changes against the {describePreviousPeriod(data.period, data.previousPeriod)},{" "}
          <span className="whitespace-nowrap">{formatPeriod(data.previousPeriod)}</span>.
        </p>
      ) : null}
      {data ? (
        <dl className="grid grid-cols-2 gap-px overflow-hidden rounded-lg border border-border bg-border lg:grid-cols-4">
          {KPI_DEFINITIONS.map((kpi, i) => (
            <Kpi key={kpi.key} kpi={kpi} current={kpi.value(data.kpis)} previous={kpi.value(data.previous)} primary={i === 0} />
          ))}
        </dl>
      ) : null}
      {incidentFilter ? (
        <p className="mt-3 text-xs leading-5 text-muted">
          {/* The API narrows claims, not premium, by incident attributes (premium has no incident). */}
          Filtered by {incidentFilter}: claims and losses are that slice only, premium is the whole book, so each loss ratio is this slice&apos;s share of it.
        </p>
      ) : null}
    </Tile>
  );
}

function Kpi({
  kpi,
  current,
  previous,
  primary,
}: {
  kpi: KpiDefinition;
  current: number | null;
  previous: number | null;
  primary: boolean;
}) {
  const delta = kpi.change === "points" ? pointChange(current, previous) : relativeChange(current, previous);
  const changeText = kpi.change === "points" ? formatPointChange(current, previous) : formatRelativeChange(current, previous);
  const rounded = delta === null ? 0 : Math.round(delta * 1000);
  const tone = delta === null || rounded === 0 ? "neutral" : rounded > 0 === kpi.higherIsBetter ? "good" : "bad";
  const toneClass = {
    good: "text-emerald-700 dark:text-emerald-400",
    bad: "text-danger",
    neutral: "text-subtle",
  }[tone];
  const full = kpi.formatFull ?? kpi.format;
  const valueText = kpi.format(current);
  return (
    <div data-kpi={kpi.key} className={`flex min-w-0 flex-col p-4 ${primary ? "bg-accent-soft" : "bg-surface"}`}>
      <dt className="flex flex-wrap items-baseline gap-x-1.5 text-xs font-medium text-muted">
        {kpi.label}
        {kpi.hint ? <span className="font-normal text-subtle">{kpi.hint}</span> : null}
      </dt>
      <dd className="mt-2 flex flex-col gap-1">
        <span
          data-kpi-value
          title={current === null ? undefined : full(current)}
          className={`font-semibold tracking-tight tabular-nums ${valueText === NO_DATA ? "text-lg text-subtle" : primary ? "text-3xl text-foreground" : "text-2xl text-foreground"}`}
        >
          {valueText}
        </span>
        <span className="flex flex-wrap items-center gap-x-1.5 text-xs" title={`Previous period: ${full(previous)}`}>
          <span data-kpi-change data-tone={tone} className={`inline-flex items-center gap-0.5 font-medium tabular-nums ${toneClass}`}>
            {delta !== null && rounded !== 0 ? <Arrow up={rounded > 0} /> : null}
            {delta === null ? NO_DATA : changeText}
            <span className="sr-only">{tone === "good" ? " (favourable)" : tone === "bad" ? " (unfavourable)" : ""}</span>
          </span>
          <span className="text-subtle">from {kpi.format(previous)}</span>
        </span>
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
