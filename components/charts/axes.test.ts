import { describe, expect, it } from "vitest";
import { alignedAxis, bandCentre, labelWidths, position, valueAxis } from "./axes";

describe("valueAxis", () => {
  it("runs from zero to the round number above the largest value", () => {
    // 81 over about 4 intervals: a step of 20 (20.25 rounds to 2 x 10), so 0..100.
    expect(valueAxis([0, 37, 81])).toEqual({ min: 0, max: 100, ticks: [0, 20, 40, 60, 80, 100] });
    // Exactly on a step: no extra interval.
    expect(valueAxis([80_000_000, 12])).toEqual({ min: 0, max: 80_000_000, ticks: [0, 20_000_000, 40_000_000, 60_000_000, 80_000_000] });
  });

  it("reaches below zero for negative values and spans 0..1 when everything is zero", () => {
    expect(valueAxis([-30, 50])).toEqual({ min: -40, max: 60, ticks: [-40, -20, 0, 20, 40, 60] });
    expect(valueAxis([0, 0])).toEqual({ min: 0, max: 1, ticks: [0, 0.2, 0.4, 0.6, 0.8, 1] });
    expect(valueAxis([])).toEqual({ min: 0, max: 1, ticks: [0, 0.2, 0.4, 0.6, 0.8, 1] });
  });
});

describe("alignedAxis", () => {
  const amounts = valueAxis([0, 61_000_000]); // 0..80M in 4 intervals of 20M

  it("shares the primary axis' intervals with a round step of its own", () => {
    // Loss ratios up to 66%: 0.66 / 4 = 0.165, the next of 1, 2, 2.5, 5 x 10^-1 is 0.2.
    expect(alignedAxis([0.62, 0.66], amounts)).toEqual({ min: 0, max: 0.8, ticks: [0, 0.2, 0.4, 0.6, 0.8] });
    // 45,000 / 4 = 11,250: of 1, 2, 2.5, 5 x 10^4 the first to reach it is 20,000.
    expect(alignedAxis([45_000], amounts)).toEqual({ min: 0, max: 80_000, ticks: [0, 20_000, 40_000, 60_000, 80_000] });
    // 81,000 / 4 = 20,250: 20,000 falls short, 25,000 reaches it.
    expect(alignedAxis([81_000], amounts)).toEqual({ min: 0, max: 100_000, ticks: [0, 25_000, 50_000, 75_000, 100_000] });
  });

  it("draws all-zero values on a 0..1 scale and falls back to its own axis below zero", () => {
    expect(alignedAxis([0], amounts).ticks).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(alignedAxis([-5, 5], amounts)).toEqual(valueAxis([-5, 5]));
  });
});

describe("positions", () => {
  it("places a value as a share of its axis and a band by its centre", () => {
    expect(position({ min: 0, max: 80, ticks: [] }, 20)).toBe(0.25);
    expect(position({ min: -40, max: 60, ticks: [] }, 0)).toBe(0.4);
    expect(bandCentre(0, 4)).toBe(12.5);
    expect(bandCentre(3, 4)).toBe(87.5);
  });
});

describe("category labels", () => {
  it("says from which plot width each label shows, thinning by halves", () => {
    // 12 labels of 6 characters (39 px) need 49 px a band with the gap: all 12 from 588 px (-> 640),
    // every 2nd 6 x 49 = 294 (-> 320), every 4th 3 x 49 = 147 (-> 240).
    const widths = labelWidths(Array.from({ length: 12 }, () => "Jul 25"));
    expect(widths).toEqual([0, 640, 320, 640, 240, 640, 320, 640, 240, 640, 320, 640]);
    // Neighbours share the space between them: "75+" (19.5 px) beside "Unknown" (45.5 px) need 32.5 + 10.
    // Eight age bands, the widest pair ("55-64" and "65-74", 32.5 px each) 42.5: 8 x 42.5 = 340 (-> 400).
    const ages = labelWidths(["16-24", "25-34", "35-44", "45-54", "55-64", "65-74", "75+", "Unknown"]);
    expect(ages).toEqual([0, 400, 240, 400, 240, 400, 240, 400]);
    // 53 weekly labels: every one would need 2,597 px and every 2nd 1,299 (> 1,200): never.
    const weeks = labelWidths(Array.from({ length: 53 }, () => "26 May"));
    expect(weeks[1]).toBeNull();
    expect(weeks[2]).toBeNull();
    // Every 4th: 53 / 4 x 49 = 649.25 (-> 720); every 8th: 324.6 (-> 400).
    expect(weeks[4]).toBe(720);
    expect(weeks[8]).toBe(400);
    expect(labelWidths(["a", "b"])).toEqual([0, 240]);
  });
});
