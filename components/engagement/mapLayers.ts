import type { EngagementMetrics } from "@/lib/api/engagementSchema";
import { formatCount, formatPercent } from "@/lib/format";

// How the Email Engagement map colours a country: the metric, its colour classes, and NOT_RATED_CLASS for a
// country with sends but no value worth colouring (a country without sends is left as land).

export const MAP_METRICS = ["clickRatio", "openRate", "sends"] as const;
export type MapMetric = (typeof MAP_METRICS)[number];

/** Light to dark, after ColorBrewer's YlGnBu without its palest step, which reads as bare land. */
export const CLASS_COLORS = ["#c7e9b4", "#7fcdbb", "#41b6c4", "#1d91c0", "#225ea8"] as const;

export const notRatedColor = "#b9b6ae";

export const NOT_RATED_CLASS = -1;

/**
 * The value a country is coloured by, or null when it is not rated. A click ratio needs as many unique opens
 * as the API asks of a campaign before ranking it: three opens and two clicks are not a 67% country.
 */
export function mapValue(row: EngagementMetrics, metric: MapMetric, minUniqueOpens: number): number | null {
  if (metric === "clickRatio" && row.uniqueOpens < minUniqueOpens) return null;
  return row[metric];
}

export type ColorClass = { from: number | null; color: string; label: string };

function quantile(sorted: readonly number[], q: number): number {
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (position - low);
}

/** Counts rounded to two significant digits, so the legend reads 450, not 437. */
function niceCount(value: number): number {
  if (value < 10) return Math.max(1, Math.round(value));
  const magnitude = 10 ** (Math.floor(Math.log10(value)) - 1);
  return Math.round(value / magnitude) * magnitude;
}

/** Ratios rounded to half a percentage point. */
const niceRatio = (value: number) => Math.round(value * 200) / 200;

/**
 * Up to five classes at the quantiles of the countries on the map, so the colours spread over the countries
 * shown whatever the metric's range; never more classes than distinct values, and breaks rounded so the
 * legend is readable.
 */
export function colorClasses(metric: MapMetric, values: readonly number[]): ColorClass[] {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  const ratio = metric !== "sends";
  const nice = ratio ? niceRatio : niceCount;
  const wanted = Math.min(CLASS_COLORS.length, new Set(sorted).size);
  const breaks: number[] = [];
  for (let j = 1; j < wanted; j += 1) {
    const value = nice(quantile(sorted, j / wanted));
    if (value > sorted[0]! && value <= sorted.at(-1)! && value !== breaks.at(-1)) breaks.push(value);
  }
  const format = (value: number) => (ratio ? formatPercent(value) : formatCount(value));
  // Counts are whole: the class below 450 ends at 449. Ratios are continuous: "26.5–28.0%" means up to, not including.
  const upTo = (value: number) => (ratio ? formatPercent(value) : formatCount(value - 1));
  // Spread fewer classes over the whole ramp, so two classes are light and dark rather than the two palest.
  const colorAt = (i: number, count: number) => CLASS_COLORS[count === 1 ? 2 : Math.round((i * (CLASS_COLORS.length - 1)) / (count - 1))]!;
  const count = breaks.length + 1;
  return Array.from({ length: count }, (_, i) => {
    const from = i === 0 ? null : breaks[i - 1]!;
    const to = breaks[i];
    let label: string;
    if (count === 1) label = `${format(sorted[0]!)}${sorted.at(-1) !== sorted[0] ? `–${format(sorted.at(-1)!)}` : ""}`;
    else if (from === null) label = `< ${format(to!)}`;
    else if (to === undefined) label = `≥ ${format(from)}`;
    else label = ratio ? `${format(from).replace("%", "")}–${upTo(to)}` : `${format(from)}–${upTo(to)}`;
    return { from, color: colorAt(i, count), label };
  });
}

/** The class index of a value: the last class whose lower bound it reaches. */
export function classIndex(classes: readonly ColorClass[], value: number): number {
  let index = 0;
  classes.forEach((c, i) => {
    if (c.from !== null && value >= c.from) index = i;
  });
  return index;
}
