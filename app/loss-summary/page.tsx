import { HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { policyMapGeometry } from "@/components/loss-summary/loadPolicyMapGeometry";
import { LossSummary } from "@/components/loss-summary/LossSummary";
import { PolicyMapGeometryProvider } from "@/components/loss-summary/PolicyMapGeometryContext";
import { lossSummaryPrefetch, prefetchDashboard } from "@/lib/api/dashboardPrefetch";
import { canOpen } from "@/lib/auth/access";
import { getSessionUser } from "@/lib/auth/session";
import { ignoredFilterParams, loadLossSummaryFilters } from "@/lib/lossSummaryFilters";

export const metadata: Metadata = { title: "Loss Summary" };

// Rendered per request: the viewer's role is read at run time, and the URL holds the view.
export const dynamic = "force-dynamic";

export default async function LossSummaryPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [raw, user] = await Promise.all([searchParams, getSessionUser()]);
  const filters = loadLossSummaryFilters(raw);
  // The first render already has the figures instead of asking the API after hydration.
  const prefetched = await prefetchDashboard(lossSummaryPrefetch(filters));
  // The claims queue shows personal data; roles that may not open it get no drill-through link to a refusal.
  const canViewClaims = user !== null && canOpen(user.role, "/claims");
  return (
    <HydrationBoundary state={prefetched}>
      {/* The map's shapes, projected once per process, go down with the figures: the map is in the first HTML. */}
      <PolicyMapGeometryProvider geometry={policyMapGeometry()}>
        <LossSummary ignoredParams={ignoredFilterParams(raw, filters)} canViewClaims={canViewClaims} />
      </PolicyMapGeometryProvider>
    </HydrationBoundary>
  );
}
