import { describe, expect, it } from "vitest";
import { defaultPeriod, previousPeriod } from "./periods";

describe("periods", () => {
  it("defaults to the last 12 complete months of the data", () => {
    expect(defaultPeriod("2026-07-13")).toEqual({ from: "2025-07-01", to: "2026-06-30" });
    expect(defaultPeriod("2026-06-30")).toEqual({ from: "2025-07-01", to: "2026-06-30" });
    expect(defaultPeriod("2024-01-05")).toEqual({ from: "2023-01-01", to: "2023-12-31" });
  });

  it("compares with the period of equal length just before", () => {
    expect(previousPeriod({ from: "2025-07-01", to: "2026-06-30" })).toEqual({ from: "2024-07-01", to: "2025-06-30" });
    // 29 days in February 2024, so the previous 29 days end on 31 January.
    expect(previousPeriod({ from: "2024-02-01", to: "2024-02-29" })).toEqual({ from: "2024-01-03", to: "2024-01-31" });
    expect(previousPeriod({ from: "2024-03-10", to: "2024-03-10" })).toEqual({ from: "2024-03-09", to: "2024-03-09" });
  });
});
