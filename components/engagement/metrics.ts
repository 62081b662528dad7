import type { EngagementMetrics, EngagementResponse } from "@/lib/api/engagementSchema";
import { formatCount, formatDate, formatPercent } from "@/lib/format";

// Labels and formats of the engagement metrics, so a metric reads the same in every tile, table and CSV.

export type MetricKey = keyof EngagementMetrics;

export const METRIC_LABELS = {
  sends: "Sends",
  opens: "Opens",
  uniqueOpens: "Unique opens",
  clicks: "Clicks",
  uniqueClicks: "Unique clicks",
  openRate: "Open rate",
  clickRatio: "Click ratio",
} as const satisfies Record<MetricKey, string>;

export const RATIO_METRICS = ["openRate", "clickRatio"] as const satisfies readonly MetricKey[];

export function isRatio(metric: MetricKey): metric is (typeof RATIO_METRICS)[number] {
  return (RATIO_METRICS as readonly string[]).includes(metric);
}

export function formatMetric(metric: MetricKey, value: number | null | undefined): string {
  return isRatio(metric) ? formatPercent(value) : formatCount(value);
}

/** What each ratio divides, for captions and header tooltips. */
export const METRIC_DEFINITIONS = {
  sends: "Emails sent, one per lead per campaign run.",
  opens: "Open events; one send opened twice counts twice.",
  uniqueOpens: "Sends opened or clicked at least once (a click implies an open).",
  clicks: "Click events.",
  uniqueClicks: "Sends clicked at least once.",
  openRate: "Unique opens ÷ sends.",
  clickRatio: "Unique clicks ÷ unique opens.",
} as const satisfies Record<MetricKey, string>;

/** The API's name for leads whose account, or whose account's billing country, is not known. */
export const UNKNOWN_COUNTRY = "Unknown";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;
const DAY_MS = 86_400_000;

const toMs = (day: string) => Date.parse(`${day}T00:00:00Z`);
const toDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** 2025-06-02 -> 2 Jun, for crowded axes. */
export function formatDayShort(day: string): string {
  const date = new Date(toMs(day));
  if (Number.isNaN(date.getTime())) return day;
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]}`;
}

/** How a trend point is named in a tooltip: "Week of 2 Jun 2025" or "2 Jun 2025". */
export function formatTrendPoint(day: string, grain: "day" | "week"): string {
  return grain === "week" ? `Week of ${formatDate(day)}` : formatDate(day);
}

function mondayOf(ms: number): number {
  const weekday = (new Date(ms).getUTCDay() + 6) % 7;
  return ms - weekday * DAY_MS;
}

type TrendPoint = EngagementResponse["trend"]["points"][number];

const NO_ACTIVITY: EngagementMetrics = { sends: 0, opens: 0, uniqueOpens: 0, clicks: 0, uniqueClicks: 0, openRate: null, clickRatio: null };

/**
 * Every day (or Monday) of the period, with zeros where the API has no row: a week without sends must show
 * as a gap at zero, not vanish from the axis.
 */
export function fillTrend(trend: EngagementResponse["trend"], period: { from: string; to: string }): TrendPoint[] {
  const byDate = new Map(trend.points.map((p) => [p.date, p]));
  const step = trend.grain === "week" ? 7 * DAY_MS : DAY_MS;
  const start = trend.grain === "week" ? mondayOf(toMs(period.from)) : toMs(period.from);
  const end = toMs(period.to);
  const points: TrendPoint[] = [];
  // A guard against a malformed period: a 20-year daily range is still only 7,305 points.
  for (let ms = start; ms <= end && points.length < 8000; ms += step) {
    const date = toDay(ms);
    points.push(byDate.get(date) ?? { ...NO_ACTIVITY, date });
  }
  // Keep any point the API sent outside the computed range rather than silently dropping it.
  const covered = new Set(points.map((p) => p.date));
  for (const point of trend.points) if (!covered.has(point.date)) points.push(point);
  return points.sort((a, b) => a.date.localeCompare(b.date));
}
