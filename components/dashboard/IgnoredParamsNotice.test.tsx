// @vitest-environment happy-dom
import { act } from "react";
import { describe, expect, it } from "vitest";
import { mount } from "@/lib/testing/dom";
import { IgnoredParamsNotice } from "./IgnoredParamsNotice";

const NAMES = { policyType: "policy type", from: "start date" };

describe("the notice of a link's ignored parameters", () => {
  it("is not there when the link was understood", () => {
    expect(mount(<IgnoredParamsNotice params={[]} names={NAMES} kind="filter" />).innerHTML).toBe("");
  });

  it("names one ignored filter in people's words and says the figures are not narrowed by it", () => {
    const view = mount(<IgnoredParamsNotice params={["policyType"]} names={NAMES} kind="filter" />);
    expect(view.querySelector('[role="status"]')!.textContent).toContain(
      "This link's policy type filter was not recognised and is ignored: the figures below are not narrowed by it.",
    );
  });

  it("speaks of several values in the plural, under their own names when it has none for them", () => {
    const view = mount(<IgnoredParamsNotice params={["from", "dir"]} names={NAMES} kind="value" />);
    expect(view.textContent).toContain("This link's start date, dir values were not recognised and are ignored.");
    expect(view.textContent).not.toContain("narrowed");
  });

  it("goes away when dismissed", () => {
    const view = mount(<IgnoredParamsNotice params={["from"]} names={NAMES} kind="filter" />);
    act(() => view.querySelector<HTMLButtonElement>('button[aria-label="Dismiss"]')!.click());
    expect(view.querySelector('[role="status"]')).toBeNull();
  });
});
