import { geoPath } from "d3-geo";
import type { Feature, FeatureCollection, MultiLineString, MultiPolygon, Polygon } from "geojson";
import { z } from "zod";
import { fitMercator, mercator, roundCoordinate, svgPathOf, windForD3, type MercatorFit, type ViewBox } from "@/components/maps/svg/projection";

// The Loss Summary map's geometry, projected once on the server: what the page hands the map with the figures.

/** Near the five boroughs' own proportions, so they fill the map whether the tile is wide or narrow. */
export const POLICY_MAP_VIEWBOX = { width: 600, height: 560 } as const satisfies ViewBox;

// Room around the boroughs for the largest policy circles.
const PADDING = 24;

/** One borough, projected: its outline and where its name goes. */
export type BoroughShape = { borough: string; d: string; label: [number, number] };

export type PolicyMapGeometry = {
  viewBox: ViewBox;
  /** The projection the shapes were drawn with, for the policy circles the client places itself. */
  fit: MercatorFit;
  boroughs: BoroughShape[];
  /** Counties around the city, as one path. */
  land: string;
  stateBorders: string;
};

const position = z.array(z.number()).min(2);
const polygon = z.object({ type: z.literal("Polygon"), coordinates: z.array(z.array(position)) });
const multiPolygon = z.object({ type: z.literal("MultiPolygon"), coordinates: z.array(z.array(z.array(position))) });
const multiLineString = z.object({ type: z.literal("MultiLineString"), coordinates: z.array(z.array(position)) });

/** public/geo/nyc-boroughs.json as scripts/build-geo.ts writes it. */
export const boroughFile = z.object({
  type: z.literal("FeatureCollection"),
  features: z.array(z.object({ type: z.literal("Feature"), properties: z.object({ borough: z.string() }), geometry: z.union([polygon, multiPolygon]) })),
});

/** public/geo/nyc-context.json: counties around the city and the borders between states. */
export const contextFile = z.object({
  type: z.literal("FeatureCollection"),
  features: z.array(
    z.union([
      z.object({ type: z.literal("Feature"), properties: z.object({ kind: z.literal("county") }), geometry: z.union([polygon, multiPolygon]) }),
      z.object({ type: z.literal("Feature"), properties: z.object({ kind: z.literal("state-border") }), geometry: multiLineString }),
    ]),
  ),
});

const collection = <G extends Polygon | MultiPolygon | MultiLineString>(features: Feature<G>[]): FeatureCollection<G> => ({ type: "FeatureCollection", features });

/**
 * Fits a Mercator projection to the boroughs and draws every shape with it. The land around the city is cut to
 * a few map-widths around the viewBox: a wide tile shows more of it beside the boroughs, and farther than that
 * nothing can show.
 */
export function projectPolicyMap(boroughs: z.infer<typeof boroughFile>, context: z.infer<typeof contextFile>, viewBox: ViewBox = POLICY_MAP_VIEWBOX): PolicyMapGeometry {
  const shapes = boroughs.features.map(
    (f): Feature<Polygon | MultiPolygon, { borough: string }> => ({ type: "Feature", properties: { borough: f.properties.borough.trim().toUpperCase() }, geometry: windForD3(f.geometry) }),
  );
  const fit = fitMercator(collection(shapes), viewBox, PADDING);
  const projection = mercator(fit);
  const path = svgPathOf(projection);
  const centroid = (shape: Feature) => geoPath(projection).centroid(shape);
  const { width, height } = viewBox;
  const around = svgPathOf(
    mercator(fit).clipExtent([
      [-1.5 * width, -height],
      [2.5 * width, 2 * height],
    ]),
  );

  const counties: Feature<Polygon | MultiPolygon>[] = [];
  const borders: Feature<MultiLineString>[] = [];
  for (const f of context.features) {
    if (f.geometry.type === "MultiLineString") borders.push({ type: "Feature", properties: {}, geometry: f.geometry });
    else counties.push({ type: "Feature", properties: {}, geometry: windForD3(f.geometry) });
  }

  return {
    viewBox: { width, height },
    fit,
    boroughs: shapes
      .map((shape) => {
        const [x, y] = centroid(shape);
        return { borough: shape.properties.borough, d: path(shape), label: [roundCoordinate(x), roundCoordinate(y)] as [number, number] };
      })
      .filter((shape) => shape.d !== ""),
    land: around(collection(counties)),
    stateBorders: around(collection(borders)),
  };
}

