import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { FeatureCollection, Geometry, MultiPolygon, Polygon, Position } from "geojson";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildGeo, signedArea, splitAtAntimeridian } from "./build-geo";

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "goldlens-geo-"));
  await buildGeo(dir);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function read(name: string): Promise<FeatureCollection<Geometry, Record<string, unknown>>> {
  return JSON.parse(await readFile(path.join(dir, name), "utf8"));
}

function polygons(geometry: Geometry): Position[][][] {
  if (geometry.type === "Polygon") return [geometry.coordinates];
  if (geometry.type === "MultiPolygon") return geometry.coordinates;
  return [];
}

function rings(geometry: Geometry): Position[][] {
  if (geometry.type === "MultiLineString") return geometry.coordinates;
  return polygons(geometry).flat();
}

function extent(collection: FeatureCollection) {
  const points = collection.features.flatMap((f) => rings(f.geometry).flat());
  const xs = points.map((p) => p[0]!);
  const ys = points.map((p) => p[1]!);
  return { west: Math.min(...xs), south: Math.min(...ys), east: Math.max(...xs), north: Math.max(...ys) };
}

function totalArea(geometry: Polygon | MultiPolygon): number {
  return polygons(geometry).reduce((sum, [outer, ...holes]) => sum + Math.abs(signedArea(outer!)) - holes.reduce((h, ring) => h + Math.abs(signedArea(ring)), 0), 0);
}

describe("nyc-boroughs.json", () => {
  it("holds the five boroughs under the names our policy data uses", async () => {
    const boroughs = await read("nyc-boroughs.json");
    expect(boroughs.type).toBe("FeatureCollection");
    expect(boroughs.features.map((f) => f.properties?.borough).sort()).toEqual(["BRONX", "BROOKLYN", "MANHATTAN", "QUEENS", "STATEN ISLAND"]);
    for (const borough of boroughs.features) expect(Object.keys(borough.properties ?? {})).toEqual(["borough"]);
  });

  it("gives each borough a closed polygon with area", async () => {
    const boroughs = await read("nyc-boroughs.json");
    for (const borough of boroughs.features) {
      expect(["Polygon", "MultiPolygon"]).toContain(borough.geometry.type);
      const outers = polygons(borough.geometry).map(([outer]) => outer!);
      expect(outers.length).toBeGreaterThan(0);
      for (const ring of outers) {
        expect(ring.length).toBeGreaterThanOrEqual(4);
        expect(ring.at(-1)).toEqual(ring[0]);
        // RFC 7946: outer rings anticlockwise.
        expect(signedArea(ring)).toBeGreaterThan(0);
      }
    }
  });

  it("lies inside New York City", async () => {
    const box = extent(await read("nyc-boroughs.json"));
    expect(box.west).toBeGreaterThan(-74.3);
    expect(box.east).toBeLessThan(-73.65);
    expect(box.south).toBeGreaterThan(40.45);
    expect(box.north).toBeLessThan(40.95);
    // and spans it: Tottenville to the Bronx's north edge, Staten Island to eastern Queens
    expect(box.west).toBeLessThan(-74.2);
    expect(box.east).toBeGreaterThan(-73.75);
    expect(box.south).toBeLessThan(40.55);
    expect(box.north).toBeGreaterThan(40.88);
  });

  it("rounds coordinates to 5 decimals", async () => {
    const points = (await read("nyc-boroughs.json")).features.flatMap((f) => rings(f.geometry).flat());
    for (const [x, y] of points) {
      expect(Math.abs(x! * 1e5 - Math.round(x! * 1e5))).toBeLessThan(1e-6);
      expect(Math.abs(y! * 1e5 - Math.round(y! * 1e5))).toBeLessThan(1e-6);
    }
  });
});

describe("nyc-context.json", () => {
  it("surrounds the boroughs with neighbouring land and a state border, without repeating the boroughs", async () => {
    const context = await read("nyc-context.json");
    const counties = context.features.filter((f) => f.properties?.kind === "county");
    const borders = context.features.filter((f) => f.properties?.kind === "state-border");
    expect(counties.length).toBeGreaterThanOrEqual(10);
    expect(borders).toHaveLength(1);
    expect(borders[0]!.geometry.type).toBe("MultiLineString");
    const box = extent(context);
    expect(box.west).toBeLessThan(-74.6);
    expect(box.east).toBeGreaterThan(-73.4);
    expect(box.south).toBeLessThan(40.3);
    expect(box.north).toBeGreaterThan(41.1);
    const boroughIds = new Set((await read("nyc-boroughs.json")).features.map((f) => f.id));
    expect(context.features.some((f) => f.id !== undefined && boroughIds.has(f.id))).toBe(false);
  });
});

