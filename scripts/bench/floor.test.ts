import { describe, expect, it } from "vitest";
import { floorBound, floorNote } from "./floor";

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
        { label: "GET /api/claims/{claimNo}", ratio: 2.63, bound: 1.86, floorMs: 3.8, engineMs: 4.4 },
        { label: "GET /api/loss-summary", ratio: 1.55, bound: 1.16, floorMs: 3.7, engineMs: 23.1 },
        { label: "GET /api/claims/{claimNo}/telematics", ratio: 2.24, bound: 1.81, floorMs: 3.8, engineMs: 4.7 },
      ],
      1.5,
    )!;
    expect(note).toContain("GET /api/claims/{claimNo} (measured 2.63, floor alone 1.86: 3.8 ms against an engine time of 4.4 ms)");
    expect(note).toContain("; and GET /api/claims/{claimNo}/telematics (measured 2.24, floor alone 1.81");
    expect(note).not.toContain("loss-summary");
  });

  it("says nothing when the floor leaves every budget within reach", () => {
    expect(floorNote([{ label: "GET /api/loss-summary", ratio: 1.55, bound: 1.5, floorMs: 3, engineMs: 6 }], 1.5)).toBeNull();
    expect(floorNote([], 1.5)).toBeNull();
  });
});
