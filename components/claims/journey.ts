import type { TelematicsCollection } from "@/lib/api/claims";

// Pure helpers for the telematics journey: points in time order, the incident among them, and the colours
// and gradient of the path by speed.

/** The legal-speed threshold of the speed rule (seed_claim_rules.csv: speed_near_incident <= 65). */
export const SPEED_LIMIT_MPH = 65;
/** The speed rule looks at the last five minutes of the track before the incident. */
export const SPEED_WINDOW_MS = 5 * 60_000;

export type JourneyPoint = {
  seq: number;
  /** As the telematics feed records it: "yyyy-MM-dd HH:mm:ss", the vehicle's clock. */
  ts: string;
  /** ts read as UTC, for arithmetic and axes only; it is formatted back with UTC getters, so no zone shifts it. */
  time: number;
  lng: number;
  lat: number;
  speed: number | null;
};

export function parseFeedTime(ts: string): number {
  return Date.parse(`${ts.replace(" ", "T")}Z`);
}

/** 18:23:55 */
export function formatClock(time: number): string {
  const d = new Date(time);
  return [d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds()].map((n) => String(n).padStart(2, "0")).join(":");
}

/** 18:23 */
export function formatClockShort(time: number): string {
  return formatClock(time).slice(0, 5);
}

export function formatSpeed(speed: number | null): string {
  return speed === null || !Number.isFinite(speed) ? "no reading" : `${speed.toFixed(1)} mph`;
}

export function journeyPoints(collection: TelematicsCollection | undefined): JourneyPoint[] {
  if (!collection) return [];
  const points: JourneyPoint[] = [];
  for (const feature of collection.features) {
    if (feature.properties.kind !== "point" || feature.geometry.type !== "Point") continue;
    const [lng, lat] = feature.geometry.coordinates;
    const time = parseFeedTime(feature.properties.ts);
    if (!Number.isFinite(lng) || !Number.isFinite(lat) || !Number.isFinite(time)) continue;
    points.push({ seq: feature.properties.seq, ts: feature.properties.ts, time, lng, lat, speed: feature.properties.speed });
  }
  return points.sort((a, b) => a.time - b.time || a.seq - b.seq);
}

/**
 * The point where the incident happened: the claim's incident position is the vehicle's last point in the
 * incident hour, so it is one of the track's points. The latest of equally near points wins, since a parked
 * vehicle leaves several points in the same place.
 */
export function incidentIndex(points: readonly JourneyPoint[], latitude: number | null, longitude: number | null): number | null {
  if (latitude === null || longitude === null || points.length === 0) return null;
  const cosLat = Math.cos((latitude * Math.PI) / 180);
  let best: number | null = null;
  let bestDistance = Infinity;
  for (let i = 0; i < points.length; i += 1) {
    const p = points[i]!;
    const d = (p.lat - latitude) ** 2 + ((p.lng - longitude) * cosLat) ** 2;
    if (d <= bestDistance) {
      best = i;
      bestDistance = d;
    }
  }
  // Farther than about 200 m from every point: not on this track, so not drawn as if it were.
  return bestDistance <= 0.002 ** 2 ? best : null;
}

/** Speed classes of the path, slowest first; the legal limit is where the colour turns red. */
export const SPEED_RAMP = [
  { speed: 0, color: "#2b6f9e" },
  { speed: 25, color: "#3f9b6a" },
  { speed: 45, color: "#d9a21b" },
  { speed: SPEED_LIMIT_MPH, color: "#e0532b" },
  { speed: 80, color: "#9c1a1f" },
] as const satisfies readonly { speed: number; color: string }[];

function hexToRgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** The ramp's colour for a speed, interpolated between its stops; grey without a reading. */
export function speedColor(speed: number | null): string {
  if (speed === null || !Number.isFinite(speed)) return "#8a9099";
  const first = SPEED_RAMP[0];
  const last = SPEED_RAMP[SPEED_RAMP.length - 1]!;
  if (speed <= first.speed) return first.color;
  if (speed >= last.speed) return last.color;
  const upper = SPEED_RAMP.findIndex((stop) => stop.speed >= speed);
  const a = SPEED_RAMP[upper - 1]!;
  const b = SPEED_RAMP[upper]!;
  const t = (speed - a.speed) / (b.speed - a.speed);
  const [ar, ag, ab] = hexToRgb(a.color);
  const [br, bg, bb] = hexToRgb(b.color);
  const mix = (x: number, y: number) => Math.round(x + (y - x) * t);
  return `rgb(${mix(ar, br)}, ${mix(ag, bg)}, ${mix(ab, bb)})`;
}

