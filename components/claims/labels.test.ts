import { describe, expect, it } from "vitest";
import { formatRuleValue } from "./labels";

describe("formatRuleValue", () => {
  it("reads amounts and comparisons as people write them", () => {
    expect(formatRuleValue("<= 36300.0")).toBe("≤ 36,300");
    expect(formatRuleValue("35518.0")).toBe("35,518");
    expect(formatRuleValue("<= 65 mph")).toBe("≤ 65 mph");
    expect(formatRuleValue("79.3 mph")).toBe("79.3 mph");
  });

  it("leaves dates, ranges and scores alone", () => {
    expect(formatRuleValue("[2025-05-14, 2026-05-14)")).toBe("[2025-05-14, 2026-05-14)");
    expect(formatRuleValue("Minor Damage (score 0.4679)")).toBe("Minor Damage (score 0.4679)");
    expect(formatRuleValue("2026-07-07")).toBe("2026-07-07");
  });
});
