import { describe, expect, it } from "vitest";
import { engagementSearch, ignoredFilterParams, loadEngagementFilters, toEngagementQuery } from "./filters";

describe("engagement filters", () => {
  it("reads the URL, dropping values no filter accepts", () => {
    const raw = { from: "2025-02-30", to: "2025-03-31", campaignId: "abc", country: "Germany" };
    const filters = loadEngagementFilters(raw);
    expect(filters).toEqual({ from: null, to: "2025-03-31", campaignId: null, country: "Germany" });
    expect(ignoredFilterParams(raw, filters)).toEqual(["from", "campaignId"]);
  });

  it("sends the dates only as a pair, and builds the same search string wherever it is used", () => {
    expect(toEngagementQuery({ from: null, to: "2025-03-31", campaignId: 5041, country: null })).toEqual({ campaignId: 5041 });
    const query = toEngagementQuery({ from: "2025-01-01", to: "2025-03-31", campaignId: null, country: "United Kingdom" });
    expect(engagementSearch(query)).toBe("?from=2025-01-01&to=2025-03-31&country=United+Kingdom");
    expect(engagementSearch({})).toBe("");
  });
});
