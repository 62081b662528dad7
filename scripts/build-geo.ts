// Writes the maps' GeoJSON under public/geo from us-atlas and world-atlas, so no map data is fetched from the network.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Feature, FeatureCollection, LineString, MultiLineString, MultiPolygon, Polygon, Position } from "geojson";
import { feature, mesh } from "topojson-client";
import type { GeometryCollection, GeometryObject, Topology } from "topojson-specification";
import { NYC_BOROUGH_FIPS, NYC_CONTEXT_BOX, type GeoBox, type NycBorough } from "../lib/geo";

const repoRoot = fileURLToPath(new URL("..", import.meta.url));
const require = createRequire(import.meta.url);

// Connecticut, New Jersey, New York, Pennsylvania: the states whose land shows around the city.
const CONTEXT_STATES = new Set(["09", "34", "36", "42"]);

const DECIMALS = 5;

export type BoroughFeature = Feature<Polygon | MultiPolygon, { borough: NycBorough }>;
export type ContextFeature = Feature<Polygon | MultiPolygon, { kind: "county" }> | Feature<MultiLineString, { kind: "state-border" }>;
export type CountryFeature = Feature<Polygon | MultiPolygon, { name: string }>;

export interface GeoFiles {
  "nyc-boroughs.json": FeatureCollection<BoroughFeature["geometry"], BoroughFeature["properties"]>;
  "nyc-context.json": FeatureCollection<ContextFeature["geometry"], ContextFeature["properties"]>;
  "world-countries.json": FeatureCollection<CountryFeature["geometry"], CountryFeature["properties"]>;
}

/** Writes every map file into outDir (relative paths are taken from the repository root); returns the paths written. */
export async function buildGeo(outDir = "public/geo"): Promise<string[]> {
  const dir = path.resolve(repoRoot, outDir);
  await mkdir(dir, { recursive: true });
  const files = await geoFiles();
  const written: string[] = [];
  for (const [name, collection] of Object.entries(files)) {
    const file = path.join(dir, name);
    await writeFile(file, JSON.stringify(collection));
    written.push(file);
  }
  return written;
}

export async function geoFiles(): Promise<GeoFiles> {
  const [us, world] = await Promise.all([readTopology("us-atlas/counties-10m.json"), readTopology("world-atlas/countries-110m.json")]);
  return {
    "nyc-boroughs.json": nycBoroughs(us),
    "nyc-context.json": nycContext(us),
    "world-countries.json": worldCountries(world),
  };
}

async function readTopology(specifier: string): Promise<Topology> {
  const parsed: unknown = JSON.parse(await readFile(require.resolve(specifier), "utf8"));
  if (typeof parsed !== "object" || parsed === null || !("type" in parsed) || parsed.type !== "Topology") {
    throw new Error(`${specifier} is not a TopoJSON topology`);
  }
  return parsed as Topology;
}

function collection(topology: Topology, name: string): GeometryCollection {
  const object = topology.objects[name];
  if (object?.type !== "GeometryCollection") throw new Error(`TopoJSON object ${name} is missing or not a collection`);
  return object as GeometryCollection;
}

function polygonal(topology: Topology, object: GeometryObject): Polygon | MultiPolygon | null {
  const result = feature(topology, object);
  if (result.type !== "Feature") return null;
  const { geometry } = result;
  return geometry.type === "Polygon" || geometry.type === "MultiPolygon" ? geometry : null;
}

function isBoroughFips(id: string): id is keyof typeof NYC_BOROUGH_FIPS {
  return Object.hasOwn(NYC_BOROUGH_FIPS, id);
}

export function nycBoroughs(us: Topology): GeoFiles["nyc-boroughs.json"] {
  const features: BoroughFeature[] = [];
  for (const county of collection(us, "counties").geometries) {
    const id = String(county.id);
    if (!isBoroughFips(id)) continue;
    const geometry = polygonal(us, county);
    if (!geometry) continue;
    features.push({ type: "Feature", id, properties: { borough: NYC_BOROUGH_FIPS[id] }, geometry: tidyPolygonal(geometry) });
  }
  if (features.length !== Object.keys(NYC_BOROUGH_FIPS).length) {
    throw new Error(`us-atlas holds ${features.length} of the 5 NYC boroughs`);
  }
  features.sort((a, b) => a.properties.borough.localeCompare(b.properties.borough));
  return { type: "FeatureCollection", features };
}

