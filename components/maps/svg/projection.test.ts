import type { Polygon } from "geojson";
import { describe, expect, it } from "vitest";
import { fitMercator, mercator, projectPoint, roundCoordinate, svgPathOf, windForD3 } from "./projection";
import { tooltipAnchor, tooltipStyle } from "./tooltip";

// A box 20° square on the equator. In Mercator its height (2 · ln tan 50° = 0.350852) is a little more than its
// width (20° = 0.349066 rad), so fitted into 200 × 200 with 10 of padding it touches the top and bottom padding.
const box = { type: "MultiPoint" as const, coordinates: [[-10, -10], [10, -10], [10, 10], [-10, 10]] };
const viewBox = { width: 200, height: 200 };

describe("fitMercator", () => {
  const projection = mercator(fitMercator(box, viewBox, 10));

  it("centres the object and fits its taller side inside the padding", () => {
    expect(projection([0, 0])![0]).toBeCloseTo(100, 6);
    expect(projection([0, 0])![1]).toBeCloseTo(100, 6);
    expect(projection([0, 10])![1]).toBeCloseTo(10, 6);
    expect(projection([0, -10])![1]).toBeCloseTo(190, 6);
    // The narrower side: 90 · 0.349066 / 0.350852 = 89.54 either side of the middle.
    expect(projection([10, 0])![0]).toBeCloseTo(189.54, 2);
    expect(projection([-10, 0])![0]).toBeCloseTo(10.46, 2);
  });

  it("rebuilds, from numbers sent as JSON, a projection that draws the very same paths", () => {
    const fit = fitMercator(box, viewBox, 10);
    const received = JSON.parse(JSON.stringify(fit)) as typeof fit;
    const square: Polygon = { type: "Polygon", coordinates: [[[-5, -5], [-5, 5], [5, 5], [5, -5], [-5, -5]]] };
    const onServer = svgPathOf(mercator(fit))(square);
    expect(onServer).toMatch(/^M[\d.,]+L/);
    expect(svgPathOf(mercator(received))(square)).toBe(onServer);
  });
});

describe("svgPathOf", () => {
  it("writes at most one decimal per coordinate", () => {
    const d = svgPathOf(mercator(fitMercator(box, viewBox, 10)))({ type: "LineString", coordinates: [[-7.3, 1.1], [3.3, -2.2], [8.8, 6.6]] });
    const numbers = d.match(/-?\d+(\.\d+)?/g) ?? [];
    expect(numbers).toHaveLength(6);
    for (const n of numbers) expect(n).toMatch(/^-?\d+(\.\d)?$/);
  });
});

describe("projectPoint", () => {
  const projection = mercator(fitMercator(box, viewBox, 10));

  it("rounds to one decimal like the paths", () => {
    expect(projectPoint(projection, 10, 0)).toEqual([189.5, 100]);
    expect(projectPoint(projection, 0, 10)).toEqual([100, 10]);
  });

  it("has no point for a position that is not a number", () => {
    expect(projectPoint(projection, Number.NaN, 10)).toBeNull();
    expect(projectPoint(projection, 0, Number.POSITIVE_INFINITY)).toBeNull();
  });

  it("rounds a half up, as d3's path generator does", () => {
    expect(roundCoordinate(12.25)).toBe(12.3);
    expect(roundCoordinate(-12.25)).toBe(-12.2);
  });
});

describe("windForD3", () => {
  // Counter-clockwise with east to the right and north up: RFC 7946's exterior ring.
  const rfc7946: Polygon = { type: "Polygon", coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]] };

  it("turns an RFC 7946 ring round, so d3 reads the small square and not the rest of the world", () => {
    expect(windForD3(rfc7946)).toEqual({ type: "Polygon", coordinates: [[[0, 0], [0, 1], [1, 1], [1, 0], [0, 0]]] });
  });

  it("leaves a ring already wound for d3 as it is, in a MultiPolygon too", () => {
    const clockwise: Polygon = { type: "Polygon", coordinates: [[[0, 0], [0, 1], [1, 1], [1, 0], [0, 0]]] };
    expect(windForD3(clockwise)).toEqual(clockwise);
    expect(windForD3({ type: "MultiPolygon", coordinates: [clockwise.coordinates, rfc7946.coordinates] })).toEqual({
      type: "MultiPolygon",
      coordinates: [clockwise.coordinates, clockwise.coordinates],
    });
  });
});

describe("tooltipAnchor", () => {
  const mapBox = { left: 100, top: 50, width: 600, height: 400 };

  it("measures from the map box and opens down and right where there is room", () => {
    expect(tooltipAnchor(mapBox, 150, 80)).toEqual({ x: 50, y: 30, flipX: false, flipY: false });
  });

  it("opens left near the right edge and up near the bottom", () => {
    // 600 - 240 = 360 and 400 - 150 = 250 are the last points with room.
    expect(tooltipAnchor(mapBox, 461, 301)).toEqual({ x: 361, y: 251, flipX: true, flipY: true });
    expect(tooltipAnchor(mapBox, 460, 300)).toEqual({ x: 360, y: 250, flipX: false, flipY: false });
  });

  it("places the tooltip 12 px off the anchor, on the side it opens to", () => {
    expect(tooltipStyle({ x: 10, y: 20, flipX: false, flipY: true })).toEqual({ left: 10, top: 20, transform: "translate(12px, calc(-100% - 12px))" });
  });
});
