import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { ArrivalHydrationBoundary } from "@/components/ArrivalHydrationBoundary";
import { ClaimCase } from "@/components/claims/ClaimCase";
import { claimNo as claimNoSchema } from "@/lib/api/claimsSchema";
import { claimCasePrefetch, claimTelematicsPrefetch, prefetchPage } from "@/lib/api/dashboardPrefetch";
import { isNotFound } from "@/lib/api/errors";
import { getSessionUser } from "@/lib/auth/session";
import { env } from "@/lib/env";

// Rendered per request: the claim, its decisions and the viewer are read at run time.
export const dynamic = "force-dynamic";

type Params = { params: Promise<{ claimNo: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const parsed = claimNoSchema.safeParse((await params).claimNo);
  return { title: parsed.success ? `Claim ${parsed.data}` : "Claim" };
}

export default async function ClaimCasePage({ params }: Params) {
  const [{ claimNo: raw }, user, requestHeaders] = await Promise.all([params, getSessionUser(), headers()]);
  const claimNo = claimNoSchema.safeParse(raw);
  if (!claimNo.success) notFound();
  // The first render already has the claim (its view on record) and the trip's telematics instead of asking
  // the API after hydration; the photo and the map's canvas still load in the browser.
  const requestId = requestHeaders.get("x-request-id") ?? randomUUID();
  const { state, failures } = await prefetchPage(claimCasePrefetch(claimNo.data, user, requestId), claimTelematicsPrefetch(claimNo.data));
  if (isNotFound(failures[0])) notFound();
  return (
    <ArrivalHydrationBoundary state={state}>
      <ClaimCase claimNo={claimNo.data} mapStyleUrl={env().MAP_STYLE_URL} viewerEmail={user?.email ?? null} />
    </ArrivalHydrationBoundary>
  );
}
