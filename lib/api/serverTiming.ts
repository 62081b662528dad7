import "server-only";
import { NextResponse } from "next/server";

/**
 * The Server-Timing header of an API answer: the route handler's own time, from its first line to its
 * answer's JSON text (validation, queries, decisions, serialisation), and whether the response cache
 * answered. Browsers' developer tools show it beside the request's total; the difference is HTTP,
 * routing and the access check, which the handler does not see.
 */
export function serverTiming(startedMs: number, cache?: "hit" | "miss"): string {
  const handler = `app;dur=${(performance.now() - startedMs).toFixed(2)};desc="route handler"`;
  return cache ? `${handler}, cache;desc=${cache}` : handler;
}

/** A JSON answer whose handler time is taken once its text is written, so serialisation counts in it. */
export function jsonAnswer(body: unknown, startedMs: number, headers: Record<string, string>, status = 200): NextResponse {
  const json = JSON.stringify(body);
  return new NextResponse(json, { status, headers: { "content-type": "application/json", ...headers, "server-timing": serverTiming(startedMs) } });
}