export function nycContext(us: Topology): GeoFiles["nyc-context.json"] {
  const features: ContextFeature[] = [];
  for (const county of collection(us, "counties").geometries) {
    const id = String(county.id);
    if (isBoroughFips(id) || !CONTEXT_STATES.has(id.slice(0, 2))) continue;
    const geometry = polygonal(us, county);
    if (!geometry || !boxesOverlap(bounds(geometry), NYC_CONTEXT_BOX)) continue;
    features.push({ type: "Feature", properties: { kind: "county" }, geometry: tidyPolygonal(geometry) });
  }
  // Only borders between two states: the coast is already the edge of the land fill.
  const states = collection(us, "states");
  const borders = mesh(us, states, (a, b) => a !== b && CONTEXT_STATES.has(String(a.id)) && CONTEXT_STATES.has(String(b.id)));
  const lines = borders.coordinates.flatMap((line) => clipLineToBox(line, NYC_CONTEXT_BOX)).map(tidyLine).filter((line) => line.length >= 2);
  if (lines.length > 0) {
    features.push({ type: "Feature", properties: { kind: "state-border" }, geometry: { type: "MultiLineString", coordinates: lines } });
  }
  return { type: "FeatureCollection", features };
}

export function worldCountries(world: Topology): GeoFiles["world-countries.json"] {
  const features: CountryFeature[] = [];
  for (const country of collection(world, "countries").geometries) {
    const geometry = polygonal(world, country);
    if (!geometry) continue;
    const properties: { name?: unknown } = country.properties ?? {};
    const name = typeof properties.name === "string" ? properties.name : "";
    const fixed = tidyPolygonal(splitAtAntimeridian(geometry));
    // Kosovo, N. Cyprus and Somaliland have no ISO 3166 numeric code: they stay on the map as land, without an id.
    const id = country.id === undefined ? undefined : String(country.id).padStart(3, "0");
    features.push({ type: "Feature", ...(id === undefined ? {} : { id }), properties: { name }, geometry: fixed });
  }
  return { type: "FeatureCollection", features };
}

// ---------------------------------------------------------------------------------------------------------------
// Antimeridian. A flat map joins (179, y) to (-179, y) straight across the whole world, so every polygon whose
// rings cross 180° is cut there into pieces that each stay on one side, and rings around a pole close along it.

type Ring = Position[];
type PolygonRings = Ring[];

export function splitAtAntimeridian(geometry: Polygon | MultiPolygon): Polygon | MultiPolygon {
  const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  const out = polygons.flatMap(splitPolygon);
  return out.length === 1 ? { type: "Polygon", coordinates: out[0]! } : { type: "MultiPolygon", coordinates: out };
}

function splitPolygon(rings: PolygonRings): PolygonRings[] {
  const [outer, ...holes] = rings;
  if (!outer) return [];
  if (!rings.some(crossesAntimeridian)) return [rings];
  const unwrappedOuter = closeAroundPole(unwrap(outer));
  const shift = -360 * Math.floor((minLon(unwrappedOuter) + 180) / 360);
  const shiftedOuter = shiftRing(unwrappedOuter, shift);
  const centre = (minLon(shiftedOuter) + maxLon(shiftedOuter)) / 2;
  // A hole is unwrapped on its own; move it into the same 360° window as its outer ring.
  const shiftedHoles = holes.map((hole) => {
    const unwrapped = unwrap(hole);
    return shiftRing(unwrapped, 360 * Math.round((centre - (minLon(unwrapped) + maxLon(unwrapped)) / 2) / 360));
  });
  const all = [shiftedOuter, ...shiftedHoles];
  if (Math.max(...all.map(maxLon)) <= 180 + 1e-9) return [all];
  const outerSign = Math.sign(signedArea(shiftedOuter));
  return [...clipToSide(all, 180, "west", outerSign), ...clipToSide(all, 180, "east", outerSign).map((polygon) => polygon.map((ring) => shiftRing(ring, -360)))];
}

function crossesAntimeridian(ring: Ring): boolean {
  return ring.some((p, i) => i > 0 && Math.abs(p[0]! - ring[i - 1]![0]!) > 180);
}

/** Longitudes made continuous (no step over 180°), so a ring crossing 180° runs on past it. */
function unwrap(ring: Ring): Ring {
  const out: Ring = [];
  let offset = 0;
  for (const [lon, lat] of ring) {
    let x = lon! + offset;
    const previous = out.at(-1);
    if (previous) {
      while (x - previous[0]! > 180) {
        x -= 360;
        offset -= 360;
      }
      while (x - previous[0]! < -180) {
        x += 360;
        offset += 360;
      }
    }
    out.push([x, lat!]);
  }
  return out;
}

