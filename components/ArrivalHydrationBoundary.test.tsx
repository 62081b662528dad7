// @vitest-environment happy-dom
import { HydrationBoundary, QueryClient, QueryClientProvider, dehydrate, useQuery, type DehydratedState } from "@tanstack/react-query";
import { act, type ReactNode } from "react";
import { createRoot, type Root } from "react-dom/client";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ArrivalHydrationBoundary } from "./ArrivalHydrationBoundary";

// React's act() is what flushes effects (useQuery subscribes in one) in a test environment.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | null = null;

afterEach(() => {
  act(() => root?.unmount());
  root = null;
  vi.useRealTimers();
});

/** A page's dehydrated answer, fetched on the server `ageMs` ago. */
async function servedAnswer(ageMs: number): Promise<DehydratedState> {
  vi.useFakeTimers({ now: Date.now() - ageMs, toFake: ["Date"] });
  const server = new QueryClient();
  await server.prefetchQuery({ queryKey: ["claim", "C1"], queryFn: async () => ({ claimNo: "C1", served: true }) });
  vi.useRealTimers();
  return dehydrate(server);
}

function Claim({ queryFn }: { queryFn: () => Promise<unknown> }) {
  // The claim detail's own stale time: a few seconds.
  const { data } = useQuery({ queryKey: ["claim", "C1"], queryFn, staleTime: 5_000 });
  return <p>{JSON.stringify(data ?? null)}</p>;
}

function mount(boundary: (children: ReactNode) => ReactNode, queryFn: () => Promise<unknown>): HTMLElement {
  const container = document.createElement("div");
  root = createRoot(container);
  act(() => root!.render(<QueryClientProvider client={new QueryClient()}>{boundary(<Claim queryFn={queryFn} />)}</QueryClientProvider>));
  return container;
}

describe("ArrivalHydrationBoundary", () => {
  it("hands over an answer the server fetched a while ago without the hook fetching it again", async () => {
    const state = await servedAnswer(60_000);
    const queryFn = vi.fn(async () => ({ claimNo: "C1", served: false }));
    const container = mount((children) => <ArrivalHydrationBoundary state={state}>{children}</ArrivalHydrationBoundary>, queryFn);
    expect(container.textContent).toBe(JSON.stringify({ claimNo: "C1", served: true }));
    expect(queryFn).not.toHaveBeenCalled();
  });

  it("is needed: the same answer through a plain HydrationBoundary is stale on arrival and fetched again", async () => {
    const state = await servedAnswer(60_000);
    const queryFn = vi.fn(async () => ({ claimNo: "C1", served: false }));
    mount((children) => <HydrationBoundary state={state}>{children}</HydrationBoundary>, queryFn);
    expect(queryFn).toHaveBeenCalledTimes(1);
  });
});
