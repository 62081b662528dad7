// @vitest-environment happy-dom
import { act } from "react";
import { createLoader } from "nuqs/server";
import { describe, expect, it, vi } from "vitest";
import { mount } from "@/lib/testing/dom";
import { QueueChips } from "./QueueChips";
import { claimsFilterParsers, type ClaimsFilterPatch } from "./queueParams";

// The queue's filters as it reads them from a URL.
const queueFilters = createLoader(claimsFilterParsers);

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
