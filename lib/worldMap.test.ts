import { readFileSync } from "node:fs";
import path from "node:path";
import type { FeatureCollection } from "geojson";
import { describe, expect, it } from "vitest";
import { GEO_FILES } from "./geo";
import { CompactPath, WORLD_MAP_WIDTH, projectWorld } from "./worldMap";

/** The points of an SVG path of M, m, l (with implicit repeats) and z commands, in absolute units. */
function points(d: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let x = 0;
  let y = 0;
  let start: [number, number] = [0, 0];
  for (const [, command, args] of d.matchAll(/([MmLlZz])([^MmLlZz]*)/g)) {
    if (command === "z" || command === "Z") {
      [x, y] = start;
      continue;
    }
    const numbers = args!.trim().split(/[\s,]+/).filter(Boolean).map(Number);
    for (let i = 0; i < numbers.length; i += 2) {
      const relative = command === "m" || command === "l";
      x = relative ? x + numbers[i]! : numbers[i]!;
      y = relative ? y + numbers[i + 1]! : numbers[i + 1]!;
      if (i === 0 && (command === "m" || command === "M")) start = [x, y];
      out.push([x, y]);
    }
  }
  return out;
}

/** The x and y ranges an SVG path touches. */
function extent(d: string) {
  const xs = points(d).map((p) => p[0]);
  const ys = points(d).map((p) => p[1]);
  return { minX: Math.min(...xs), maxX: Math.max(...xs), minY: Math.min(...ys), maxY: Math.max(...ys) };
}

// Exterior rings counter-clockwise, as RFC 7946 and the files under public/geo have them.
const square = (west: number, south: number, east: number, north: number) => [
  [
    [west, south],
    [east, south],
    [east, north],
    [west, north],
    [west, south],
  ],
];

const fixture: FeatureCollection = {
  type: "FeatureCollection",
  features: [
    { type: "Feature", id: "276", properties: { name: "Germany" }, geometry: { type: "Polygon", coordinates: square(6, 47, 15, 55) } },
    { type: "Feature", id: "076", properties: { name: "Brazil" }, geometry: { type: "MultiPolygon", coordinates: [square(-74, -34, -35, 5)] } },
    { type: "Feature", id: "010", properties: { name: "Antarctica" }, geometry: { type: "Polygon", coordinates: square(-180, -90, 180, -60) } },
    { type: "Feature", properties: { name: "No code" }, geometry: { type: "Polygon", coordinates: square(20, 0, 25, 5) } },
  ],
};