/** An unwrapped ring that ends 360° from where it started goes round a pole (Antarctica): close it along the pole. */
function closeAroundPole(ring: Ring): Ring {
  const first = ring[0]!;
  const last = ring.at(-1)!;
  const turns = Math.round((last[0]! - first[0]!) / 360);
  if (turns === 0) return ring;
  const meanLat = ring.reduce((sum, p) => sum + p[1]!, 0) / ring.length;
  const pole = meanLat < 0 ? -90 : 90;
  const closed = [...ring];
  const steps = Math.ceil(Math.abs(last[0]! - first[0]!) / 90);
  for (let i = 0; i <= steps; i++) closed.push([last[0]! + ((first[0]! - last[0]!) * i) / steps, pole]);
  closed.push([first[0]!, first[1]!]);
  return closed;
}

type Side = "west" | "east";

/** The parts of a polygon on one side of the meridian x = line, as polygons (outer ring first). */
function clipToSide(rings: PolygonRings, line: number, side: Side, outerSign: number): PolygonRings[] {
  // A point exactly on the line counts as east, on both passes, so the two sides tile the original.
  const inside = (p: Position) => (side === "west" ? p[0]! < line : p[0]! >= line);
  const crossing = (a: Position, b: Position): Position => {
    if (b[0] === line) return [line, b[1]!];
    if (a[0] === line) return [line, a[1]!];
    return [line, a[1]! + ((line - a[0]!) * (b[1]! - a[1]!)) / (b[0]! - a[0]!)];
  };

  type Chain = { points: Position[]; entry: number; exit: number };
  const whole: Ring[] = [];
  const chains: Chain[] = [];
  for (const closedRing of rings) {
    const ring = closedRing.slice(0, -1);
    const n = ring.length;
    const flags = ring.map(inside);
    if (flags.every(Boolean)) {
      whole.push(closedRing);
      continue;
    }
    if (!flags.some(Boolean)) continue;
    const start = flags.findIndex((flag, i) => !flag && flags[(i + 1) % n]);
    let current: Position[] | null = null;
    let entry = 0;
    for (let k = 0; k < n; k++) {
      const a = ring[(start + k) % n]!;
      const b = ring[(start + k + 1) % n]!;
      const ia = flags[(start + k) % n];
      const ib = flags[(start + k + 1) % n];
      if (!ia && ib) {
        const p = crossing(a, b);
        entry = p[1]!;
        current = [p, b];
      } else if (ia && ib) {
        current?.push(b);
      } else if (ia && !ib && current) {
        const p = crossing(a, b);
        current.push(p);
        chains.push({ points: current, entry, exit: p[1]! });
        current = null;
      }
    }
  }

  // Along the line, the polygon's inside runs between consecutive crossings: each such stretch joins one chain's
  // exit to the next chain's entry.
  const ends = chains.flatMap((chain, index) => [
    { y: chain.entry, index, kind: "entry" as const },
    { y: chain.exit, index, kind: "exit" as const },
  ]);
  ends.sort((a, b) => a.y - b.y || (a.kind === b.kind ? 0 : a.kind === "exit" ? -1 : 1));
  const nextChain = new Map<number, number>();
  for (let i = 0; i + 1 < ends.length; i += 2) {
    const [a, b] = [ends[i]!, ends[i + 1]!];
    const exit = a.kind === "exit" ? a : b;
    const entry = a.kind === "entry" ? a : b;
    if (exit.kind !== "exit" || entry.kind !== "entry") throw new Error("antimeridian split: crossings do not pair up");
    nextChain.set(exit.index, entry.index);
  }
  const used = new Set<number>();
  const linked: Ring[] = [];
  chains.forEach((_, first) => {
    if (used.has(first)) return;
    const ring: Position[] = [];
    let index: number | undefined = first;
    while (index !== undefined && !used.has(index)) {
      used.add(index);
      ring.push(...chains[index]!.points);
      index = nextChain.get(index);
    }
    ring.push(ring[0]!);
    linked.push(ring);
  });

  const pieces = [...whole, ...linked].filter((ring) => Math.abs(signedArea(ring)) > 1e-12);
  const outers = pieces.filter((ring) => Math.sign(signedArea(ring)) === outerSign);
  const holes = pieces.filter((ring) => Math.sign(signedArea(ring)) !== outerSign);
  const polygons: PolygonRings[] = outers.map((ring) => [ring]);
  for (const hole of holes) polygons.find(([outer]) => containsPoint(outer!, hole[0]!))?.push(hole);
  return polygons;
}

