// @vitest-environment happy-dom
import { act } from "react";
import { createRoot } from "react-dom/client";
import { renderToStaticMarkup } from "react-dom/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { BarChart } from "./BarChart";
import { ComposedChart } from "./ComposedChart";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const parse = (html: string) => new DOMParser().parseFromString(html, "text/html");
const bars = (root: ParentNode) => [...root.querySelectorAll<HTMLElement>("[data-bar]")];

// Two categories side by side; values up to 100 put the axis at 0..100 in steps of 20.
const columns = [
  { month: "2026-01", premium: 50, losses: 100 },
  { month: "2026-02", premium: 25, losses: 0 },
];

describe("charts drawn with the page", () => {
  it("draws columns from the server, each as tall as its share of the axis", () => {
    const doc = parse(
      renderToStaticMarkup(
        <BarChart title="Premium and losses" caption="c" data={columns} index="month" categories={["premium", "losses"]} colors={{ premium: "navy", losses: "gold" }} height={260} />,
      ),
    );
    // Plot height: 260 - 8 (top) - 24 (labels) = 228 px. A zero draws no bar.
    const drawn = bars(doc).map((b) => [b.dataset.category, b.style.top, b.style.height]);
    expect(drawn).toEqual([
      ["premium", "114px", "114px"],
      ["losses", "0px", "228px"],
      ["premium", "171px", "57px"],
    ]);
    // Side by side around the band centre (25%): the first bar starts one bar width left of it.
    expect(bars(doc)[0]!.style.left).toContain("25%");
    expect([...doc.querySelectorAll("span")].map((s) => s.textContent)).toEqual(expect.arrayContaining(["0", "20", "100", "2026-01", "2026-02"]));
    // The figures as a table for screen readers.
    expect([...doc.querySelectorAll("tbody tr")].map((tr) => tr.textContent)).toEqual(["2026-0150100", "2026-02250"]);
  });

  it("stacks rows left to right and dims what a filter leaves out", () => {
    const data = [
      { type: "Theft", minor: 30, major: 10 },
      { type: "Parked", minor: 5, major: 5 },
    ];
    const html = renderToStaticMarkup(
      <BarChart
        title="Claims"
        caption="c"
        data={data}
        index="type"
        categories={["minor", "major"]}
        colors={{ minor: "teal", major: "plum" }}
        layout="vertical"
        type="stacked"
        activeIndex="Theft"
        activeCategory="major"
      />,
    );
    // Axis 0..40 (steps of 10): Theft is 0-75% minor then 75-100% major.
    const drawn = bars(parse(html)).map((b) => [b.dataset.category, b.style.left, b.style.width, b.style.opacity]);
    expect(drawn).toEqual([
      ["minor", "0%", "75%", "0.3"],
      ["major", "75%", "25%", "1"],
      ["minor", "0%", "12.5%", "0.3"],
      ["major", "12.5%", "12.5%", "0.3"],
    ]);
  });

  it("breaks a line where a value is missing and plots it on the right axis", () => {
    const data = [
      { m: "a", premium: 80, ratio: 0.5 },
      { m: "b", premium: 80, ratio: null },
      { m: "c", premium: 80, ratio: 0.2 },
      { m: "d", premium: 80, ratio: 0.4 },
    ];
    const doc = parse(
      renderToStaticMarkup(
        <ComposedChart
          title="Trend"
          caption="c"
          data={data}
          index="m"
          bars={["premium"]}
          lines={["ratio"]}
          labels={{ premium: "Premium", ratio: "Ratio" }}
          colors={{ premium: "navy", ratio: "plum" }}
          barValueFormatter={String}
          lineValueFormatter={(v) => `${Math.round(v * 100)}%`}
          height={280}
        />,
      ),
    );
    const path = doc.querySelector("path[data-line='ratio']")!.getAttribute("d")!;
    // Two pieces: "a" alone, then "c" to "d".
    expect(path.match(/M/g)).toHaveLength(2);
    // Premium axis 0..80 in 4 steps of 20; the ratio's own steps: 0.5 / 4 = 0.125 -> 0.2, so 0..0.8.
    expect([...doc.querySelectorAll("span")].map((s) => s.textContent)).toEqual(expect.arrayContaining(["0%", "20%", "80%"]));
    // Plot height 280 - 8 - 24 = 248 px: 0.5 of 0.8 sits 93 px from the top.
    const dots = [...doc.querySelectorAll<HTMLElement>("[data-dot='ratio']")];
    expect(dots.map((d) => [d.style.left, d.style.top])).toEqual([
      ["12.5%", "93px"],
      ["62.5%", "186px"],
      ["87.5%", "124px"],
    ]);
  });
});

