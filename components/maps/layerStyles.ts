import type {
  CircleLayerSpecification,
  DataDrivenPropertyValueSpecification,
  FillLayerSpecification,
  GeoJSONSourceSpecification,
  LineLayerSpecification,
} from "maplibre-gl";

// Layers the Loss Summary map adds over any basemap (offline or MAP_STYLE_URL).

export const policyMapSources = {
  boroughs: "loss-boroughs",
  policies: "policy-points",
} as const;

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

const [first, ...rest] = lossRatioClasses;

// A borough without a loss ratio has no "lossRatio" property at all (GeoJSON null is awkward in expressions).
const choroplethColor: DataDrivenPropertyValueSpecification<string> = [
  "case",
  ["has", "lossRatio"],
  ["step", ["get", "lossRatio"], first.color, ...rest.flatMap((c) => [c.from, c.color])],
  noDataColor,
];

export const boroughFillLayer = {
  id: "loss-borough-fill",
  type: "fill",
  source: policyMapSources.boroughs,
  paint: {
    "fill-color": choroplethColor,
    // With a borough selected the others fade, so the selection reads at a glance.
    "fill-opacity": ["case", ["boolean", ["feature-state", "dimmed"], false], 0.5, ["boolean", ["feature-state", "hover"], false], 0.95, 0.82],
  },
} satisfies FillLayerSpecification;

export const boroughEdgeLayer = {
  id: "loss-borough-edge",
  type: "line",
  source: policyMapSources.boroughs,
  layout: { "line-join": "round" },
  paint: {
    "line-color": "#ffffff",
    "line-width": ["case", ["boolean", ["feature-state", "hover"], false], 2.25, 1.25],
  },
} satisfies LineLayerSpecification;

export const boroughSelectedLayer = {
  id: "loss-borough-selected",
  type: "line",
  source: policyMapSources.boroughs,
  layout: { "line-join": "round" },
  paint: {
    "line-color": "#1b1c1e",
    "line-width": ["case", ["boolean", ["feature-state", "selected"], false], 2.75, 0],
  },
} satisfies LineLayerSpecification;

/** Clustering of zip code centroids; each point carries `policies` and `share` (its fraction of all policies). */
export const policyClusterOptions = {
  cluster: true,
  clusterRadius: 30,
  clusterMaxZoom: 12,
  clusterProperties: {
    policies: ["+", ["get", "policies"]],
    share: ["+", ["get", "share"]],
  },
} satisfies Pick<GeoJSONSourceSpecification, "cluster" | "clusterRadius" | "clusterMaxZoom" | "clusterProperties">;

export const policyCircleLayer = {
  id: "policy-circles",
  type: "circle",
  source: policyMapSources.policies,
  paint: {
    // Area, not radius, in proportion to the share of policies, whatever the portfolio's size.
    "circle-radius": ["interpolate", ["linear"], ["sqrt", ["get", "share"]], 0, 3, 1, 52],
    // Pale and translucent, so the loss ratio colour underneath still reads.
    "circle-color": "#ffffff",
    "circle-opacity": 0.45,
    "circle-stroke-color": policyCircleColor,
    "circle-stroke-width": 1.5,
    "circle-stroke-opacity": 0.9,
  },
} satisfies CircleLayerSpecification;

/** Top to bottom, the layers the pointer can hit. */
export const interactiveLayerIds = [policyCircleLayer.id, boroughFillLayer.id] as const;
