"use client";

import { memo, useMemo } from "react";
import { ComposedChart } from "@/components/charts/ComposedChart";
import { chartColor } from "@/components/charts/palette";
import { formatCount, formatPercent } from "@/lib/format";
import { campaignLabels, countryLabel } from "./FiltersBar";
import { fillTrend, formatDayShort, formatTrendPoint } from "./metrics";
import { ChartSkeleton, Tile } from "./Tile";
import { tileFrame, type EngagementView } from "./view";

export const TrendTile = memo(function TrendTile({ view }: { view: EngagementView }) {
  const frame = tileFrame(view, "trend", (data) => data.trend.points.every((p) => p.sends === 0));
  const { data } = view;
  const grain = data?.trend.grain ?? "week";
  // Memoised on the answer it draws, and described by that answer's own filters: while a new filter loads,
  // the tile frame says "Updating" and the chart (with its title) stays as drawn.
  const chart = useMemo(() => {
    // A week with three opens and two clicks would plot a 67% click ratio: the line skips points below the volume
    // the API itself asks of a campaign before ranking its click ratio.
    const minUniqueOpens = data?.topCampaigns.minUniqueOpens ?? 0;
    const rows = data
      ? fillTrend(data.trend, data.period).map((p) => ({
          date: p.date,
          uniqueOpens: p.uniqueOpens,
          uniqueClicks: p.uniqueClicks,
          clickRatio: p.uniqueOpens >= minUniqueOpens ? p.clickRatio : null,
        }))
      : [];
    const period = grain === "week" ? "week" : "day";
    const campaign = data?.filters.campaignId != null ? (campaignLabels(data.options.campaigns).get(data.filters.campaignId) ?? null) : null;
    const country = data?.filters.country ?? null;
    const scope = [country ? countryLabel(country) : "all countries", campaign ? `campaign ${campaign}` : null].filter(Boolean).join(", ");
    const grainText =
      grain === "week"
        ? "Weekly (weeks start on Monday; the first and last weeks count only their days inside the period)"
        : "Daily";
    return (
      <ComposedChart
        title={`${grain === "week" ? "Weekly" : "Daily"} unique opens, unique clicks and click ratio, ${scope}`}
        caption={`${grainText}: unique opens and unique clicks of the emails sent, by send date, for ${scope}. The click ratio (right axis) is drawn for each ${period} with at least ${formatCount(minUniqueOpens)} unique opens.`}
        data={rows}
        index="date"
        bars={["uniqueOpens", "uniqueClicks"]}
        lines={["clickRatio"]}
        labels={{ uniqueOpens: "Unique opens", uniqueClicks: "Unique clicks", clickRatio: "Click ratio" }}
        colors={{ uniqueOpens: "navy", uniqueClicks: "teal", clickRatio: "gold" }}
        barValueFormatter={formatCount}
        lineValueFormatter={formatPercent}
        lineAxisFormatter={(value) => `${Math.round(value * 100)}%`}
        indexFormatter={(value) => formatTrendPoint(String(value), grain)}
        indexTickFormatter={(value) => formatDayShort(String(value))}
        height={280}
      />
    );
  }, [data, grain]);
  return (
    <Tile
      {...frame}
      title="Opens and clicks over time"
      badge={data ? (grain === "week" ? "Weekly" : "Daily") : undefined}
      className="lg:col-span-2"
      skeleton={<ChartSkeleton height={280} bars={16} />}
    >
      {chart}
    </Tile>
  );
});

export const TopCampaignsTile = memo(function TopCampaignsTile({ view }: { view: EngagementView }) {
  const frame = tileFrame(view, "top-campaigns", (data) => data.topCampaigns.rows.length === 0);
  const { data, filters, setFilters } = view;
  const minUniqueOpens = data?.topCampaigns.minUniqueOpens;
  const rows = data?.topCampaigns.rows ?? [];
  const best = Math.max(...rows.map((r) => r.clickRatio ?? 0), 0);
  return (
    <Tile
      {...frame}
      title="Top campaigns by click ratio"
      className="lg:col-span-2"
      skeleton={<ChartSkeleton height={220} bars={10} />}
      emptyTitle={minUniqueOpens !== undefined ? `No campaign reached ${formatCount(minUniqueOpens)} unique opens in this view.` : "No campaign matches these filters."}
      emptyDetail="Small campaigns are left out so a handful of opens cannot top the list. Widen the period or remove a filter."
    >
      <p className="mb-3 text-xs leading-5 text-muted" data-testid="top-campaigns-threshold">
        Campaigns with at least <span className="font-medium text-foreground">{formatCount(minUniqueOpens)} unique opens</span> in this view, best click
        ratio first; smaller campaigns are left out so a handful of opens cannot top the list. Click a campaign to filter the page.
      </p>
      <ol className="flex flex-col gap-1" aria-label="Campaigns by click ratio">
        {rows.map((r, i) => {
          const selected = filters.campaignId === r.campaignId;
          const width = best > 0 && r.clickRatio !== null ? (r.clickRatio / best) * 100 : 0;
          return (
            <li key={r.campaignId} data-campaign={r.campaignId}>
              <button
                type="button"
                aria-pressed={selected}
                onClick={() => setFilters({ campaignId: selected ? null : r.campaignId })}
                className={`grid w-full grid-cols-[1.5rem_minmax(0,1fr)_auto] items-center gap-x-3 gap-y-1 rounded-md px-2 py-1.5 text-left text-sm transition-colors hover:bg-surface-muted sm:grid-cols-[1.5rem_minmax(0,16rem)_minmax(0,1fr)_auto] ${
                  selected ? "bg-accent-soft hover:bg-accent-soft" : ""
                }`}
              >
                <span className="text-xs tabular-nums text-subtle">{i + 1}</span>
                <span className="truncate font-medium text-foreground" title={`${r.campaignName} (#${r.campaignId})`}>
                  {r.campaignName}
                </span>
                <span aria-hidden="true" className="col-start-2 row-start-2 h-2 rounded-full bg-surface-muted sm:col-start-3 sm:row-start-1">
                  <span className="block h-2 rounded-full" style={{ width: `${width}%`, backgroundColor: chartColor("teal") }} />
                </span>
                <span className="col-start-3 row-span-2 row-start-1 flex flex-col items-end sm:col-start-4 sm:row-span-1">
                  <span className="font-semibold tabular-nums text-foreground">{formatPercent(r.clickRatio)}</span>
                  <span className="whitespace-nowrap text-[11px] tabular-nums text-subtle">
                    {formatCount(r.uniqueClicks)} clicked of {formatCount(r.uniqueOpens)} opened
                  </span>
                </span>
              </button>
            </li>
          );
        })}
      </ol>
    </Tile>
  );
});
