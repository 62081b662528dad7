import { describe, expect, it } from "vitest";
import { machineSpeedNote } from "./calibrate";
import { renderMarkdown, type Results } from "./report";

describe("machine speed against the previous run", () => {
  it("says how much longer or shorter the fixed work took, per engine", () => {
    const note = machineSpeedNote({ javascriptMs: 130, duckdbMs: 90 }, { javascriptMs: 100, duckdbMs: 100 });
    expect(note).toContain("took 30% longer (JavaScript) and 10% less time (DuckDB)");
  });

  it("adds loopback HTTP when both runs timed it", () => {
    const note = machineSpeedNote({ javascriptMs: 100, duckdbMs: 50, httpMs: 150 }, { javascriptMs: 100, duckdbMs: 40, httpMs: 100 });
    expect(note).toContain("took the same time (JavaScript), 25% longer (DuckDB) and 50% longer (loopback HTTP)");
    // The previous results had no HTTP figure: the sentence names only what both runs measured.
    expect(machineSpeedNote({ javascriptMs: 100, duckdbMs: 50, httpMs: 150 }, { javascriptMs: 100, duckdbMs: 50 })).not.toContain("HTTP");
  });

  it("says the same time when nothing moved, and nothing without a previous calibration", () => {
    expect(machineSpeedNote({ javascriptMs: 100, duckdbMs: 50 }, { javascriptMs: 100.2, duckdbMs: 50 })).toContain("took the same time (JavaScript) and the same time (DuckDB)");
    expect(machineSpeedNote({ javascriptMs: 100, duckdbMs: 50 }, null)).toBeNull();
    // Results written before the calibration existed carry none, or a broken one.
    expect(machineSpeedNote({ javascriptMs: 100, duckdbMs: 50 }, { javascriptMs: 0, duckdbMs: Number.NaN })).toBeNull();
  });

  it("stands in the summary before the regressions it may explain", () => {
    const results = (value: number): Results => ({
      version: 1,
      date: "2026-11-30T00:00:00.000Z",
      commit: "abc1234",
      machine: {},
      notes: [],
      figures: [{ id: "x", section: "APIs", what: "GET /api/x p50", value, unit: "ms" }],
      details: {},
    });
    const { markdown, regressions } = renderMarkdown(results(200), results(100), ["Machine speed: slower."]);
    expect(regressions).toHaveLength(1);
    const summary = markdown.slice(markdown.indexOf("## Summary"));
    expect(summary.indexOf("Machine speed: slower.")).toBeGreaterThan(-1);
    expect(summary.indexOf("Machine speed: slower.")).toBeLessThan(summary.indexOf("Regressions over 20%"));
  });
});
