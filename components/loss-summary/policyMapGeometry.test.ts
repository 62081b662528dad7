import type { Feature, Polygon } from "geojson";
import { describe, expect, it } from "vitest";
import { mercator, svgPathOf, windForD3 } from "@/components/maps/svg/projection";
import { NYC_BOROUGHS } from "@/lib/geo";
import { policyMapGeometry } from "./loadPolicyMapGeometry";
import { projectPolicyMap, type PolicyMapGeometry } from "./policyMapGeometry";

/** An RFC 7946 (counter-clockwise) rectangle, as public/geo writes polygons. */
function rectangle(west: number, south: number, east: number, north: number): Polygon {
  return { type: "Polygon", coordinates: [[[west, south], [east, south], [east, north], [west, north], [west, south]]] };
}

// Two boroughs side by side, 0.2° wide and 0.1° tall: in Mercator at 40.6° N that is 0.003491 by 0.002300 rad,
// so the fit is set by the width: 600 - 2 · 24 = 552 units across, centred on 280 vertically.
const boroughs = {
  type: "FeatureCollection" as const,
  features: [
    { type: "Feature" as const, properties: { borough: " Brooklyn" }, geometry: rectangle(-74, 40.6, -73.9, 40.7) },
    { type: "Feature" as const, properties: { borough: "QUEENS" }, geometry: rectangle(-73.9, 40.6, -73.8, 40.7) },
  ],
};
const context = {
  type: "FeatureCollection" as const,
  features: [
    // Far wider than anything the map can show: cut to the clip extent.
    { type: "Feature" as const, properties: { kind: "county" as const }, geometry: rectangle(-80, 38, -68, 43) },
    {
      type: "Feature" as const,
      properties: { kind: "state-border" as const },
      geometry: { type: "MultiLineString" as const, coordinates: [[[-74.1, 40.5], [-74.1, 40.8]]] },
    },
  ],
};

const numbersIn = (d: string) => (d.match(/-?\d+(\.\d+)?/g) ?? []).map(Number);
const xs = (d: string) => numbersIn(d).filter((_, i) => i % 2 === 0);
const ys = (d: string) => numbersIn(d).filter((_, i) => i % 2 === 1);

describe("projectPolicyMap", () => {
  const geometry = projectPolicyMap(boroughs, context);
  const [brooklyn, queens] = geometry.boroughs;

  it("names the boroughs as policy exports spell them", () => {
    expect(geometry.boroughs.map((b) => b.borough)).toEqual(["BROOKLYN", "QUEENS"]);
  });

  it("fits the boroughs to the viewBox, inside its padding", () => {
    expect(geometry.viewBox).toEqual({ width: 600, height: 560 });
    expect(Math.min(...xs(brooklyn!.d))).toBe(24);
    expect(Math.max(...xs(brooklyn!.d))).toBe(300);
    expect(Math.max(...xs(queens!.d))).toBe(576);
    // 552 · 0.002300 / 0.003491 = 363.7 units tall, centred on 280.
    const top = Math.min(...ys(brooklyn!.d));
    const bottom = Math.max(...ys(brooklyn!.d));
    expect(bottom - top).toBeCloseTo(363.7, 0);
    expect((top + bottom) / 2).toBeCloseTo(280, 0);
  });

  it("puts each name in the middle of its borough", () => {
    expect(brooklyn!.label[0]).toBeCloseTo(162, 0);
    expect(brooklyn!.label[1]).toBeCloseTo(280, 0);
    expect(queens!.label[0]).toBeCloseTo(438, 0);
  });

  it("writes every coordinate with at most one decimal", () => {
    for (const d of [brooklyn!.d, queens!.d, geometry.land, geometry.stateBorders]) {
      for (const n of d.match(/-?\d+(\.\d+)?/g) ?? []) expect(n).toMatch(/^-?\d+(\.\d)?$/);
    }
  });

  it("cuts the land around the city a map and a half beyond the viewBox", () => {
    expect(Math.min(...xs(geometry.land))).toBe(-900);
    expect(Math.max(...xs(geometry.land))).toBe(1500);
    expect(Math.min(...ys(geometry.land))).toBe(-560);
    expect(Math.max(...ys(geometry.land))).toBe(1120);
    // The state border is a line 0.1° west of Brooklyn's west edge (x = 24), at 552 units per 0.2°: x = 24 - 276.
    expect(geometry.stateBorders).not.toContain("Z");
    expect(xs(geometry.stateBorders)).toEqual([-252, -252]);
  });

  it("draws the same paths on the client from the fit the page sends, so hydration matches", () => {
    const sent: PolicyMapGeometry = JSON.parse(JSON.stringify(geometry));
    const clientPath = svgPathOf(mercator(sent.fit));
    boroughs.features.forEach((f, i) => {
      const shape: Feature = { type: "Feature", properties: {}, geometry: windForD3(f.geometry) };
      expect(clientPath(shape)).toBe(geometry.boroughs[i]!.d);
    });
  });
});

describe("policyMapGeometry", () => {
  it("projects the five boroughs from public/geo once per process", () => {
    const geometry = policyMapGeometry();
    expect(geometry?.boroughs.map((b) => b.borough).sort()).toEqual([...NYC_BOROUGHS]);
    for (const b of geometry!.boroughs) {
      for (const x of xs(b.d)) expect(x).toBeGreaterThanOrEqual(24 - 0.1);
      for (const x of xs(b.d)) expect(x).toBeLessThanOrEqual(576 + 0.1);
      for (const y of ys(b.d)) expect(y).toBeGreaterThanOrEqual(24 - 0.1);
      for (const y of ys(b.d)) expect(y).toBeLessThanOrEqual(536 + 0.1);
    }
    expect(policyMapGeometry()).toBe(geometry);
  });
});
