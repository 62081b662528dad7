"use client";

import { useMemo } from "react";
import { BarChart } from "@/components/charts/BarChart";
import { ComposedChart } from "@/components/charts/ComposedChart";
import { INCIDENT_TYPES } from "@/lib/api/lossSummaryValues";
import { formatCount, formatCurrency, formatCurrencyCompact, formatHour, formatMonth, formatMonthShort, formatPercent } from "@/lib/format";
import { SEVERITIES_WORST_FIRST, isIncidentType, isSeverity, severityColors, type Severity } from "./severity";
import { ChartSkeleton, Tile } from "./Tile";
import { tileFrame, type LossSummaryView } from "./view";

const HOURS = Array.from({ length: 24 }, (_, hour) => hour);
// Stacks read from the mildest (green) to the worst (red).
const SEVERITY_STACK = [...SEVERITIES_WORST_FIRST].reverse();

function toggle<T>(current: T | null, next: T): T | null {
  return current === next ? null : next;
}

export function TrendTile({ view }: { view: LossSummaryView }) {
  const frame = tileFrame(
    view,
    "monthly-trend",
    (data) => data.trend.every((m) => m.earnedPremium === 0 && m.incurredLosses === 0),
    (data) => data.trend,
  );
  // Memoised on what it draws: a filter change re-renders the tile frame ("Updating"), not the chart.
  const chart = useMemo(() => {
    const rows = view.data?.trend.map((m) => ({ month: m.month, earnedPremium: m.earnedPremium, incurredLosses: m.incurredLosses, lossRatio: m.lossRatio })) ?? [];
    return (
      <ComposedChart
        title="Monthly loss ratio, earned premium and incurred losses"
        caption="Earned premium and incurred losses (incl. LAE) per month, with the loss ratio on the right axis. Months at the edges count only their days inside the period."
        data={rows}
        index="month"
        bars={["earnedPremium", "incurredLosses"]}
        lines={["lossRatio"]}
        labels={{ earnedPremium: "Earned premium", incurredLosses: "Incurred losses", lossRatio: "Loss ratio" }}
        colors={{ earnedPremium: "navy", incurredLosses: "gold", lossRatio: "plum" }}
        barValueFormatter={formatCurrency}
        barAxisFormatter={formatCurrencyCompact}
        lineValueFormatter={formatPercent}
        lineAxisFormatter={(value) => `${Math.round(value * 100)}%`}
        indexFormatter={(value) => formatMonth(String(value))}
        indexTickFormatter={(value) => formatMonthShort(String(value))}
      />
    );
  }, [view.data]);
  return (
    <Tile {...frame} title="Monthly trend" className="lg:col-span-2" skeleton={<ChartSkeleton height={280} bars={12} />}>
      {chart}
    </Tile>
  );
}

export function IncidentsByTypeTile({ view }: { view: LossSummaryView }) {
  const frame = tileFrame(
    view,
    "incidents-by-type",
    (data) => data.incidentsByTypeSeverity.every((r) => r.claims === 0),
    (data) => data.incidentsByTypeSeverity,
  );
  const { filters, setFilters } = view;
  // Memoised on what it draws: a filter change re-renders the tile frame ("Updating"), not the chart.
  const chart = useMemo(() => {
    const rows = INCIDENT_TYPES.map((incidentType) => {
      const row: Record<string, string | number> = { incidentType };
      for (const severity of SEVERITY_STACK) {
        row[severity] =
          view.data?.incidentsByTypeSeverity.find((r) => r.incidentType === incidentType && r.severity === severity)?.claims ?? 0;
      }
      return row as { incidentType: string } & Record<Severity, number>;
    });
    return (
      <BarChart
        title="Claims by incident type, stacked by reported severity"
        caption="Claims by incident type and reported severity. Click a segment, a row or a severity to filter the page."
        data={rows}
        index="incidentType"
        categories={SEVERITY_STACK}
        colors={severityColors}
        layout="vertical"
        type="stacked"
        height={240}
        valueFormatter={formatCount}
        activeIndex={filters.incidentType}
        activeCategory={filters.severity}
        onValueClick={({ index, category }) => {
          const incidentType = String(index);
          if (!isIncidentType(incidentType)) return;
          if (category && isSeverity(category)) {
            const same = filters.incidentType === incidentType && filters.severity === category;
            setFilters(same ? { incidentType: null, severity: null } : { incidentType, severity: category });
          } else {
            setFilters({ incidentType: toggle(filters.incidentType, incidentType) });
          }
        }}
        onCategoryClick={(severity) => setFilters({ severity: toggle(filters.severity, severity) })}
        clickHint="Click to filter the page"
      />
    );
  }, [view.data, filters.incidentType, filters.severity, setFilters]);
  return (
    <Tile {...frame} title="Incidents by type and severity" skeleton={<ChartSkeleton height={240} bars={4} />}>
      {chart}
    </Tile>
  );
}

