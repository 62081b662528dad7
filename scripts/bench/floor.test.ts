import { describe, expect, it } from "vitest";
import { floorBound, floorNote, ratioSplit, splitNote } from "./floor";
import { handlerMs } from "./load";

describe("the framework floor under the API/engine ratio", () => {
  it("is (engine + floor) / engine over the same requests", () => {
    // Engine 4 + 6 = 10 ms, floor 3 + 2 = 5 ms: the route cannot answer these two in less than 15 ms.
    expect(floorBound([4, 6], [3, 2])).toBeCloseTo(1.5, 10);
    expect(floorBound([40], [4])).toBeCloseTo(1.1, 10);
  });

  it("refuses samples that do not pair up", () => {
    expect(() => floorBound([4, 6], [3])).toThrow(/one floor sample per engine sample/);
    expect(() => floorBound([], [])).toThrow();
  });

  it("names only the APIs whose budget the floor puts out of reach", () => {
    const note = floorNote(
      [
        { label: "GET /api/claims/{claimNo}", ratio: 2.63, bound: 1.86, floorMs: 3.8, engineMs: 4.4, split: { handler: 1.4, outside: 1.23 } },
        { label: "GET /api/loss-summary", ratio: 1.55, bound: 1.16, floorMs: 3.7, engineMs: 23.1, split: { handler: 1.3, outside: 0.25 } },
        { label: "GET /api/claims/{claimNo}/telematics", ratio: 2.24, bound: 1.81, floorMs: 3.8, engineMs: 4.7, split: { handler: 1.2, outside: 1.04 } },
      ],
      1.5,
    )!;
    expect(note).toContain("GET /api/claims/{claimNo} (measured 2.63, floor alone 1.86: 3.8 ms against an engine time of 4.4 ms)");
    expect(note).toContain("; and GET /api/claims/{claimNo}/telematics (measured 2.24, floor alone 1.81");
    expect(note).not.toContain("loss-summary");
  });

  it("says nothing when the floor leaves every budget within reach", () => {
    expect(floorNote([{ label: "GET /api/loss-summary", ratio: 1.55, bound: 1.5, floorMs: 3, engineMs: 6, split: { handler: 1.1, outside: 0.45 } }], 1.5)).toBeNull();
    expect(floorNote([], 1.5)).toBeNull();
  });
});

describe("the API/engine ratio split at the route handler", () => {
  it("reads the handler's time from the answer's Server-Timing", () => {
    expect(handlerMs('app;dur=12.34;desc="route handler", cache;desc=miss')).toBe(12.34);
    expect(handlerMs('cache;desc=hit, app;dur=7;desc="route handler"')).toBe(7);
    expect(handlerMs("cache;desc=hit")).toBeNull();
    expect(handlerMs("myapp;dur=3")).toBeNull();
    expect(handlerMs(null)).toBeNull();
  });

  it("puts the handler's time and the rest against the engine's, adding up to the ratio", () => {
    // API 10 + 20 = 30 ms, handler 7 + 13 = 20, engine 5 + 10 = 15: ratio 2 = 20/15 in the handler + 10/15 outside.
    const split = ratioSplit([10, 20], [7, 13], [5, 10]);
    expect(split.handler).toBeCloseTo(4 / 3, 10);
    expect(split.outside).toBeCloseTo(2 / 3, 10);
    expect(() => ratioSplit([10], [7, 13], [5, 10])).toThrow(/one API, handler and engine time per request/);
    expect(() => ratioSplit([], [], [])).toThrow();
  });

  it("names each ratio over its budget with its two parts and the floor's share", () => {
    const note = splitNote(
      [
        { label: "GET /api/claims/{claimNo}", ratio: 2.63, bound: 1.86, floorMs: 3.8, engineMs: 4.4, split: { handler: 1.4, outside: 1.23 } },
        { label: "GET /api/loss-summary", ratio: 1.45, bound: 1.16, floorMs: 3.7, engineMs: 23.1, split: { handler: 1.2, outside: 0.25 } },
      ],
      1.5,
    )!;
    expect(note).toContain("GET /api/claims/{claimNo} 2.63 = 1.40 in the route handler + 1.23 outside it (the floor alone 0.86)");
    expect(note).not.toContain("loss-summary");
    expect(splitNote([{ label: "GET /api/loss-summary", ratio: 1.45, bound: 1.16, floorMs: 3.7, engineMs: 23.1, split: { handler: 1.2, outside: 0.25 } }], 1.5)).toBeNull();
  });
});