function mercatorY(lat: number): number {
  const phi = (lat * Math.PI) / 180;
  return Math.log(Math.tan(Math.PI / 4 + phi / 2));
}

/**
 * Each point's share of the path's length (0 at the start, 1 at the end), measured as maplibre measures
 * `line-progress`: along the projected line.
 */
export function pathProgress(points: readonly JourneyPoint[]): number[] {
  const lengths = [0];
  for (let i = 1; i < points.length; i += 1) {
    const a = points[i - 1]!;
    const b = points[i]!;
    const dx = ((b.lng - a.lng) * Math.PI) / 180;
    const dy = mercatorY(b.lat) - mercatorY(a.lat);
    lengths.push(lengths[i - 1]! + Math.hypot(dx, dy));
  }
  const total = lengths[lengths.length - 1]!;
  return total > 0 ? lengths.map((l) => l / total) : lengths.map((_, i) => (points.length > 1 ? i / (points.length - 1) : 0));
}

/**
 * A `line-gradient` expression colouring the path by the speed at each point. A vehicle standing still adds
 * no length, and an interpolation needs strictly rising stops, so points in the same place share one stop
 * (the fastest of them, which is what an investigator needs to see).
 */
export function speedGradient(points: readonly JourneyPoint[]): unknown[] | null {
  if (points.length < 2) return null;
  const progress = pathProgress(points);
  const stops: { at: number; speed: number | null }[] = [];
  points.forEach((p, i) => {
    const at = progress[i]!;
    const previous = stops[stops.length - 1];
    if (previous && at - previous.at < 1e-6) {
      if (p.speed !== null && (previous.speed === null || p.speed > previous.speed)) previous.speed = p.speed;
      return;
    }
    stops.push({ at, speed: p.speed });
  });
  if (stops.length < 2) return null;
  return ["interpolate", ["linear"], ["line-progress"], ...stops.flatMap((s) => [s.at, speedColor(s.speed)])];
}

export type SpeedWindow = { from: number; to: number; maxSpeed: number | null };

/** The five minutes before the incident that the speed rule checks, and the highest speed in them. */
export function speedCheckWindow(points: readonly JourneyPoint[], incident: number | null): SpeedWindow | null {
  if (incident === null) return null;
  const to = points[incident]!.time;
  const from = to - SPEED_WINDOW_MS;
  let maxSpeed: number | null = null;
  for (const p of points) {
    if (p.time >= from && p.time <= to && p.speed !== null) maxSpeed = maxSpeed === null ? p.speed : Math.max(maxSpeed, p.speed);
  }
  return { from, to, maxSpeed };
}

/** Index of the point on the path nearest a screen position, given the points' screen positions. */
export function nearestOnPath(screen: readonly { x: number; y: number }[], x: number, y: number, maxDistance: number): number | null {
  let best: number | null = null;
  let bestDistance = maxDistance;
  for (let i = 0; i < screen.length; i += 1) {
    const a = screen[i]!;
    const b = screen[i + 1];
    if (!b) {
      const d = Math.hypot(x - a.x, y - a.y);
      if (d <= bestDistance) {
        best = i;
        bestDistance = d;
      }
      continue;
    }
    const vx = b.x - a.x;
    const vy = b.y - a.y;
    const lengthSquared = vx * vx + vy * vy;
    const t = lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, ((x - a.x) * vx + (y - a.y) * vy) / lengthSquared));
    const d = Math.hypot(x - (a.x + t * vx), y - (a.y + t * vy));
    if (d <= bestDistance) {
      best = t < 0.5 ? i : i + 1;
      bestDistance = d;
    }
  }
  return best;
}
