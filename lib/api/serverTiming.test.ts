import { describe, expect, it } from "vitest";
import { jsonAnswer, serverTiming } from "./serverTiming";

const handlerDur = (header: string | null) => Number(/^app;dur=(\d+\.\d{2});desc="route handler"/.exec(header ?? "")?.[1]);

function busy(ms: number) {
  const until = performance.now() + ms;
  while (performance.now() < until);
}

describe("Server-Timing of an API answer", () => {
  it("gives the handler's time since it started, and whether the cache answered", () => {
    const started = performance.now();
    busy(5);
    const before = performance.now() - started;
    const header = serverTiming(started, "hit");
    const after = performance.now() - started;
    expect(handlerDur(header)).toBeGreaterThanOrEqual(Math.floor(before * 100) / 100);
    expect(handlerDur(header)).toBeLessThanOrEqual(after + 0.01);
    expect(header).toMatch(/, cache;desc=hit$/);
    expect(serverTiming(started)).not.toContain("cache");
  });

  it("counts writing the JSON text in the handler's time", async () => {
    const started = performance.now();
    // A body whose serialisation alone takes 20 ms.
    const slowToWrite = { toJSON: () => (busy(20), { ok: true }) };
    const res = jsonAnswer(slowToWrite, started, { "x-request-id": "r1" }, 201);
    expect(handlerDur(res.headers.get("server-timing"))).toBeGreaterThanOrEqual(20);
    expect(res.status).toBe(201);
    expect(res.headers.get("content-type")).toBe("application/json");
    expect(res.headers.get("x-request-id")).toBe("r1");
    expect(await res.json()).toEqual({ ok: true });
  });

  it("keeps a content type the route gives", () => {
    const res = jsonAnswer({ type: "FeatureCollection", features: [] }, performance.now(), { "content-type": "application/geo+json" });
    expect(res.headers.get("content-type")).toBe("application/geo+json");
    expect(res.status).toBe(200);
  });
});
