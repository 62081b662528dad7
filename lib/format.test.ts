import { describe, expect, it } from "vitest";
import {
  NO_DATA,
  describePreviousPeriod,
  formatBorough,
  formatCount,
  formatCurrency,
  formatCurrencyCompact,
  formatDate,
  formatHour,
  formatMonth,
  formatMonthShort,
  formatPercent,
  formatPeriod,
  formatPointChange,
  formatPolicyType,
  formatRelativeChange,
  formatTimestamp,
  relativeChange,
} from "./format";

describe("money", () => {
  it("prints whole dollars with thousands separators", () => {
    expect(formatCurrency(12_345_678.49)).toBe("$12,345,678");
    expect(formatCurrency(0)).toBe("$0");
    expect(formatCurrency(-1500)).toBe("\u2212$1,500");
  });

  it("compacts big amounts to one decimal", () => {
    expect(formatCurrencyCompact(12_400_000)).toBe("$12.4M");
    expect(formatCurrencyCompact(7_082_214.8)).toBe("$7.1M");
    expect(formatCurrencyCompact(980_000)).toBe("$980K");
    expect(formatCurrencyCompact(950)).toBe("$950");
    expect(formatCurrencyCompact(1_250_000_000)).toBe("$1.3B");
  });
});

describe("counts and percentages", () => {
  it("separates thousands", () => {
    expect(formatCount(4962)).toBe("4,962");
    expect(formatCount(0)).toBe("0");
  });

  it("prints a fraction as a percentage with one decimal", () => {
    expect(formatPercent(0.6204)).toBe("62.0%");
    expect(formatPercent(0.29145)).toBe("29.1%");
    expect(formatPercent(1.2345)).toBe("123.5%");
    expect(formatPercent(0)).toBe("0.0%");
    expect(formatPercent(-0.0004)).toBe("0.0%");
    expect(formatPercent(-0.052)).toBe("\u22125.2%");
  });
});

describe("no data", () => {
  it("is what every formatter prints for null, undefined, NaN and infinities", () => {
    for (const value of [null, undefined, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(formatPercent(value)).toBe(NO_DATA);
      expect(formatCurrency(value)).toBe(NO_DATA);
      expect(formatCurrencyCompact(value)).toBe(NO_DATA);
      expect(formatCount(value)).toBe(NO_DATA);
    }
    expect(formatDate(null)).toBe(NO_DATA);
    expect(formatTimestamp("not a date")).toBe(NO_DATA);
  });
});

describe("changes against the previous period", () => {
  it("gives ratios in percentage points", () => {
    expect(formatPointChange(0.62, 0.6)).toBe("+2.0 pp");
    expect(formatPointChange(0.6204, 0.6333)).toBe("\u22121.3 pp");
    expect(formatPointChange(0.5, 0.5)).toBe("0.0 pp");
    expect(formatPointChange(0.5, null)).toBe(NO_DATA);
    expect(formatPointChange(null, 0.5)).toBe(NO_DATA);
  });

  it("gives amounts and counts in percent of the previous value", () => {
    expect(formatRelativeChange(110, 100)).toBe("+10.0%");
    expect(formatRelativeChange(447, 987)).toBe("\u221254.7%");
    expect(formatRelativeChange(100, 100)).toBe("0.0%");
  });

  it("has no percentage for growth from zero", () => {
    expect(relativeChange(5, 0)).toBeNull();
    expect(formatRelativeChange(5, 0)).toBe(NO_DATA);
  });
});

describe("dates", () => {
  it("reads day month year, with three-letter months", () => {
    expect(formatDate("2025-07-01")).toBe("1 Jul 2025");
    expect(formatDate("2026-09-30")).toBe("30 Sep 2026");
    expect(formatPeriod({ from: "2025-07-01", to: "2026-06-30" })).toBe("1 Jul 2025 \u2013 30 Jun 2026");
  });

  it("names months", () => {
    expect(formatMonth("2025-07")).toBe("Jul 2025");
    expect(formatMonthShort("2026-01")).toBe("Jan 26");
  });

  it("prints build times in UTC from ISO or SQL timestamps", () => {
    expect(formatTimestamp("2026-11-29T02:45:20.735Z")).toBe("29 Nov 2026, 02:45 UTC");
    expect(formatTimestamp("2026-11-29 02:45:20.735")).toBe("29 Nov 2026, 02:45 UTC");
    expect(formatTimestamp("2026-11-29T03:45:20+01:00")).toBe("29 Nov 2026, 02:45 UTC");
  });

  it("describes the comparison period in months only when both periods are the same whole months", () => {
    expect(describePreviousPeriod({ from: "2026-08-01", to: "2026-08-31" }, { from: "2026-07-01", to: "2026-07-31" })).toBe("previous month");
    expect(describePreviousPeriod({ from: "2025-07-01", to: "2026-06-30" }, { from: "2024-07-01", to: "2025-06-30" })).toBe("previous 12 months");
    expect(describePreviousPeriod({ from: "2026-04-01", to: "2026-04-30" }, { from: "2026-03-02", to: "2026-03-31" })).toBe("previous 30 days");
    expect(describePreviousPeriod({ from: "2026-03-01", to: "2026-03-31" }, { from: "2026-01-29", to: "2026-02-28" })).toBe("previous 31 days");
    expect(describePreviousPeriod({ from: "2026-05-01", to: "2026-05-31" }, { from: "2026-03-31", to: "2026-04-30" })).toBe("previous 31 days");
    expect(describePreviousPeriod({ from: "2026-01-15", to: "2026-04-15" }, { from: "2025-10-14", to: "2026-01-14" })).toBe("previous 91 days");
    expect(describePreviousPeriod({ from: "2026-01-15", to: "2026-01-15" }, { from: "2026-01-14", to: "2026-01-14" })).toBe("previous day");
  });

  it("prints hours of the day", () => {
    expect(formatHour(0)).toBe("00:00");
    expect(formatHour(14)).toBe("14:00");
  });
});

describe("labels", () => {
  it("title-cases boroughs and names policy types", () => {
    expect(formatBorough("STATEN ISLAND")).toBe("Staten Island");
    expect(formatPolicyType("COMP")).toBe("Comprehensive");
    expect(formatPolicyType("TPFT")).toBe("Third party, fire and theft");
    expect(formatPolicyType("NEW")).toBe("NEW");
  });
});