describe("world-countries.json", () => {
  it("names every country and ids it by its 3-digit ISO numeric code", async () => {
    const world = await read("world-countries.json");
    expect(world.features.length).toBe(177);
    for (const country of world.features) {
      expect(typeof country.properties?.name).toBe("string");
      expect(Object.keys(country.properties ?? {})).toEqual(["name"]);
      if (country.id !== undefined) expect(country.id).toMatch(/^\d{3}$/);
    }
    const byName = new Map(world.features.map((f) => [f.properties?.name, f.id]));
    expect(byName.get("Russia")).toBe("643");
    expect(byName.get("Fiji")).toBe("242");
    expect(byName.get("Afghanistan")).toBe("004");
  });

  it("has no ring with a segment jumping more than 180° of longitude, nor a point outside ±180°", async () => {
    const world = await read("world-countries.json");
    const offenders: string[] = [];
    for (const country of world.features) {
      for (const ring of rings(country.geometry)) {
        ring.forEach(([lon], i) => {
          if (Math.abs(lon!) > 180) offenders.push(`${country.properties?.name}: point at ${lon}`);
          if (i > 0 && Math.abs(lon! - ring[i - 1]![0]!) > 180) offenders.push(`${country.properties?.name}: ${ring[i - 1]![0]} -> ${lon}`);
        });
      }
    }
    expect(offenders).toEqual([]);
  });

  it("keeps Russia and Fiji whole on both sides of 180°", async () => {
    const world = await read("world-countries.json");
    for (const name of ["Russia", "Fiji"]) {
      const country = world.features.find((f) => f.properties?.name === name)!;
      const lons = rings(country.geometry).flat().map((p) => p[0]!);
      expect(lons.some((lon) => lon > 170), `${name} east of 170°E`).toBe(true);
      expect(lons.some((lon) => lon < -170), `${name} west of 170°W`).toBe(true);
    }
  });
});

describe("splitAtAntimeridian", () => {
  it("cuts a square straddling 180° into two halves of the same total area", () => {
    const square: Polygon = { type: "Polygon", coordinates: [[[170, 0], [-170, 0], [-170, 10], [170, 10], [170, 0]]] };
    const split = splitAtAntimeridian(square);
    expect(split.type).toBe("MultiPolygon");
    const parts = polygons(split);
    expect(parts).toHaveLength(2);
    const ranges = parts.map(([outer]) => [Math.min(...outer!.map((p) => p[0]!)), Math.max(...outer!.map((p) => p[0]!))]).sort((a, b) => a[0]! - b[0]!);
    expect(ranges).toEqual([[-180, -170], [170, 180]]);
    expect(totalArea(split)).toBeCloseTo(200, 9);
  });

  it("cuts a shape crossing 180° several times into every separate piece", () => {
    // A "C" open to the east: its two arms cross 180°, its back stays west of it.
    const c: Polygon = {
      type: "Polygon",
      coordinates: [[[170, 0], [-175, 0], [-175, 2], [175, 2], [175, 8], [-175, 8], [-175, 10], [170, 10], [170, 0]]],
    };
    const split = splitAtAntimeridian(c);
    const parts = polygons(split);
    expect(parts).toHaveLength(3);
    // 10° x 10° minus the 5° x 6° notch: 70 west of 180°; 2 x (5° x 2°) = 20 east of it.
    expect(totalArea(split)).toBeCloseTo(90, 9);
    const east = parts.filter(([outer]) => outer!.every((p) => p[0]! <= -175));
    expect(east).toHaveLength(2);
  });

  it("closes a ring around the South Pole along the pole instead of across the map", () => {
    const cap: Polygon = { type: "Polygon", coordinates: [[[-180, -70], [-60, -65], [60, -72], [180, -70], [-180, -70]]] };
    const split = splitAtAntimeridian(cap);
    for (const ring of rings(split)) {
      ring.forEach(([lon], i) => i > 0 && expect(Math.abs(lon! - ring[i - 1]![0]!)).toBeLessThanOrEqual(180));
    }
    expect(rings(split).flat().some(([, lat]) => lat === -90)).toBe(true);
  });

  it("leaves polygons that do not cross 180° as they are", () => {
    const square: Polygon = { type: "Polygon", coordinates: [[[10, 0], [20, 0], [20, 10], [10, 10], [10, 0]]] };
    expect(splitAtAntimeridian(square)).toEqual(square);
  });
});
