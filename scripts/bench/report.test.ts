import { describe, expect, it } from "vitest";
import { renderMarkdown, status, type Figure, type Results } from "./report";

const results = (figures: Figure[]): Results => ({ version: 1, date: "2026-11-30T00:00:00.000Z", commit: "abc1234", machine: {}, notes: [], figures, details: {} });
const p95 = (value: number | null): Figure => ({ id: "api.p95", section: "APIs", what: "GET /api/x p95", value, unit: "ms", budget: { limit: 150, text: "p95 <= 150 ms" } });

describe("budgets", () => {
  it("are met at the limit and not past it; a figure that could not be taken does not meet its budget", () => {
    expect(status(p95(150))).toBe("met");
    expect(status(p95(150.1))).toBe("NOT MET");
    expect(status(p95(null))).toBe("NOT MET");
    expect(status({ ...p95(null), skipped: "left out with --skip-pages" })).toBe("");
    expect(status({ ...p95(10), budget: undefined })).toBe("");
  });

  it("lists every miss in the summary with its figure and budget", () => {
    const { markdown, misses } = renderMarkdown(results([p95(151), { ...p95(20), id: "other", what: "GET /api/y p95" }]), null);
    expect(misses).toEqual(["GET /api/x p95: 151 ms (budget p95 <= 150 ms)"]);
    expect(markdown).toContain("Budgets not met: 1.");
    expect(markdown).toContain("| GET /api/x p95 | 151 ms | p95 <= 150 ms | **NOT MET** |");
  });
});

describe("regressions against the previous results", () => {
  const compare = (unit: Figure["unit"], before: number, after: number) =>
    renderMarkdown(results([{ id: "f", section: "S", what: "f", value: after, unit }]), results([{ id: "f", section: "S", what: "f", value: before, unit }])).regressions;

  it("flag a figure more than 20% worse, when the change is also past the noise", () => {
    expect(compare("ms", 100, 125)).toEqual(["f: 100 ms -> 125 ms (+25%)"]);
    expect(compare("ms", 100, 115)).toEqual([]);
    // +30%, but 3 ms is within what a millisecond timer on a shared host moves by.
    expect(compare("ms", 10, 13)).toEqual([]);
    expect(compare("ms", 100, 60)).toEqual([]);
  });

  it("count lower throughput as worse, higher as better", () => {
    expect(compare("rps", 100, 70)).toHaveLength(1);
    expect(compare("rps", 100, 130)).toEqual([]);
  });

  it("flag a yes/no figure only when it crosses its budget", () => {
    const flag = (before: number, after: number) =>
      renderMarkdown(
        results([{ id: "m", section: "S", what: "/claims loads maplibre-gl", value: after, unit: "flag", budget: { limit: 0, text: "no" } }]),
        results([{ id: "m", section: "S", what: "/claims loads maplibre-gl", value: before, unit: "flag", budget: { limit: 0, text: "no" } }]),
      ).regressions;
    expect(flag(0, 1)).toEqual(["/claims loads maplibre-gl: no -> yes (changed)"]);
    expect(flag(1, 0)).toEqual([]);
  });
});