describe("chart interaction", () => {
  let root: ReturnType<typeof createRoot> | null = null;
  afterEach(async () => {
    await act(async () => root?.unmount());
    root = null;
  });

  async function mount(onValueClick = vi.fn()) {
    const container = document.createElement("div");
    document.body.append(container);
    root = createRoot(container);
    await act(async () => {
      root!.render(
        <BarChart
          title="Premium and losses"
          caption="c"
          data={columns}
          index="month"
          categories={["premium", "losses"]}
          colors={{ premium: "navy", losses: "gold" }}
          valueFormatter={(v) => `$${v}`}
          onValueClick={onValueClick}
          clickHint="Click to filter"
        />,
      );
    });
    const plot = container.querySelector<HTMLElement>("[data-plot]")!;
    // The test DOM lays nothing out: the plot is 200 px wide, so each month is 100 px.
    plot.getBoundingClientRect = () => ({ left: 0, top: 0, width: 200, height: 228, right: 200, bottom: 228, x: 0, y: 0, toJSON: () => ({}) });
    return { container, plot, onValueClick };
  }

  it("reads each category from the keyboard and selects it with Enter", async () => {
    const { plot, onValueClick } = await mount();
    const key = (k: string) => act(async () => plot.dispatchEvent(new KeyboardEvent("keydown", { key: k, bubbles: true })));
    await key("ArrowRight");
    expect(plot.textContent).toContain("2026-01");
    expect(plot.textContent).toContain("$50");
    expect(plot.textContent).toContain("Click to filter");
    await key("ArrowRight");
    expect(plot.textContent).toContain("$25");
    await key("Enter");
    expect(onValueClick).toHaveBeenLastCalledWith({ index: "2026-02" });
    await key("Escape");
    expect(plot.textContent).not.toContain("$25");
  });

  it("shows the category under the pointer and passes the clicked series", async () => {
    const { plot, onValueClick } = await mount();
    await act(async () => plot.dispatchEvent(new PointerEvent("pointermove", { clientX: 150, clientY: 10, bubbles: true })));
    expect(plot.querySelector("[data-cursor]")).not.toBeNull();
    expect(plot.textContent).toContain("2026-02");
    // A click on a bar names its series; a click beside the bars only the month.
    const losses = bars(plot).find((b) => b.dataset.category === "losses")!;
    await act(async () => losses.dispatchEvent(new MouseEvent("click", { clientX: 60, clientY: 10, bubbles: true })));
    expect(onValueClick).toHaveBeenLastCalledWith({ index: "2026-01", category: "losses" });
    await act(async () => plot.dispatchEvent(new MouseEvent("click", { clientX: 190, clientY: 10, bubbles: true })));
    expect(onValueClick).toHaveBeenLastCalledWith({ index: "2026-02" });
    // React derives pointer leave from pointerout towards an element outside the plot.
    await act(async () => plot.dispatchEvent(new PointerEvent("pointerout", { bubbles: true, relatedTarget: document.body })));
    expect(plot.querySelector("[data-cursor]")).toBeNull();
  });
});
