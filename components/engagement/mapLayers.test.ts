import { describe, expect, it } from "vitest";
import type { EngagementMetrics } from "@/lib/api/engagementSchema";
import { CLASS_COLORS, classIndex, colorClasses, mapValue } from "./mapLayers";

const metrics = (patch: Partial<EngagementMetrics>): EngagementMetrics => ({
  sends: 100,
  opens: 40,
  uniqueOpens: 30,
  clicks: 12,
  uniqueClicks: 9,
  openRate: 0.3,
  clickRatio: 0.3,
  ...patch,
});

describe("colorClasses", () => {
  it("splits many countries into five classes at rounded quintiles, lowest first", () => {
    const values = [0.2258, 0.2326, 0.25, 0.2624, 0.2706, 0.2734, 0.2758, 0.2809, 0.2842, 0.2913, 0.2951, 0.2986, 0.3055, 0.3094, 0.3167, 0.4167];
    const classes = colorClasses("clickRatio", values);
    expect(classes.map((c) => c.label)).toEqual(["< 26.0%", "26.0–27.5%", "27.5–29.0%", "29.0–30.5%", "≥ 30.5%"]);
    expect(classes.map((c) => c.color)).toEqual([...CLASS_COLORS]);
    expect(classIndex(classes, 0.2258)).toBe(0);
    expect(classIndex(classes, 0.28)).toBe(2);
    expect(classIndex(classes, 0.4167)).toBe(4);
  });

  it("never makes more classes than there are distinct values, and spreads them over the ramp", () => {
    const two = colorClasses("clickRatio", [0.45, 0.3]);
    expect(two.map((c) => c.label)).toEqual(["< 37.5%", "≥ 37.5%"]);
    expect(two.map((c) => c.color)).toEqual([CLASS_COLORS[0], CLASS_COLORS[4]]);
    expect(colorClasses("openRate", [0.27, 0.27, 0.27]).map((c) => c.label)).toEqual(["27.0%"]);
    expect(colorClasses("sends", [])).toEqual([]);
  });

  it("labels counts as whole numbers with the upper bound inside the class", () => {
    const classes = colorClasses("sends", [31, 53, 69, 116, 136, 144, 145, 199, 253, 344, 424, 447, 652, 813, 814, 910, 910, 941, 1090, 1367, 1831, 3327, 7769]);
    expect(classes[0]!.label).toBe("< 140");
    expect(classes[1]!.label).toBe("140–329");
    expect(classes.at(-1)!.label).toBe("≥ 1,000");
  });
});

describe("mapValue", () => {
  it("rates a click ratio only from the minimum number of unique opens", () => {
    expect(mapValue(metrics({ uniqueOpens: 29, clickRatio: 0.9 }), "clickRatio", 30)).toBeNull();
    expect(mapValue(metrics({ uniqueOpens: 30, clickRatio: 0.3 }), "clickRatio", 30)).toBe(0.3);
    expect(mapValue(metrics({ uniqueOpens: 0, clickRatio: null }), "clickRatio", 0)).toBeNull();
  });

  it("colours open rate and sends whatever the opens", () => {
    expect(mapValue(metrics({ uniqueOpens: 2, openRate: 0.02 }), "openRate", 30)).toBe(0.02);
    expect(mapValue(metrics({ uniqueOpens: 2, sends: 100 }), "sends", 30)).toBe(100);
  });
});
