// @vitest-environment happy-dom
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { NuqsTestingAdapter } from "nuqs/adapters/testing";
import { act } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { mount } from "@/lib/testing/dom";

vi.mock("next/navigation", () => ({ useSearchParams: () => new URLSearchParams(window.location.search) }));
const { ClaimsQueue } = await import("./ClaimsQueue");

const EMPTY_QUEUE = {
  total: 0,
  page: 1,
  pageSize: 50,
  counters: { claims: 0, suspicious: 0, policyNotInForce: 0, severityMismatch: 0, exceedsCover: 0, needsInvestigation: 0, undecided: 0 },
  rules: [],
  rows: [],
};

let container: HTMLElement | null = null;

afterEach(() => {
  container = null;
  vi.unstubAllGlobals();
});

/**
 * The queue on `search`, its API answering an empty queue. Returns the API paths asked for, in order, and
 * the queue panel's state at the moment each was asked for.
 */
async function renderQueue(search: string): Promise<{ asked: string[]; stateWhenAsked: Map<string, string | null | undefined> }> {
  const asked: string[] = [];
  const stateWhenAsked = new Map<string, string | null | undefined>();
  vi.stubGlobal(
    "fetch",
    vi.fn(async (url: string) => {
      asked.push(url);
      stateWhenAsked.set(url, container ? queueState() : undefined);
      return new Response(JSON.stringify(EMPTY_QUEUE), { headers: { "content-type": "application/json" } });
    }),
  );
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  container = mount(
    <QueryClientProvider client={client}>
      <NuqsTestingAdapter searchParams={search} hasMemory>
        <ClaimsQueue />
      </NuqsTestingAdapter>
    </QueryClientProvider>,
  );
  await act(() => vi.waitFor(() => expect(queueState()).toBe("empty")));
  return { asked, stateWhenAsked };
}

const queueState = () => container!.querySelector('[data-tile="queue"]')?.getAttribute("data-state");

function select(label: string): HTMLSelectElement {
  const found = [...container!.querySelectorAll("label")].find((l) => l.textContent?.trim() === label);
  const control = found?.htmlFor ? document.getElementById(found.htmlFor) : found?.querySelector("select");
  if (!(control instanceof HTMLSelectElement)) throw new Error(`no select labelled ${label}`);
  return control;
}

describe("the claims queue's filters", () => {
  it("ask for the filtered queue in the change's own event handler, once", async () => {
    const { asked, stateWhenAsked } = await renderQueue("?sort=amountTotal&page=3");
    expect(asked).toEqual(["/api/claims?sort=amountTotal&dir=desc&page=3&pageSize=50"]);

    const borough = select("Borough");
    const filtered = "/api/claims?borough=QUEENS&sort=amountTotal&dir=desc&page=1&pageSize=50";
    await act(async () => {
      borough.value = "QUEENS";
      borough.dispatchEvent(new Event("change", { bubbles: true }));
    });
    expect(asked).toEqual([asked[0], filtered]);
    // Asked for before React rendered the change: the panel still showed the old answer as current, not yet
    // marked as updating (which the render that follows the URL's change does).
    expect(stateWhenAsked.get(filtered)).toBe("empty");

    // Once the URL has changed and the queue renders it, the queue's own query is the one already in flight.
    await act(async () => {
      await vi.waitFor(() => expect(select("Borough").value).toBe("QUEENS"));
      await vi.waitFor(() => expect(queueState()).toBe("empty"));
    });
    expect(asked.filter((path) => path === filtered)).toHaveLength(1);
    expect(asked).toHaveLength(2);
  });
});
