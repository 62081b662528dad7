// @vitest-environment happy-dom
import { act, type ComponentType } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import RootError from "@/app/error";
import ClaimsQueueError from "@/app/claims/error";
import ClaimCaseError from "@/app/claims/[claimNo]/error";
import EngagementError from "@/app/engagement/error";
import LossSummaryError from "@/app/loss-summary/error";
import { mount } from "@/lib/testing/dom";

vi.mock("next/link", () => ({ default: ({ href, children, prefetch: _, ...rest }: { href: string; children: React.ReactNode; prefetch?: boolean }) => <a href={href} {...rest}>{children}</a> }));

afterEach(() => {
  vi.restoreAllMocks();
});

// What Next hands a route's error boundary: the error, `reset` (re-render only) and `retry` (ask the server again).
type BoundaryProps = { error: unknown; reset: () => void; retry: () => void };

function showError(Boundary: ComponentType<BoundaryProps>, error: unknown) {
  vi.spyOn(console, "error").mockImplementation(() => undefined);
  const reset = vi.fn();
  const retry = vi.fn();
  return { view: mount(<Boundary error={error} reset={reset} retry={retry} />), reset, retry };
}

const serverError = () => Object.assign(new Error("An error occurred in the Server Components render."), { digest: "4172906393" });

describe.each([
  ["the root", RootError, "/", "This page could not be loaded"],
  ["the claims queue", ClaimsQueueError, "/claims", "The claims queue could not be shown"],
  ["a claim's case page", ClaimCaseError, "/claims", "This claim could not be shown"],
  ["the Loss Summary", LossSummaryError, "/loss-summary", "The Loss Summary could not be shown"],
  ["Email Engagement", EngagementError, "/engagement", "Email Engagement could not be shown"],
] as const)("the error page of %s", (_, Boundary, exitHref, title) => {
  it("asks the server again on Try again, not just re-rendering what failed", () => {
    const { view, reset, retry } = showError(Boundary as ComponentType<BoundaryProps>, serverError());
    const tryAgain = [...view.querySelectorAll("button")].find((b) => b.textContent === "Try again")!;
    act(() => tryAgain.click());
    expect(retry).toHaveBeenCalledTimes(1);
    expect(reset).not.toHaveBeenCalled();
  });

  it("says what failed, gives the server log's reference and a way out", () => {
    const { view } = showError(Boundary as ComponentType<BoundaryProps>, serverError());
    expect(view.querySelector('[role="alert"] h1')!.textContent).toBe(title);
    expect(view.textContent).toContain("Reference 4172906393");
    expect(view.querySelector("a")!.getAttribute("href")).toBe(exitHref);
  });

  it("shows no reference for an error without one", () => {
    const { view } = showError(Boundary as ComponentType<BoundaryProps>, new Error("render failed"));
    expect(view.textContent).not.toContain("Reference");
  });
});
