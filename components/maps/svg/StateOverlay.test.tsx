import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { MapStateOverlay } from "./StateOverlay";

const render = (state: "loading" | "loaded" | "empty" | "error") => renderToStaticMarkup(<MapStateOverlay state={state} emptyMessage="No sends in this view" />);

describe("what lies over a map's shapes", () => {
  it("is a small badge while the figures load, and nothing once they are drawn", () => {
    expect(render("loading")).toContain("Loading figures");
    expect(render("loading")).not.toContain("role=");
    expect(render("loaded")).toBe("");
  });

  it("says the view has no figures in the map's own words, with what to do", () => {
    const html = render("empty");
    expect(html).toContain("No sends in this view");
    expect(html).toContain("Widen the period or remove a filter.");
    expect(html).not.toContain('role="alert"');
  });

  it("is an alert when the figures failed, naming only the map", () => {
    const html = render("error");
    expect(html).toContain('role="alert"');
    expect(html).toContain("The map figures could not be loaded");
    expect(html).not.toContain("No sends in this view");
  });
});
