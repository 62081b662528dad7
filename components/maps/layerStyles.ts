// Colours of the Loss Summary map: loss ratio classes for the boroughs, and the policy circles.

/**
 * Loss ratio classes, lowest first. Personal auto runs near 65%, so the middle class is "normal" and the two
 * warm ends stand out. A light-to-dark ramp after ColorBrewer's YlOrRd, so the order reads without telling hues apart.
 */
export const lossRatioClasses = [
  { label: "< 50%", from: null, color: "#fee8a6" },
  { label: "50–60%", from: 0.5, color: "#fdc46a" },
  { label: "60–70%", from: 0.6, color: "#f98e43" },
  { label: "70–80%", from: 0.7, color: "#e4512f" },
  { label: "≥ 80%", from: 0.8, color: "#b3202c" },
] as const satisfies readonly { label: string; from: number | null; color: string }[];

export const noDataColor = "#d3d2cd";

export const policyCircleColor = "#24425f";

/** The loss ratio class a value falls in; null for "no data". */
export function lossRatioClass(lossRatio: number | null): (typeof lossRatioClasses)[number] | null {
  if (lossRatio === null || !Number.isFinite(lossRatio)) return null;
  return lossRatioClasses.findLast((c) => c.from === null || lossRatio >= c.from) ?? lossRatioClasses[0];
}
