import type { Polygon } from "geojson";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { LossSummaryResponse } from "@/lib/api/lossSummarySchema";
import { PolicyMap, TooltipContent, circleRadius, policyCircles, type PolicyMapProps } from "./PolicyMap";
import { projectPolicyMap } from "./policyMapGeometry";

type MapFigures = LossSummaryResponse["map"];

function rectangle(west: number, south: number, east: number, north: number): Polygon {
  return { type: "Polygon", coordinates: [[[west, south], [east, south], [east, north], [west, north], [west, south]]] };
}

// Five boroughs in a row, 0.1° each, from -74.25° to -73.75°: 0.5° across 552 units, 110.4 units per borough.
const ROW = ["BRONX", "BROOKLYN", "MANHATTAN", "QUEENS", "STATEN ISLAND"];
const geometry = projectPolicyMap(
  {
    type: "FeatureCollection",
    features: ROW.map((borough, i) => ({ type: "Feature", properties: { borough }, geometry: rectangle(-74.25 + i * 0.1, 40.6, -74.15 + i * 0.1, 40.7) })),
  },
  { type: "FeatureCollection", features: [{ type: "Feature", properties: { kind: "county" }, geometry: rectangle(-75, 40, -73, 41) }] },
);

const figures = (borough: string, lossRatio: number | null, claimCount = 10): MapFigures["boroughs"][number] => ({
  borough,
  earnedPremium: 2_000_000,
  incurredLosses: lossRatio === null ? 0 : lossRatio * 2_000_000,
  lossRatio,
  claimCount,
});

// Staten Island has no row at all; "Bronx" is spelled as a caller might.
const boroughs = [figures("Bronx", 0.45), figures("BROOKLYN", 0.5), figures("MANHATTAN", 0.6999), figures("QUEENS", 0.8, 40)];

const zip = (code: string, borough: string, longitude: number, latitude: number, policies: number): MapFigures["zips"][number] => ({
  zip: code,
  borough,
  neighborhood: code === "11201" ? "Brooklyn Heights" : null,
  latitude,
  longitude,
  policies,
});

// Brooklyn's square is the second: its middle is at x = 24 + 1.5 · 110.4 = 189.6, y = 280.
const zips = [
  zip("10001", "MANHATTAN", -74.0, 40.65, 4),
  zip("11215", "BROOKLYN", -74.08, 40.62, 100),
  zip("11201", "BROOKLYN", -74.1, 40.65, 400),
  zip("10002", "MANHATTAN", -73.99, 40.66, 0),
  zip("10003", "MANHATTAN", Number.NaN, 40.66, 50),
];

function render(props: Partial<PolicyMapProps> = {}): string {
  return renderToString(
    <PolicyMap geometry={geometry} zips={zips} boroughs={boroughs} selectedBorough={null} onSelectBorough={() => undefined} state="loaded" {...props} />,
  );
}

type Attributes = Record<string, string>;