export function DamageByTypeTile({ view }: { view: LossSummaryView }) {
  const frame = tileFrame(
    view,
    "damage-by-type",
    (data) => data.damageByType.every((r) => r.claims === 0 && r.property === 0 && r.liability === 0),
    (data) => data.damageByType,
  );
  const { filters, setFilters } = view;
  // Memoised on what it draws: a filter change re-renders the tile frame ("Updating"), not the chart.
  const chart = useMemo(() => {
    const rows = INCIDENT_TYPES.map((incidentType) => {
      const found = view.data?.damageByType.find((r) => r.incidentType === incidentType);
      return { incidentType, property: found?.property ?? 0, liability: found?.liability ?? 0 };
    });
    return (
      <BarChart
        title="Property and liability damage by incident type"
        caption="Property damage (third-party property and own vehicle) and liability (injury) amounts by incident type. Click a type to filter the page."
        data={rows}
        index="incidentType"
        categories={["property", "liability"]}
        categoryLabels={{ property: "Property", liability: "Liability" }}
        colors={{ property: "navy", liability: "plum" }}
        layout="vertical"
        height={240}
        valueFormatter={formatCurrency}
        axisFormatter={formatCurrencyCompact}
        activeIndex={filters.incidentType}
        onValueClick={({ index }) => {
          const incidentType = String(index);
          if (isIncidentType(incidentType)) setFilters({ incidentType: toggle(filters.incidentType, incidentType) });
        }}
        clickHint="Click to filter the page by this incident type"
      />
    );
  }, [view.data, filters.incidentType, setFilters]);
  return (
    <Tile {...frame} title="Property vs liability damage" skeleton={<ChartSkeleton height={240} bars={4} />}>
      {chart}
    </Tile>
  );
}

export function ByHourTile({ view }: { view: LossSummaryView }) {
  const frame = tileFrame(
    view,
    "by-hour",
    (data) => data.byHour.every((r) => r.claims === 0),
    (data) => data.byHour,
  );
  const { filters, setFilters } = view;
  // Memoised on what it draws: a filter change re-renders the tile frame ("Updating"), not the chart.
  const chart = useMemo(() => {
    // All 24 hours always, so the axis does not shift when a filter empties some of them.
    const rows = HOURS.map((hour) => {
      const found = view.data?.byHour.find((r) => r.hour === hour);
      return { hour, claims: found?.claims ?? 0, incurredLosses: found?.incurredLosses ?? 0 };
    });
    return (
      <ComposedChart
        title="Claim count and incurred losses by hour of the incident"
        caption="Claims per hour of the incident, with incurred losses (incl. LAE) on the right axis. Click an hour to filter the page."
        data={rows}
        index="hour"
        bars={["claims"]}
        lines={["incurredLosses"]}
        labels={{ claims: "Claims", incurredLosses: "Incurred losses" }}
        colors={{ claims: "navy", incurredLosses: "gold" }}
        barValueFormatter={formatCount}
        lineValueFormatter={formatCurrency}
        lineAxisFormatter={formatCurrencyCompact}
        indexFormatter={(value) => formatHour(Number(value))}
        indexTickFormatter={(value) => String(value).padStart(2, "0")}
        height={260}
        activeIndex={filters.hour}
        onValueClick={({ index }) => {
          const hour = Number(index);
          if (Number.isInteger(hour) && hour >= 0 && hour <= 23) setFilters({ hour: toggle(filters.hour, hour) });
        }}
        clickHint="Click to filter the page by this hour"
      />
    );
  }, [view.data, filters.hour, setFilters]);
  return (
    <Tile {...frame} title="Claims and losses by hour of day" className="lg:col-span-2" skeleton={<ChartSkeleton height={260} bars={24} />}>
      {chart}
    </Tile>
  );
}

export function DriverAgeTile({ view }: { view: LossSummaryView }) {
  const frame = tileFrame(
    view,
    "driver-age",
    (data) => data.driverAge.every((r) => r.claims === 0),
    (data) => data.driverAge,
  );
  // Memoised on what it draws: a filter change re-renders the tile frame ("Updating"), not the chart.
  const chart = useMemo(() => {
    const rows = view.data?.driverAge.map((r) => ({ band: r.band, claims: r.claims })) ?? [];
    return (
      <BarChart
        title="Claims by driver age band"
        caption="Claims by the age of the driver at the incident. Unknown counts claims whose driver age was missing or invalid."
        data={rows}
        index="band"
        categories={["claims"]}
        categoryLabels={{ claims: "Claims" }}
        colors={{ claims: "teal" }}
        height={220}
        valueFormatter={formatCount}
      />
    );
  }, [view.data]);
  return (
    <Tile {...frame} title="Driver age" skeleton={<ChartSkeleton height={220} bars={7} />}>
      {chart}
    </Tile>
  );
}

export function ModelYearTile({ view }: { view: LossSummaryView }) {
  const frame = tileFrame(
    view,
    "model-year",
    (data) => data.modelYear.every((r) => r.claims === 0),
    (data) => data.modelYear,
  );
  // Memoised on what it draws: a filter change re-renders the tile frame ("Updating"), not the chart.
  const chart = useMemo(() => {
    const rows = view.data?.modelYear.map((r) => ({ modelYear: r.modelYear, claims: r.claims })) ?? [];
    return (
      <BarChart
        title="Claims by vehicle model year"
        caption="Claims by the model year of the insured vehicle."
        data={rows}
        index="modelYear"
        categories={["claims"]}
        categoryLabels={{ claims: "Claims" }}
        colors={{ claims: "teal" }}
        height={220}
        valueFormatter={formatCount}
      />
    );
  }, [view.data]);
  return (
    <Tile {...frame} title="Vehicle model year" skeleton={<ChartSkeleton height={220} bars={14} />}>
      {chart}
    </Tile>
  );
}