describe("projectWorld", () => {
  it("draws each country as its own small area, not the rest of the world (ring order)", () => {
    const { shapes, width, height } = projectWorld(fixture);
    expect(width).toBe(WORLD_MAP_WIDTH);
    const germany = extent(shapes.find((s) => s.isoN3 === "276")!.d);
    const brazil = extent(shapes.find((s) => s.isoN3 === "076")!.d);
    // Fitted to the two countries: together they span the width less the 4-unit padding (within a unit
    // or two: d3 fits on a resampled outline, and the path is in whole units), Brazil on the left.
    expect(Math.abs(brazil.minX - 4)).toBeLessThanOrEqual(1.5);
    expect(Math.abs(germany.maxX - (WORLD_MAP_WIDTH - 4))).toBeLessThanOrEqual(1.5);
    expect(germany.maxX - germany.minX).toBeLessThan(WORLD_MAP_WIDTH / 2);
    // North is up: Germany above Brazil, and the map as tall as the two with padding.
    expect(germany.maxY).toBeLessThan(brazil.minY);
    expect(Math.abs(germany.minY - 4)).toBeLessThanOrEqual(1);
    expect(Math.abs(height - (brazil.maxY - germany.minY + 8))).toBeLessThanOrEqual(1.5);
  });

  it("leaves out Antarctica and areas without an ISO code", () => {
    expect(projectWorld(fixture).shapes.map((s) => s.isoN3).sort()).toEqual(["076", "276"]);
  });

  it("writes whole units with relative steps, none of them empty", () => {
    const { shapes } = projectWorld(fixture);
    for (const s of shapes) {
      expect(s.d).not.toContain(".");
      expect(s.d).toMatch(/^M\d+,\d+l/);
      expect(s.d).not.toMatch(/(^|[l ])0,0(?=[ z])/);
    }
    expect(projectWorld(fixture)).toEqual(projectWorld(fixture));
  });

  it("CompactPath: relative steps from the last rounded point; a new ring starts relative too", () => {
    const path = new CompactPath();
    path.moveTo(10.4, 20.6);
    path.lineTo(13.2, 20.6);
    path.lineTo(13.4, 20.7); // rounds onto the previous point: dropped
    path.lineTo(13, 25);
    path.closePath();
    path.moveTo(100, 100);
    path.lineTo(99.6, 104.5);
    path.closePath();
    // 10,21 -> 13,21 -> 13,25; then 100,100 is 87,75 from 13,25; 100,105 is 0,5 further.
    expect(path.take()).toBe("M10,21l3,0 0,4zm87,75l0,5z");
    expect(path.take()).toBe("");
  });

  it("CompactPath with a tolerance: leaves out points that barely leave the line, keeps corners and small islands", () => {
    const path = new CompactPath(0.6);
    // A square's bottom edge with a point 0.3 off it (left out) and a notch 3 deep (kept).
    path.moveTo(0, 0);
    path.lineTo(10, 0.3);
    path.lineTo(20, 0);
    path.lineTo(25, 3);
    path.lineTo(30, 0);
    path.lineTo(40, 0);
    path.lineTo(40, 40);
    path.lineTo(0, 40);
    path.closePath();
    // An island smaller than the tolerance across: simplified it would be a line, so it keeps its points.
    path.moveTo(100.2, 100.2);
    path.lineTo(100.6, 100.2);
    path.lineTo(100.4, 100.6);
    path.closePath();
    const d = path.take();
    expect(points(d).slice(0, 7)).toEqual([
      [0, 0],
      [20, 0],
      [25, 3],
      [30, 0],
      [40, 0],
      [40, 40],
      [0, 40],
    ]);
    // The island, in whole units: 100,100 (100 along and 60 down from the square's last corner), 101,100, 100,101.
    expect(d.endsWith("zm100,60l1,0 -1,1z")).toBe(true);
  });

  it("simplifies the shipped world to under 30,000 characters of path without moving any country's edges", () => {
    const world = JSON.parse(readFileSync(path.join("public", GEO_FILES.worldCountries), "utf8")) as FeatureCollection;
    const exact = projectWorld(world, 0);
    const drawn = projectWorld(world);
    const size = (g: typeof drawn) => g.shapes.reduce((sum, s) => sum + s.d.length, 0);
    expect(size(exact)).toBeGreaterThan(40_000);
    expect(size(drawn)).toBeLessThan(30_000);
    expect(drawn.shapes.map((s) => s.isoN3)).toEqual(exact.shapes.map((s) => s.isoN3));
    for (const [i, shape] of drawn.shapes.entries()) {
      const a = extent(shape.d);
      const b = extent(exact.shapes[i]!.d);
      // Within a unit (about a pixel) on every side, and still drawn (a move, then steps).
      for (const side of ["minX", "maxX", "minY", "maxY"] as const) expect(Math.abs(a[side] - b[side]), `${shape.name} ${side}`).toBeLessThanOrEqual(1);
      expect(shape.d).toMatch(/^M-?\d+,-?\d+l/);
    }
  });

  it("projects the shipped world file with every country in place", () => {
    const world = JSON.parse(readFileSync(path.join("public", GEO_FILES.worldCountries), "utf8")) as FeatureCollection;
    const { shapes, width, height } = projectWorld(world);
    expect(shapes.length).toBeGreaterThan(170);
    expect(height).toBeGreaterThan(400);
    expect(height).toBeLessThan(width);
    const centre = (iso: string) => {
      const e = extent(shapes.find((s) => s.isoN3 === iso)!.d);
      return { x: (e.minX + e.maxX) / 2, y: (e.minY + e.maxY) / 2, w: e.maxX - e.minX };
    };
    // Only the countries cut by the antimeridian (drawn at both edges) span more than half the map.
    const wide = shapes.filter((s) => extent(s.d).maxX - extent(s.d).minX > width / 2).map((s) => s.name);
    expect(wide.sort()).toEqual(["Fiji", "Russia"]);
    // Germany (276) east of France (250) and north of Italy (380); Brazil (076) west and south of Nigeria (566).
    expect(centre("276").x).toBeGreaterThan(centre("250").x);
    expect(centre("276").y).toBeLessThan(centre("380").y);
    expect(centre("076").x).toBeLessThan(centre("566").x);
    expect(centre("076").y).toBeGreaterThan(centre("566").y);
  });
});
