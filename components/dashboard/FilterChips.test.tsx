// @vitest-environment happy-dom
import { act } from "react";
import { describe, expect, it, vi } from "vitest";
import { createLoader } from "nuqs/server";
import { claimsFilterParsers, type ClaimsFilterPatch } from "@/components/claims/queueParams";
import { QueueChips } from "@/components/claims/QueueChips";
import { mount } from "@/lib/testing/dom";
import { FilterChips, type FilterChip } from "./FilterChips";

// The queue's filters as it reads them from a URL.
const queueFilters = createLoader(claimsFilterParsers);

type Patch = { borough?: null; from?: null; to?: null };
const CHIPS: FilterChip<Patch>[] = [
  { key: "period", label: "Period", value: "Jan 2026 – Mar 2026", clear: { from: null, to: null } },
  { key: "borough", label: "Borough", value: "Brooklyn", clear: { borough: null } },
];

describe("the active-filter chips", () => {
  it("show nothing when no filter is set", () => {
    const view = mount(<FilterChips chips={[]} onRemove={vi.fn()} onClearAll={vi.fn()} />);
    expect(view.innerHTML).toBe("");
  });

  it("show each filter with its value, and say which one a button removes", () => {
    const view = mount(<FilterChips chips={CHIPS} onRemove={vi.fn()} onClearAll={vi.fn()} />);
    const chips = [...view.querySelectorAll("[data-filter-chip]")];
    expect(chips.map((c) => c.getAttribute("data-filter-chip"))).toEqual(["period", "borough"]);
    expect(chips[1]!.textContent).toContain("Borough: Brooklyn");
    expect(chips[1]!.querySelector("button")!.getAttribute("aria-label")).toBe("Remove filter Borough: Brooklyn");
  });

  it("remove just the filter clicked, with that filter's own change", () => {
    const onRemove = vi.fn();
    const onClearAll = vi.fn();
    const view = mount(<FilterChips chips={CHIPS} onRemove={onRemove} onClearAll={onClearAll} />);
    act(() => view.querySelector<HTMLButtonElement>('[data-filter-chip="borough"] button')!.click());
    expect(onRemove).toHaveBeenCalledTimes(1);
    expect(onRemove).toHaveBeenLastCalledWith({ borough: null });
    act(() => view.querySelector<HTMLButtonElement>('[data-filter-chip="period"] button')!.click());
    expect(onRemove).toHaveBeenCalledTimes(2);
    expect(onRemove).toHaveBeenLastCalledWith({ from: null, to: null });
    expect(onClearAll).not.toHaveBeenCalled();
  });

  it("clear every filter at once", () => {
    const onRemove = vi.fn();
    const onClearAll = vi.fn();
    const view = mount(<FilterChips chips={CHIPS} onRemove={onRemove} onClearAll={onClearAll} />);
    const clearAll = [...view.querySelectorAll("button")].find((b) => b.textContent === "Clear all")!;
    act(() => clearAll.click());
    expect(onClearAll).toHaveBeenCalledTimes(1);
    expect(onRemove).not.toHaveBeenCalled();
  });
});

describe("the claims queue's chips", () => {
  it("name a half-open date range for what it lacks, and clear only that end", () => {
    const setFilters = vi.fn<(patch: ClaimsFilterPatch) => void>();
    const view = mount(<QueueChips filters={queueFilters("?from=2026-01-01")} rules={[]} setFilters={setFilters} clearAll={vi.fn()} />);
    const chip = view.querySelector('[data-filter-chip="from"]')!;
    expect(chip.textContent).toContain("From (needs an end date)");
    act(() => chip.querySelector("button")!.click());
    expect(setFilters).toHaveBeenCalledWith({ from: null });
  });

  it("name a failed check by its rule's name", () => {
    const rules = [{ id: "policy_in_force", name: "Policy in force" }];
    const view = mount(<QueueChips filters={queueFilters("?failedCheck=policy_in_force")} rules={rules} setFilters={vi.fn()} clearAll={vi.fn()} />);
    expect(view.querySelector('[data-filter-chip="failedCheck"]')!.textContent).toContain("Failed check: Policy in force");
  });
});