function elements(html: string, tag: string): Attributes[] {
  return [...html.matchAll(new RegExp(`<${tag}\\b([^>]*)>`, "g"))].map(([, attributes]) =>
    Object.fromEntries([...attributes!.matchAll(/([\w:-]+)="([^"]*)"/g)].map(([, name, value]) => [name!, value!])),
  );
}

const boroughPaths = (html: string) => new Map(elements(html, "path").filter((p) => p["data-borough"]).map((p) => [p["data-borough"]!, p]));

/** The text a person reads, tags and React's text separators left out. */
const textOf = (html: string) =>
  html
    .replace(/<!-- -->/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();

describe("PolicyMap", () => {
  it("draws the five boroughs in their loss ratio colours, grey where there is no figure", () => {
    const paths = boroughPaths(render());
    expect([...paths.keys()]).toEqual(ROW);
    expect(paths.get("BRONX")!.fill).toBe("#fee8a6"); // 45%: under 50%
    expect(paths.get("BROOKLYN")!.fill).toBe("#fdc46a"); // exactly 50%: the 50–60% class
    expect(paths.get("MANHATTAN")!.fill).toBe("#f98e43"); // 69.99%: still 60–70%
    expect(paths.get("QUEENS")!.fill).toBe("#b3202c"); // exactly 80%: the top class
    expect(paths.get("STATEN ISLAND")!.fill).toBe("#d3d2cd"); // no row: no data
    for (const path of paths.values()) expect(path["fill-opacity"]).toBe("0.82");
  });

  it("draws a borough whose loss ratio is null as no data", () => {
    const paths = boroughPaths(render({ boroughs: [figures("QUEENS", null)] }));
    expect(paths.get("QUEENS")!.fill).toBe("#d3d2cd");
    expect(paths.get("BRONX")!.fill).toBe("#d3d2cd");
  });

  it("makes each borough a focusable button named by its loss ratio", () => {
    const paths = boroughPaths(render());
    expect(paths.get("QUEENS")).toMatchObject({ role: "button", tabindex: "0", "aria-pressed": "false", "aria-label": "Queens: loss ratio 80.0%" });
    expect(paths.get("STATEN ISLAND")!["aria-label"]).toBe("Staten Island: loss ratio no data");
  });

  it("draws a circle per zip code with policies, largest first, area in proportion to the count", () => {
    const circles = elements(render(), "circle");
    // 400 policies: the full 10; 100 (a quarter) half the radius; 4 would be 1, kept at the 1.5 minimum.
    expect(circles.map((c) => [c["data-zip"], c.r])).toEqual([
      ["11201", "10"],
      ["11215", "5"],
      ["10001", "1.5"],
    ]);
    expect(Number(circles[0]!.cx)).toBeCloseTo(189.6, 1);
    expect(Number(circles[0]!.cy)).toBeCloseTo(280, 1);
  });

  it("highlights the selected borough, however it is spelled, and dims the others and their circles", () => {
    const html = render({ selectedBorough: "queens" });
    const paths = boroughPaths(html);
    expect(paths.get("QUEENS")!["aria-pressed"]).toBe("true");
    expect(paths.get("QUEENS")!["fill-opacity"]).toBe("0.82");
    for (const other of ["BRONX", "BROOKLYN", "MANHATTAN", "STATEN ISLAND"]) {
      expect(paths.get(other)!["aria-pressed"]).toBe("false");
      expect(paths.get(other)!["fill-opacity"]).toBe("0.5");
    }
    const outline = elements(html, "path").find((p) => "data-selected-outline" in p);
    expect(outline?.d).toBe(paths.get("QUEENS")!.d);
    for (const circle of elements(html, "circle")) expect(circle["fill-opacity"]).toBe("0.15");
  });

  it("has no outline when nothing is selected", () => {
    expect(elements(render(), "path").some((p) => "data-selected-outline" in p)).toBe(false);
  });

  it("tells screen readers every borough's figures and which one is selected", () => {
    const text = textOf(render({ selectedBorough: "QUEENS" }));
    expect(text).toContain("Loss ratio by borough; Queens is selected.");
    expect(text).toContain(
      "Queens: loss ratio 80.0%, earned premium $2,000,000, incurred losses $1,600,000, 40 claims, 0 policies in force (selected).",
    );
    expect(text).toContain("Brooklyn: loss ratio 50.0%, earned premium $2,000,000, incurred losses $1,000,000, 10 claims, 500 policies in force.");
    expect(text).toContain("Staten Island: loss ratio no data, earned premium no data, incurred losses no data, 0 claims, 0 policies in force.");
  });

  it("shows the colour scale with a no data entry, and the largest zip code's count", () => {
    const text = textOf(render());
    expect(text).toContain("Loss ratio < 50% 50–60% 60–70% 70–80% ≥ 80% No data");
    expect(text).toContain("circle area shows the count (largest 400)");
  });

  it("reads loading, with previous figures still drawn, while newer ones load", () => {
    const html = render({ state: "loading" });
    expect(elements(html, "div")[0]).toMatchObject({ "data-state": "loading", "aria-busy": "true" });
    expect(boroughPaths(html).get("QUEENS")!.fill).toBe("#b3202c");
    expect(textOf(html)).toContain("Loading figures");
  });

  it("draws neither fills nor buttons before the first figures, and no circles after an error", () => {
    const loading = render({ state: "loading", boroughs: [], zips: [] });
    for (const path of boroughPaths(loading).values()) {
      expect(path.fill).toBe("none");
      expect(path.role).toBeUndefined();
    }
    expect(textOf(loading)).toContain("Loading the map figures.");

    const failed = render({ state: "error" });
    expect(elements(failed, "div")[0]!["data-state"]).toBe("error");
    expect(elements(failed, "circle")).toHaveLength(0);
    expect(textOf(failed)).toContain("The map figures could not be loaded");
  });

  it("shows the figures as a table when the page has no shapes to give", () => {
    const html = render({ geometry: null });
    expect(html).not.toContain("<svg");
    const text = textOf(html);
    expect(text).toContain("Map unavailable");
    expect(text).toContain("Borough Loss ratio Claims Bronx 45.0% 10 Brooklyn 50.0% 10 Manhattan 70.0% 10 Queens 80.0% 40 Staten Island no data no data");
  });

  it("renders the same markup from geometry that crossed the wire as JSON", () => {
    expect(render({ geometry: JSON.parse(JSON.stringify(geometry)) })).toBe(render());
  });
});

describe("TooltipContent", () => {
  const byBorough = new Map(boroughs.map((b) => [b.borough.toUpperCase(), b]));

  it("gives a borough's loss ratio, premium, losses and claims", () => {
    const text = textOf(renderToString(<TooltipContent hover={{ kind: "borough", borough: "MANHATTAN" }} figures={byBorough} />));
    expect(text).toBe("Manhattan Loss ratio 70.0% Earned premium $2,000,000 Incurred losses $1,399,800 Claims 10");
  });

  it("gives a zip code's borough, neighbourhood and policies", () => {
    const [circle] = policyCircles(zips, geometry);
    const text = textOf(renderToString(<TooltipContent hover={{ kind: "zip", circle: circle! }} figures={byBorough} />));
    expect(text).toBe("11201 · Brooklyn Brooklyn Heights 400 policies in force");
  });
});

describe("circleRadius", () => {
  it("grows with the square root of the count, never below the minimum", () => {
    // 10 x sqrt(share), to one decimal, at least 1.5.
    expect(circleRadius(900, 900)).toBe(10);
    expect(circleRadius(225, 900)).toBe(5);
    expect(circleRadius(100, 900)).toBe(3.3);
    expect(circleRadius(1, 900)).toBe(1.5);
    expect(circleRadius(0, 900)).toBe(0);
    expect(circleRadius(5, 0)).toBe(0);
  });
});
