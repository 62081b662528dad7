// @vitest-environment happy-dom
import { act } from "react";
import { createRoot } from "react-dom/client";
import { describe, expect, it } from "vitest";
import { MetricTable } from "./MetricTable";

type Row = { name: string; sends: number; opens: number; uniqueOpens: number; clicks: number; uniqueClicks: number; openRate: number | null; clickRatio: number | null };
const row = (name: string, sends: number): Row => ({ name, sends, opens: 0, uniqueOpens: 0, clicks: 0, uniqueClicks: 0, openRate: 0, clickRatio: null });

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

describe("MetricTable with initialRows", () => {
  it("draws the first rows in sort order, then all of them on request", async () => {
    const container = document.createElement("div");
    document.body.append(container);
    const root = createRoot(container);
    const rows = [row("Small", 10), row("Large", 500), row("Middle", 90)];
    await act(async () => {
      root.render(<MetricTable caption="Accounts" rows={rows} rowKey={(r) => r.name} nameHeader="Account" name={(r) => r.name} initialRows={2} />);
    });
    const names = () => [...container.querySelectorAll("tbody tr th")].map((th) => th.textContent);
    // Most sends first: the two largest, and the smallest waits behind the button.
    expect(names()).toEqual(["Large", "Middle"]);
    expect(container.textContent).toContain("Showing the first 2 of 3 in this order");
    const button = [...container.querySelectorAll("button")].find((b) => b.textContent === "Show all 3")!;
    await act(async () => {
      button.click();
    });
    expect(names()).toEqual(["Large", "Middle", "Small"]);
    expect(container.textContent).not.toContain("Show all");
    await act(async () => root.unmount());
  });

  it("draws every row when there are no more than initialRows", async () => {
    const container = document.createElement("div");
    const root = createRoot(container);
    await act(async () => {
      root.render(<MetricTable caption="Accounts" rows={[row("A", 1), row("B", 2)]} rowKey={(r) => r.name} nameHeader="Account" name={(r) => r.name} initialRows={2} />);
    });
    expect(container.querySelectorAll("tbody tr")).toHaveLength(2);
    expect(container.textContent).not.toContain("Show all");
    await act(async () => root.unmount());
  });
});
