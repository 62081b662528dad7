import { describe, expect, it } from "vitest";
import { median, percentile, summarize } from "./stats";

describe("latency percentiles (nearest rank)", () => {
  it("takes the sample at rank ceil(p/100 * n)", () => {
    const oneToTen = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(percentile(oneToTen, 50)).toBe(5);
    expect(percentile(oneToTen, 95)).toBe(10);
    expect(percentile(oneToTen, 0)).toBe(1);
    const oneToHundred = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(oneToHundred, 95)).toBe(95);
    expect(percentile(oneToHundred, 99)).toBe(99);
    expect(percentile([], 50)).toBeNaN();
  });

  it("summarises unsorted samples, and gives the lower middle as the median of an even count", () => {
    expect(summarize([30, 10, 20])).toEqual({ n: 3, p50: 20, p95: 30, p99: 30, max: 30 });
    expect(median([5, 1, 3, 2])).toBe(2);
    expect(summarize([])).toMatchObject({ n: 0, max: Number.NaN });
  });
});
