// @vitest-environment happy-dom
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createRoot, type Root } from "react-dom/client";
import { flushSync } from "react-dom";
import { afterEach, describe, expect, it, vi } from "vitest";
import { WAREHOUSE_STARTING } from "@/hooks/warehouseStarting";
import { WarehouseStartingNotice } from "./WarehouseStartingNotice";

const failure = (code: string) => Object.assign(new Error(code), { code });
let root: Root | null = null;
let client: QueryClient | null = null;

function mount(queryClient: QueryClient): HTMLElement {
  const container = document.createElement("div");
  root = createRoot(container);
  flushSync(() => root!.render(<QueryClientProvider client={queryClient}><WarehouseStartingNotice /></QueryClientProvider>));
  return container;
}
const notice = (container: HTMLElement) => container.querySelector("[data-state=warehouse-starting]");

afterEach(() => {
  root?.unmount();
  client?.clear();
  root = null;
  client = null;
});

describe("the warehouse-starting notice", () => {
  it("shows while a query retries against a starting warehouse, and goes once it answers", async () => {
    client = new QueryClient({ defaultOptions: { queries: { retryDelay: () => 2 } } });
    const container = mount(client);
    expect(notice(container)).toBeNull();
    let started = false;
    const answer = client.fetchQuery({
      queryKey: ["gold"],
      queryFn: async () => {
        if (!started) throw failure(WAREHOUSE_STARTING);
        return "rows";
      },
      retry: (failures) => failures < 10_000,
    });
    await vi.waitFor(() => expect(notice(container)).not.toBeNull());
    // Other queries coming and going leave it up while the first still waits.
    await client.fetchQuery({ queryKey: ["other"], queryFn: async () => "done" });
    expect(notice(container)).not.toBeNull();
    started = true;
    expect(await answer).toBe("rows");
    await vi.waitFor(() => expect(notice(container)).toBeNull());
  });

  it("stays away for any other failure", async () => {
    client = new QueryClient({ defaultOptions: { queries: { retryDelay: () => 2 } } });
    const container = mount(client);
    let attempts = 0;
    const answer = client.fetchQuery({
      queryKey: ["gold"],
      queryFn: async () => {
        attempts += 1;
        if (attempts < 4) throw failure("internal_error");
        return "rows";
      },
      retry: 5,
    });
    expect(await answer).toBe("rows");
    expect(attempts).toBe(4);
    expect(notice(container)).toBeNull();
  });
});
