import { HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { ClaimsQueue } from "@/components/claims/ClaimsQueue";
import { claimsQueuePrefetch, prefetchDashboard } from "@/lib/api/dashboardPrefetch";

export const metadata: Metadata = { title: "Claims queue" };

// The queue's view lives in the URL, and its first page is read per request (decisions change it at any time).
export const dynamic = "force-dynamic";

export default async function ClaimsQueuePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  // The first render already has the counters and the page of claims instead of asking the API after hydration.
  const prefetched = await prefetchDashboard(claimsQueuePrefetch(await searchParams));
  return (
    <HydrationBoundary state={prefetched}>
      <ClaimsQueue />
    </HydrationBoundary>
  );
}
