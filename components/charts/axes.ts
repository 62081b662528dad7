import { scaleLinear } from "d3-scale";

/** A value axis: its domain and the values it labels (both ends included). */
export type ValueAxis = { min: number; max: number; ticks: number[] };

/** Floating-point noise off a tick (0.30000000000000004 -> 0.3). */
const clean = (value: number) => Number(value.toPrecision(12));

/**
 * A value axis from zero (or the lowest value, when below zero) to a round number at or above the
 * largest value, with about `count` intervals. An axis over nothing but zeros runs from 0 to 1.
 */
export function valueAxis(values: number[], count = 4): ValueAxis {
  const lo = Math.min(0, ...values);
  const hi = Math.max(0, ...values);
  const scale = scaleLinear().domain([lo, hi === lo ? lo + 1 : hi]).nice(count);
  const [min, max] = scale.domain() as [number, number];
  return { min, max, ticks: scale.ticks(count).map(clean) };
}

const STEPS = [1, 2, 2.5, 5, 10];

/**
 * A second axis beside `primary` with the same number of intervals, so one set of grid lines serves both:
 * its step is the smallest of 1, 2, 2.5 or 5 times a power of ten that reaches the largest value.
 * Falls back to an axis of its own when the primary one reaches below zero or these values do.
 */
export function alignedAxis(values: number[], primary: ValueAxis): ValueAxis {
  const intervals = primary.ticks.length - 1;
  const hi = Math.max(0, ...values);
  if (primary.min < 0 || Math.min(0, ...values) < 0 || intervals < 1) return valueAxis(values);
  const raw = hi === 0 ? 1 / intervals : hi / intervals;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = clean(STEPS.map((s) => s * power).find((s) => clean(s) >= clean(raw))!);
  const ticks = Array.from({ length: intervals + 1 }, (_, i) => clean(i * step));
  return { min: 0, max: ticks[intervals]!, ticks };
}

/** Where `value` sits on an axis, as a fraction from its minimum (0) to its maximum (1). */
export function position(axis: ValueAxis, value: number): number {
  return axis.max === axis.min ? 0 : (value - axis.min) / (axis.max - axis.min);
}

/** The centre of band `i` of `n` equal bands, in percent of the whole. */
export function bandCentre(i: number, n: number): number {
  return ((i + 0.5) / n) * 100;
}

/** Plot widths from which a category label may show, in steps of 80 px: one CSS class each. */
export const LABEL_WIDTHS = [240, 320, 400, 480, 560, 640, 720, 800, 880, 960, 1040, 1120, 1200] as const;

/** A 12 px label's width, guessed from its length (the page's sans-serif averages about 6.5 px a character). */
const labelWidth = (label: string) => label.length * 6.5;
const LABEL_GAP = 10;

/**
 * From which plot width each category label shows, so that neighbouring labels keep LABEL_GAP apart:
 * 0 for every width, null for none of LABEL_WIDTHS. Labels thin out by halves (every 2nd, 4th, 8th...),
 * so the ones a narrow plot keeps are among those of a wider one, and the first label always shows.
 */
export function labelWidths(labels: string[]): Array<number | null> {
  const n = labels.length;
  // The plot width every `step`-th label needs: its centres are step * width / n apart.
  const needs = new Map<number, number>();
  for (let step = 1; step < n; step *= 2) {
    let widest = 0;
    for (let i = 0; i + step < n; i += step) widest = Math.max(widest, (labelWidth(labels[i]!) + labelWidth(labels[i + step]!)) / 2 + LABEL_GAP);
    needs.set(step, (n / step) * widest);
  }
  return labels.map((_, i) => {
    if (i === 0) return 0;
    // Label i shows at every step that is a power of two dividing i.
    let needed = Number.POSITIVE_INFINITY;
    for (const [step, width] of needs) if (i % step === 0) needed = Math.min(needed, width);
    return LABEL_WIDTHS.find((w) => w >= needed) ?? null;
  });
}
