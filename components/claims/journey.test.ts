import { describe, expect, it } from "vitest";
import type { TelematicsCollection } from "@/lib/api/claims";
import { SPEED_RAMP, formatClock, incidentIndex, journeyPoints, nearestOnPath, pathProgress, speedCheckWindow, speedColor, speedGradient } from "./journey";

function point(seq: number, ts: string, lng: number, lat: number, speed: number | null): TelematicsCollection["features"][number] {
  return { type: "Feature", geometry: { type: "Point", coordinates: [lng, lat] }, properties: { kind: "point", seq, ts, speed } };
}

const collection: TelematicsCollection = {
  type: "FeatureCollection",
  features: [
    { type: "Feature", geometry: { type: "LineString", coordinates: [] }, properties: { kind: "path", start: "", end: "" } },
    point(2, "2026-07-07 18:10:00", -73.92, 40.62, 70),
    point(0, "2026-07-07 18:00:00", -73.9, 40.6, 0),
    point(1, "2026-07-07 18:05:00", -73.91, 40.61, 30),
    point(3, "2026-07-07 18:12:00", -73.92, 40.62, 0),
  ],
};

describe("journeyPoints", () => {
  it("keeps the points only, in time order, and reads the feed's clock without shifting it", () => {
    const points = journeyPoints(collection);
    expect(points.map((p) => p.seq)).toEqual([0, 1, 2, 3]);
    expect(formatClock(points[0]!.time)).toBe("18:00:00");
  });

  it("is empty for no telematics", () => {
    expect(journeyPoints({ type: "FeatureCollection", features: [] })).toEqual([]);
    expect(journeyPoints(undefined)).toEqual([]);
  });
});

describe("incidentIndex", () => {
  const points = journeyPoints(collection);

  it("is the latest of the points at the incident position", () => {
    expect(incidentIndex(points, 40.62, -73.92)).toBe(3);
  });

  it("is null without a position, or when no point is near it", () => {
    expect(incidentIndex(points, null, null)).toBeNull();
    expect(incidentIndex(points, 40.75, -73.99)).toBeNull();
    expect(incidentIndex([], 40.62, -73.92)).toBeNull();
  });
});

describe("speedCheckWindow", () => {
  it("covers the five minutes before the incident and their highest speed", () => {
    const points = journeyPoints(collection);
    const window = speedCheckWindow(points, 3);
    expect(window && formatClock(window.from)).toBe("18:07:00");
    expect(window?.maxSpeed).toBe(70);
    expect(speedCheckWindow(points, null)).toBeNull();
  });
});

describe("speed colours", () => {
  it("follows the ramp and turns grey without a reading", () => {
    expect(speedColor(0)).toBe(SPEED_RAMP[0].color);
    expect(speedColor(200)).toBe(SPEED_RAMP[SPEED_RAMP.length - 1]!.color);
    expect(speedColor(65)).toBe("rgb(224, 83, 43)");
    expect(speedColor(null)).toBe("#8a9099");
  });
});

describe("speedGradient", () => {
  it("rises strictly from 0 to 1, folding points that did not move into the fastest of them", () => {
    const points = journeyPoints(collection);
    const gradient = speedGradient(points)!;
    expect(gradient.slice(0, 3)).toEqual(["interpolate", ["linear"], ["line-progress"]]);
    const stops = gradient.slice(3);
    const positions = stops.filter((_, i) => i % 2 === 0) as number[];
    expect(positions[0]).toBe(0);
    expect(positions.at(-1)).toBe(1);
    for (let i = 1; i < positions.length; i += 1) expect(positions[i]!).toBeGreaterThan(positions[i - 1]!);
    // The last two points share a place: one stop, coloured by the faster (70 mph), not the stop (0 mph).
    expect(positions).toHaveLength(3);
    expect(stops.at(-1)).toBe(speedColor(70));
  });

  it("is null for a path too short to draw", () => {
    const [first] = journeyPoints(collection);
    expect(speedGradient([first!])).toBeNull();
  });

  it("measures progress along the projected line", () => {
    const progress = pathProgress(journeyPoints(collection));
    expect(progress[0]).toBe(0);
    expect(progress.at(-1)).toBe(1);
  });
});

describe("nearestOnPath", () => {
  const screen = [
    { x: 0, y: 0 },
    { x: 100, y: 0 },
    { x: 100, y: 100 },
  ];

  it("picks the nearer end of the nearest segment", () => {
    expect(nearestOnPath(screen, 20, 5, 10)).toBe(0);
    expect(nearestOnPath(screen, 80, 5, 10)).toBe(1);
    expect(nearestOnPath(screen, 95, 90, 10)).toBe(2);
  });

  it("is null away from the path", () => {
    expect(nearestOnPath(screen, 50, 50, 10)).toBeNull();
  });
});
