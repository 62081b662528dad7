import { HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { EngagementDashboard } from "@/components/engagement/EngagementDashboard";
import { ignoredFilterParams, loadEngagementFilters } from "@/components/engagement/filters";
import { engagementPrefetch, prefetchDashboard } from "@/lib/api/dashboardPrefetch";
import { worldMapGeometry } from "@/lib/worldMap";

export const metadata: Metadata = { title: "Email Engagement" };

// Rendered per request: the URL holds the view.
export const dynamic = "force-dynamic";

export default async function EngagementPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = await searchParams;
  const filters = loadEngagementFilters(raw);
  // The first render already has the figures instead of asking the API after hydration.
  const prefetched = await prefetchDashboard(engagementPrefetch(filters));
  return (
    <HydrationBoundary state={prefetched}>
      <EngagementDashboard worldMap={worldMapGeometry()} ignoredParams={ignoredFilterParams(raw, filters)} />
    </HydrationBoundary>
  );
}
