/**
 * The framework's own share of an API's time. Every request to a route pays for HTTP, routing, the proxy's
 * access check and the route's response before and after any query; a malformed request to the same route,
 * refused with 400 before any query runs, pays for just that. Its time is the floor under the API's time,
 * so (engine + floor) / engine is the lowest API/engine ratio the route can reach on this framework and host,
 * however little the route's own code costs. The route handler's own time (its Server-Timing) splits the
 * ratio at the handler: what the handler did, and what the request spent outside it.
 */
import { sum } from "./stats";

/**
 * An API/engine ratio in two parts over the same requests: the route handler's own time (its queries, the
 * rows made into objects and checked, the answer written as JSON) against the engine's, and what the request
 * spent outside the handler (HTTP, routing, the proxy's access check, sending the answer). They add up to
 * the ratio.
 */
export function ratioSplit(apiMs: number[], handlerMs: number[], engineMs: number[]): { handler: number; outside: number } {
  if (engineMs.length === 0 || apiMs.length !== engineMs.length || handlerMs.length !== engineMs.length) throw new Error("ratioSplit: one API, handler and engine time per request");
  const engine = sum(engineMs);
  return { handler: sum(handlerMs) / engine, outside: (sum(apiMs) - sum(handlerMs)) / engine };
}

/** The lowest API/engine ratio the floor allows over the same requests: (engine + floor) / engine, summed. */
export function floorBound(engineMs: number[], floorMs: number[]): number {
  if (engineMs.length === 0 || engineMs.length !== floorMs.length) throw new Error("floorBound: one floor sample per engine sample");
  const engine = sum(engineMs);
  return (engine + sum(floorMs)) / engine;
}

export interface FloorRow {
  label: string;
  /** The measured API/engine ratio. */
  ratio: number;
  /** floorBound over the same requests. */
  bound: number;
  /** Median time of the refused requests, ms. */
  floorMs: number;
  /** Median engine time of the requests, ms. */
  engineMs: number;
  /** ratioSplit over the same requests. */
  split: { handler: number; outside: number };
}

/**
 * A sentence for the summary naming the APIs whose ratio budget the floor alone puts out of reach (null when
 * it puts none), so a miss that no change to the route's own code can cure reads as such.
 */
export function floorNote(rows: FloorRow[], limit: number): string | null {
  const out = rows.filter((r) => r.bound > limit);
  if (out.length === 0) return null;
  const named = out.map((r) => `${r.label} (measured ${r.ratio.toFixed(2)}, floor alone ${r.bound.toFixed(2)}: ${r.floorMs.toFixed(1)} ms against an engine time of ${r.engineMs.toFixed(1)} ms)`);
  const listed = named.length === 1 ? named[0] : `${named.slice(0, -1).join("; ")}; and ${named.at(-1)}`;
  return `Framework floor: a request that the route refuses before any query costs so much next to the engine time that the API/engine budget of ${limit} is out of reach whatever the route's own code does, for ${listed}.`;
}

/** A sentence for the summary splitting each ratio over its budget into the handler's share and the rest (null when none is over). */
export function splitNote(rows: FloorRow[], limit: number): string | null {
  const over = rows.filter((r) => r.ratio > limit);
  if (over.length === 0) return null;
  const named = over.map(
    (r) => `${r.label} ${r.ratio.toFixed(2)} = ${r.split.handler.toFixed(2)} in the route handler + ${r.split.outside.toFixed(2)} outside it (the floor alone ${(r.bound - 1).toFixed(2)})`,
  );
  return `Where the ratios over ${limit} go, against the engine time of the same requests: ${named.join("; ")}.`;
}
