import { geoArea, geoMercator, geoPath, type GeoPermissibleObjects, type GeoProjection } from "d3-geo";
import type { MultiPolygon, Polygon, Position } from "geojson";

// Maps drawn as SVG with d3-geo. Shapes are projected once on the server; what the client projects itself
// (points from the figures) goes through a projection rebuilt from the server's numbers, so both sides
// write the same coordinates and hydration matches.

/** The fixed coordinate system of an SVG map; the element scales it to its box with preserveAspectRatio. */
export type ViewBox = { width: number; height: number };

/** Everything needed to rebuild a fitted Mercator projection exactly, e.g. on the client. */
export type MercatorFit = { scale: number; translate: [number, number] };

/** One decimal of a viewBox unit: short paths, and the same digits whichever JS engine computed them. */
export function roundCoordinate(value: number): number {
  return Math.round(value * 10) / 10;
}

/** A Mercator projection fitted to `object` inside the viewBox, less `padding` on every side. */
export function fitMercator(object: GeoPermissibleObjects, { width, height }: ViewBox, padding: number): MercatorFit {
  const projection = geoMercator().fitExtent(
    [
      [padding, padding],
      [width - padding, height - padding],
    ],
    object,
  );
  const [x, y] = projection.translate();
  return { scale: projection.scale(), translate: [x, y] };
}

export function mercator({ scale, translate }: MercatorFit): GeoProjection {
  return geoMercator().scale(scale).translate(translate);
}

/** An SVG path generator with one decimal per coordinate; "" for what the projection cannot draw. */
export function svgPathOf(projection: GeoProjection): (object: GeoPermissibleObjects) => string {
  const path = geoPath(projection).digits(1);
  return (object) => path(object) ?? "";
}

/** A longitude and latitude in viewBox units, rounded like the paths; null when there is no such point. */
export function projectPoint(projection: GeoProjection, longitude: number, latitude: number): [number, number] | null {
  if (!Number.isFinite(longitude) || !Number.isFinite(latitude)) return null;
  const point = projection([longitude, latitude]);
  if (!point || !Number.isFinite(point[0]) || !Number.isFinite(point[1])) return null;
  return [roundCoordinate(point[0]), roundCoordinate(point[1])];
}

/**
 * d3-geo reads polygon rings on the sphere, where the RFC 7946 winding (exterior counter-clockwise, as
 * public/geo and maplibre have it) means "the whole world except this shape". A polygon that comes out
 * larger than a hemisphere is turned round; one already wound for d3 is left as it is.
 */
export function windForD3(geometry: Polygon | MultiPolygon): Polygon | MultiPolygon {
  const wind = (rings: Position[][]) => (geoArea({ type: "Polygon", coordinates: rings }) > 2 * Math.PI ? rings.map((ring) => [...ring].reverse()) : rings);
  return geometry.type === "Polygon" ? { type: "Polygon", coordinates: wind(geometry.coordinates) } : { type: "MultiPolygon", coordinates: geometry.coordinates.map(wind) };
}
