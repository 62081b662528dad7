// @vitest-environment happy-dom
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { basemapColors } from "@/components/maps/offlineStyle";
import type { WorldMapGeometry } from "@/lib/worldMap";
import { CountryMap, type CountryRow } from "./CountryMap";
import { CLASS_COLORS, notRatedColor, type ColorClass } from "./mapLayers";

const geometry: WorldMapGeometry = {
  width: 100,
  height: 50,
  shapes: [
    { isoN3: "276", name: "Germany", d: "M50,10L60,10L60,20Z" },
    { isoN3: "250", name: "France", d: "M40,15L50,15L50,25Z" },
    { isoN3: "724", name: "Spain", d: "M30,20L40,20L40,30Z" },
    { isoN3: "076", name: "Brazil", d: "M10,30L20,30L20,40Z" },
  ],
};

function row(country: string, isoN3: string, sends: number, uniqueOpens: number, uniqueClicks: number): CountryRow {
  return {
    country,
    isoA3: null,
    isoN3,
    sends,
    opens: uniqueOpens,
    uniqueOpens,
    clicks: uniqueClicks,
    uniqueClicks,
    clickRatio: uniqueOpens > 0 ? uniqueClicks / uniqueOpens : null,
    openRate: sends > 0 ? uniqueOpens / sends : null,
  };
}

// Click ratios: Germany 40/100 = 0.40, France 10/100 = 0.10; Spain has 5 unique opens, under the 20 needed.
const rows = [row("Germany", "276", 1000, 100, 40), row("France", "250", 800, 100, 10), row("Spain", "724", 50, 5, 4)];
// Two classes: below 25% the lightest colour, from 25% the darkest.
const classes: ColorClass[] = [
  { from: null, color: CLASS_COLORS[0], label: "< 25.0%" },
  { from: 0.25, color: CLASS_COLORS[4], label: "≥ 25.0%" },
];

function render(overrides: Partial<Parameters<typeof CountryMap>[0]> = {}) {
  const html = renderToStaticMarkup(
    <CountryMap
      geometry={geometry}
      rows={rows}
      metric="clickRatio"
      classes={classes}
      minUniqueOpens={20}
      selectedCountry={null}
      onSelectCountry={() => undefined}
      state="loaded"
      {...overrides}
    />,
  );
  const doc = new DOMParser().parseFromString(html, "text/html");
  const fill = (iso: string) => doc.querySelector(`path[data-iso="${iso}"]`)?.getAttribute("fill");
  const opacity = (iso: string) => doc.querySelector(`path[data-iso="${iso}"]`)?.getAttribute("fill-opacity");
  return { doc, fill, opacity };
}

describe("CountryMap", () => {
  it("colours each country by its class, greys a country too small to rate, leaves a country without sends as land", () => {
    const { doc, fill } = render();
    expect(fill("276")).toBe(CLASS_COLORS[4]);
    expect(fill("250")).toBe(CLASS_COLORS[0]);
    expect(fill("724")).toBe(notRatedColor);
    expect(fill("076")).toBe(basemapColors.land);
    expect(doc.querySelector("[data-state]")?.getAttribute("data-state")).toBe("loaded");
    expect(doc.querySelector("[data-shaded-countries]")?.getAttribute("data-shaded-countries")).toBe("3");
    // The countries with sends name themselves as the data spells them, for the filter they set.
    expect(doc.querySelector('path[data-iso="276"]')?.getAttribute("data-country")).toBe("Germany");
    expect(doc.querySelector('path[data-iso="076"]')?.hasAttribute("data-country")).toBe(false);
  });

  it("by sends, every country with sends is rated", () => {
    const sendsClasses: ColorClass[] = [
      { from: null, color: CLASS_COLORS[0], label: "< 100" },
      { from: 100, color: CLASS_COLORS[2], label: "100–899" },
      { from: 900, color: CLASS_COLORS[4], label: "≥ 900" },
    ];
    const { fill } = render({ metric: "sends", classes: sendsClasses });
    expect(fill("276")).toBe(CLASS_COLORS[4]);
    expect(fill("250")).toBe(CLASS_COLORS[2]);
    expect(fill("724")).toBe(CLASS_COLORS[0]);
  });

  it("outlines the selected country and fades the others", () => {
    const { doc, opacity } = render({ selectedCountry: "France" });
    expect(doc.querySelectorAll("[data-outline]")).toHaveLength(1);
    const outline = doc.querySelector('[data-outline="selected"]');
    expect(outline?.getAttribute("d")).toBe("M40,15L50,15L50,25Z");
    expect(opacity("250")).toBe("1");
    expect(opacity("276")).toBe("0.45");
    expect(doc.querySelector(".sr-only")?.textContent).toContain("France is selected");
  });

  it("draws no figures while the first ones load, and says so", () => {
    const { doc, fill } = render({ rows: [], state: "loading" });
    for (const iso of ["276", "250", "724", "076"]) expect(fill(iso)).toBe(basemapColors.land);
    expect(doc.querySelector("[data-shaded-countries]")?.getAttribute("data-shaded-countries")).toBe("0");
    expect(doc.body.textContent).toContain("Loading figures");
  });

  it("an error says the figures could not be loaded", () => {
    const { doc } = render({ rows: [], state: "error" });
    expect(doc.querySelector('[role="alert"]')?.textContent).toContain("The map figures could not be loaded");
  });
});
