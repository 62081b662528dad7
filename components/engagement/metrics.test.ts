import { describe, expect, it } from "vitest";
import { fillTrend, formatDayShort, formatTrendPoint } from "./metrics";

const point = (date: string, sends: number) => ({ date, sends, opens: 0, uniqueOpens: 0, clicks: 0, uniqueClicks: 0, openRate: 0, clickRatio: null });

describe("fillTrend", () => {
  it("adds the weeks without sends as zeros, from the Monday of the first day to the last day", () => {
    const filled = fillTrend({ grain: "week", points: [point("2025-05-26", 5), point("2025-06-16", 7)] }, { from: "2025-06-01", to: "2025-06-22" });
    expect(filled.map((p) => [p.date, p.sends])).toEqual([
      ["2025-05-26", 5],
      ["2025-06-02", 0],
      ["2025-06-09", 0],
      ["2025-06-16", 7],
    ]);
    // No sends, nothing to divide by: the ratios of an added week are null, not 0.
    expect(filled[1]!.openRate).toBeNull();
    expect(filled[1]!.clickRatio).toBeNull();
  });

  it("fills every day of a daily trend", () => {
    const filled = fillTrend({ grain: "day", points: [point("2026-03-02", 1)] }, { from: "2026-03-01", to: "2026-03-03" });
    expect(filled.map((p) => p.date)).toEqual(["2026-03-01", "2026-03-02", "2026-03-03"]);
  });

  it("keeps a point the API sent outside the period rather than dropping it", () => {
    const filled = fillTrend({ grain: "day", points: [point("2026-02-27", 3)] }, { from: "2026-03-01", to: "2026-03-01" });
    expect(filled.map((p) => p.date)).toEqual(["2026-02-27", "2026-03-01"]);
  });
});

describe("trend labels", () => {
  it("names weeks by their Monday", () => {
    expect(formatTrendPoint("2025-06-02", "week")).toBe("Week of 2 Jun 2025");
    expect(formatTrendPoint("2025-06-02", "day")).toBe("2 Jun 2025");
    expect(formatDayShort("2025-12-29")).toBe("29 Dec");
  });
});