function shiftRing(ring: Ring, dx: number): Ring {
  return dx === 0 ? ring : ring.map(([x, y]) => [x! + dx, y!]);
}

function minLon(ring: Ring): number {
  return Math.min(...ring.map((p) => p[0]!));
}

function maxLon(ring: Ring): number {
  return Math.max(...ring.map((p) => p[0]!));
}

/** Shoelace area in degrees²; positive when counter-clockwise with x = longitude, y = latitude. */
export function signedArea(ring: Ring): number {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++) sum += ring[i]![0]! * ring[i + 1]![1]! - ring[i + 1]![0]! * ring[i]![1]!;
  return sum / 2;
}

function containsPoint(ring: Ring, [x, y]: Position): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi! > y! !== yj! > y! && x! < ((xj! - xi!) * (y! - yi!)) / (yj! - yi!) + xi!) inside = !inside;
  }
  return inside;
}

// ---------------------------------------------------------------------------------------------------------------
// Size and conventions: 5 decimals (about 1 m), no repeated points, RFC 7946 winding (outer rings anticlockwise).

function round(value: number): number {
  return Math.round(value * 10 ** DECIMALS) / 10 ** DECIMALS;
}

function tidyRing(ring: Ring, outer: boolean): Ring | null {
  const out: Ring = [];
  for (const p of ring) {
    const q: Position = [round(p[0]!), round(p[1]!)];
    const previous = out.at(-1);
    if (!previous || previous[0] !== q[0] || previous[1] !== q[1]) out.push(q);
  }
  if (out.length < 4 || signedArea(out) === 0) return null;
  return signedArea(out) > 0 === outer ? out : out.reverse();
}

function tidyPolygonal(geometry: Polygon | MultiPolygon): Polygon | MultiPolygon {
  const polygons = (geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates)
    .map((rings) => {
      const [outer, ...holes] = rings;
      const tidyOuter = outer ? tidyRing(outer, true) : null;
      if (!tidyOuter) return null;
      return [tidyOuter, ...holes.map((hole) => tidyRing(hole, false)).filter((hole): hole is Ring => hole !== null)];
    })
    .filter((polygon): polygon is PolygonRings => polygon !== null);
  return polygons.length === 1 ? { type: "Polygon", coordinates: polygons[0]! } : { type: "MultiPolygon", coordinates: polygons };
}

function tidyLine(line: LineString["coordinates"]): LineString["coordinates"] {
  const out: Position[] = [];
  for (const p of line) {
    const q: Position = [round(p[0]!), round(p[1]!)];
    const previous = out.at(-1);
    if (!previous || previous[0] !== q[0] || previous[1] !== q[1]) out.push(q);
  }
  return out;
}

function bounds(geometry: Polygon | MultiPolygon): GeoBox {
  const points = (geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates).flat(2);
  return {
    west: Math.min(...points.map((p) => p[0]!)),
    south: Math.min(...points.map((p) => p[1]!)),
    east: Math.max(...points.map((p) => p[0]!)),
    north: Math.max(...points.map((p) => p[1]!)),
  };
}

function boxesOverlap(a: GeoBox, b: GeoBox): boolean {
  return a.west <= b.east && a.east >= b.west && a.south <= b.north && a.north >= b.south;
}

function inBox([x, y]: Position, box: GeoBox): boolean {
  return x! >= box.west && x! <= box.east && y! >= box.south && y! <= box.north;
}

/** Keeps the runs of a line near the box: a segment stays when either end is inside, enough for a backdrop line. */
function clipLineToBox(line: Position[], box: GeoBox): Position[][] {
  const runs: Position[][] = [];
  let run: Position[] = [];
  for (let i = 0; i + 1 < line.length; i++) {
    const [a, b] = [line[i]!, line[i + 1]!];
    if (inBox(a, box) || inBox(b, box)) {
      if (run.length === 0) run.push(a);
      run.push(b);
    } else if (run.length > 0) {
      runs.push(run);
      run = [];
    }
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const written = await buildGeo(process.argv[2]);
  console.log(`build-geo: wrote ${written.map((file) => path.relative(repoRoot, file)).join(", ")}`);
}
