import type { CircleLayerSpecification, LineLayerSpecification } from "maplibre-gl";

// Layers the telematics journey map adds over any basemap (offline or MAP_STYLE_URL).

export const journeySources = {
  path: "journey-path",
  points: "journey-points",
  markers: "journey-markers",
  cursor: "journey-cursor",
} as const;

export const journeyMarkerColors = {
  start: "#2f8f5b",
  end: "#1b1c1e",
  incident: "#d92d20",
  cursor: "#1b1c1e",
} as const satisfies Record<string, string>;

/** A pale halo under the path, so it reads over any basemap. */
export const pathCasingLayer = {
  id: "journey-path-casing",
  type: "line",
  source: journeySources.path,
  layout: { "line-join": "round", "line-cap": "round" },
  paint: { "line-color": "#ffffff", "line-width": ["interpolate", ["linear"], ["zoom"], 10, 5, 16, 11], "line-opacity": 0.9 },
} satisfies LineLayerSpecification;

/** The path; its `line-gradient` (speed along the path) is set from the data once it arrives. */
export const pathLayer = {
  id: "journey-path-line",
  type: "line",
  source: journeySources.path,
  layout: { "line-join": "round", "line-cap": "round" },
  paint: { "line-color": "#2b6f9e", "line-width": ["interpolate", ["linear"], ["zoom"], 10, 3, 16, 7] },
} satisfies LineLayerSpecification;

/** Every telematics point: only visible close up, where the spacing of the readings means something. */
export const pointsLayer = {
  id: "journey-points",
  type: "circle",
  source: journeySources.points,
  paint: {
    "circle-radius": 2.5,
    "circle-color": "#ffffff",
    "circle-stroke-color": "#1b1c1e",
    "circle-stroke-width": 1,
    "circle-opacity": ["interpolate", ["linear"], ["zoom"], 14, 0, 15, 1],
    "circle-stroke-opacity": ["interpolate", ["linear"], ["zoom"], 14, 0, 15, 0.8],
  },
} satisfies CircleLayerSpecification;

export const incidentHaloLayer = {
  id: "journey-incident-halo",
  type: "circle",
  source: journeySources.markers,
  filter: ["==", ["get", "role"], "incident"],
  paint: { "circle-radius": 16, "circle-color": journeyMarkerColors.incident, "circle-opacity": 0.18 },
} satisfies CircleLayerSpecification;

export const markersLayer = {
  id: "journey-markers",
  type: "circle",
  source: journeySources.markers,
  paint: {
    "circle-radius": ["match", ["get", "role"], "incident", 8, 6.5],
    "circle-color": ["match", ["get", "role"], "start", journeyMarkerColors.start, "incident", journeyMarkerColors.incident, journeyMarkerColors.end],
    "circle-stroke-color": "#ffffff",
    "circle-stroke-width": 2.5,
  },
} satisfies CircleLayerSpecification;

/** The replay position: where the vehicle was at the moment the slider or the chart points at. */
export const cursorLayer = {
  id: "journey-cursor",
  type: "circle",
  source: journeySources.cursor,
  paint: {
    "circle-radius": 7,
    "circle-color": ["get", "color"],
    "circle-stroke-color": journeyMarkerColors.cursor,
    "circle-stroke-width": 3,
  },
} satisfies CircleLayerSpecification;
