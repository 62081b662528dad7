// @vitest-environment happy-dom
import { act } from "react";
import { describe, expect, it, vi } from "vitest";
import { mount } from "@/lib/testing/dom";
import { FilterChips, type FilterChip } from "./FilterChips";

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
