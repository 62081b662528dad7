import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";
import { geoNaturalEarth1, geoPath } from "d3-geo";
import simplify from "simplify-js";
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from "geojson";
import { GEO_FILES } from "./geo";

/** One country of the world map, already projected: an SVG path in the map's viewBox. */
export type WorldShape = { isoN3: string; name: string; d: string };

/** What the Email Engagement map draws before any figures: the countries, projected once per process. */
export type WorldMapGeometry = { width: number; height: number; shapes: WorldShape[] };

type CountryFeature = Feature<Polygon | MultiPolygon, { name?: unknown }>;

/** The map's width in SVG units; its height follows from the projection. */
export const WORLD_MAP_WIDTH = 960;
/**
 * Outline points closer than this (in map units, about a pixel each) to the line through their neighbours
 * are left out (Douglas-Peucker): a difference nobody sees at the map's size, and 39% less path text for
 * the world (45.4 to 27.7 kB), which the page carries twice.
 */
const SIMPLIFY_TOLERANCE = 0.6;
const PADDING = 4;
// No email goes to Antarctica, and it would take a fifth of the map's height.
const LEFT_OUT = new Set(["010"]);

/**
 * public/geo holds RFC 7946 GeoJSON (exterior rings counter-clockwise, as maplibre wants); d3-geo reads
 * rings on the sphere, where that order means "everything but this country". Reversing each ring gives
 * the order d3 expects.
 */
function forD3(geometry: Polygon | MultiPolygon): Polygon | MultiPolygon {
  if (geometry.type === "Polygon") return { type: "Polygon", coordinates: geometry.coordinates.map((ring) => [...ring].reverse()) };
  return { type: "MultiPolygon", coordinates: geometry.coordinates.map((polygon) => polygon.map((ring) => [...ring].reverse())) };
}

/**
 * An SVG path in whole units with relative moves ("l3,-2"), dropping steps that round to nothing: at the
 * map's size a unit is about a pixel, and the world's outline shrinks to less than half of d3's absolute,
 * one-decimal form. It is sent twice with the page (markup and hydration data), so its size matters.
 * With a tolerance, each ring is first simplified (Douglas-Peucker); a ring that would shrink below a
 * triangle keeps its points, so no island disappears.
 */
export class CompactPath {
  private parts: string[] = [];
  private x = 0;
  private y = 0;
  private ring: Array<{ x: number; y: number }> = [];

  constructor(private readonly tolerance = 0) {}

  moveTo(x: number, y: number) {
    this.flushRing();
    this.ring.push({ x, y });
  }

  lineTo(x: number, y: number) {
    this.ring.push({ x, y });
  }

  closePath() {
    this.flushRing();
    this.parts.push("z");
  }

  private flushRing() {
    if (this.ring.length === 0) return;
    const simplified = this.tolerance > 0 ? simplify(this.ring, this.tolerance, true) : this.ring;
    const [first, ...rest] = simplified.length >= 3 ? simplified : this.ring;
    this.ring = [];
    this.moveToRounded(first!.x, first!.y);
    for (const p of rest) this.lineToRounded(p.x, p.y);
  }

  private moveToRounded(x: number, y: number) {
    const rx = Math.round(x);
    const ry = Math.round(y);
    this.parts.push(this.parts.length === 0 ? `M${rx},${ry}` : `m${rx - this.x},${ry - this.y}`);
    this.x = rx;
    this.y = ry;
  }

  private lineToRounded(x: number, y: number) {
    const rx = Math.round(x);
    const ry = Math.round(y);
    if (rx === this.x && ry === this.y) return;
    this.parts.push(`l${rx - this.x},${ry - this.y}`);
    this.x = rx;
    this.y = ry;
  }

  beginPath() {
    // Each shape is one string: take() ends it.
  }

  arc() {
    // Only drawn for point geometries, which the map has none of.
  }

  take(): string {
    this.flushRing();
    const d = this.parts.join("").replace(/l(-?\d+),(-?\d+)(?=l)/g, "l$1,$2 ").replace(/ l/g, " ");
    this.parts = [];
    return d;
  }
}

/**
 * Projects the world's countries (Natural Earth projection, fitted to the width) into compact SVG paths,
 * the same strings on the server and in the browser; `tolerance` 0 keeps every outline point.
 */
export function projectWorld(collection: FeatureCollection, tolerance = SIMPLIFY_TOLERANCE): WorldMapGeometry {
  const features: Array<Feature<Polygon | MultiPolygon, { name?: unknown }> & { id: string }> = [];
  for (const f of collection.features as CountryFeature[]) {
    // world-atlas leaves a few disputed areas without an ISO code; no engagement row can name them.
    if (typeof f.id !== "string" || LEFT_OUT.has(f.id)) continue;
    if (f.geometry?.type !== "Polygon" && f.geometry?.type !== "MultiPolygon") continue;
    features.push({ ...f, id: f.id, geometry: forD3(f.geometry) });
  }
  const all: FeatureCollection = { type: "FeatureCollection", features };
  const projection = geoNaturalEarth1().fitWidth(WORLD_MAP_WIDTH - 2 * PADDING, all);
  const [[, top], [, bottom]] = geoPath(projection).bounds(all);
  projection.translate([projection.translate()[0] + PADDING, projection.translate()[1] - top + PADDING]);
  const context = new CompactPath(tolerance);
  const path = geoPath(projection, context);
  const shapes = features
    .map((f) => {
      path(f);
      return { isoN3: f.id, name: typeof f.properties.name === "string" ? f.properties.name : f.id, d: context.take() };
    })
    .filter((shape) => shape.d !== "");
  return { width: WORLD_MAP_WIDTH, height: Math.ceil(bottom - top + 2 * PADDING), shapes };
}

let cached: WorldMapGeometry | null = null;

/** The projected world from public/geo (written at install), read and projected on first use. */
export function worldMapGeometry(): WorldMapGeometry {
  if (!cached) {
    const file = path.join(process.cwd(), "public", GEO_FILES.worldCountries);
    cached = projectWorld(JSON.parse(readFileSync(file, "utf8")) as FeatureCollection);
  }
  return cached;
}
