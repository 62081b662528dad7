"use client";

import { QueryClient, QueryClientProvider, defaultShouldDehydrateQuery, isServer } from "@tanstack/react-query";
import { NuqsAdapter } from "nuqs/adapters/next/app";
import type { ReactNode } from "react";
import { WarehouseStartingNotice } from "@/components/WarehouseStartingNotice";
import { warehouseRetryDelay } from "@/hooks/warehouseStarting";

function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Gold tables change only when the pipeline reruns; refetching on every focus would only add warehouse load.
        staleTime: 60_000,
        retry: 1,
        // Backs off further while a Databricks warehouse starts (the hooks keep retrying for that case).
        retryDelay: warehouseRetryDelay,
        refetchOnWindowFocus: false,
      },
      dehydrate: {
        // Lets server components start a prefetch and stream it without awaiting.
        shouldDehydrateQuery: (query) => defaultShouldDehydrateQuery(query) || query.state.status === "pending",
      },
    },
  });
}

let browserQueryClient: QueryClient | undefined;

// Not useState: React discards state when the first render suspends, which would drop the cache with it.
// On the server every request gets its own client so no user's data is shared with another.
function getQueryClient(): QueryClient {
  if (isServer) return makeQueryClient();
  browserQueryClient ??= makeQueryClient();
  return browserQueryClient;
}

export function Providers({ children }: { children: ReactNode }) {
  const queryClient = getQueryClient();
  return (
    <NuqsAdapter>
      <QueryClientProvider client={queryClient}>
        {children}
        <WarehouseStartingNotice />
      </QueryClientProvider>
    </NuqsAdapter>
  );
}
