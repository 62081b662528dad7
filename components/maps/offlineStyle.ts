import type {
  BackgroundLayerSpecification,
  FillLayerSpecification,
  GeoJSONSourceSpecification,
  LineLayerSpecification,
  StyleSpecification,
} from "maplibre-gl";
import { GEO_FILES, NYC_BOUNDS, NYC_CONTEXT_BOX, type GeoBox } from "@/lib/geo";

// Basemaps drawn from the GeoJSON under public/geo, for when no MAP_STYLE_URL is set. Nothing here reaches the
// network: no tiles, no sprite and no glyphs, which is also why these styles have no text layers (maplibre
// draws symbol text only from glyph PBFs); labels are HTML tooltips instead.

export const basemapColors = {
  water: "#dde6ec",
  land: "#f2f1ec",
  landEdge: "#e2dfd7",
  stateBorder: "#b3afa4",
  cityLand: "#fbfaf7",
  cityEdge: "#9c9a93",
} as const satisfies Record<string, string>;

const nycSources = {
  "nyc-context": { type: "geojson", data: GEO_FILES.nycContext, attribution: "US Census Bureau" },
  "nyc-boroughs": { type: "geojson", data: GEO_FILES.nycBoroughs },
} as const satisfies Record<string, GeoJSONSourceSpecification>;

const water = {
  id: "water",
  type: "background",
  paint: { "background-color": basemapColors.water },
} as const satisfies BackgroundLayerSpecification;

const nycLayers = [
  water,
  {
    id: "context-land",
    type: "fill",
    source: "nyc-context",
    filter: ["==", ["get", "kind"], "county"],
    paint: { "fill-color": basemapColors.land },
  } satisfies FillLayerSpecification,
  {
    id: "context-county-edges",
    type: "line",
    source: "nyc-context",
    filter: ["==", ["get", "kind"], "county"],
    paint: { "line-color": basemapColors.landEdge, "line-width": 0.75 },
  } satisfies LineLayerSpecification,
  {
    id: "context-state-borders",
    type: "line",
    source: "nyc-context",
    filter: ["==", ["get", "kind"], "state-border"],
    layout: { "line-join": "round" },
    paint: { "line-color": basemapColors.stateBorder, "line-width": 1, "line-dasharray": [3, 2] },
  } satisfies LineLayerSpecification,
  {
    id: "borough-land",
    type: "fill",
    source: "nyc-boroughs",
    paint: { "fill-color": basemapColors.cityLand },
  } satisfies FillLayerSpecification,
  {
    id: "borough-edges",
    type: "line",
    source: "nyc-boroughs",
    layout: { "line-join": "round" },
    paint: { "line-color": basemapColors.cityEdge, "line-width": 0.75 },
  } satisfies LineLayerSpecification,
];

export const nycOfflineStyle = {
  version: 8,
  name: "Goldlens NYC (offline)",
  sources: nycSources,
  layers: nycLayers,
} satisfies StyleSpecification;

export type Basemap = {
  style: StyleSpecification;
  /** Where the map opens. */
  bounds: GeoBox;
  /** How far it may pan; beyond it the offline basemap has no land to show. */
  maxBounds?: GeoBox;
};

export const basemaps = {
  nyc: { style: nycOfflineStyle, bounds: NYC_BOUNDS, maxBounds: NYC_CONTEXT_BOX },
} as const satisfies Record<string, Basemap>;

export type BasemapName = keyof typeof basemaps;
