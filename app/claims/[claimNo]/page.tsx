import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ClaimCase } from "@/components/claims/ClaimCase";
import { claimNo as claimNoSchema } from "@/lib/api/claimsSchema";
import { getSessionUser } from "@/lib/auth/session";
import { env } from "@/lib/env";

// Rendered per request: the basemap setting and the viewer are read at run time, and the claim comes from the API.
export const dynamic = "force-dynamic";

type Params = { params: Promise<{ claimNo: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const parsed = claimNoSchema.safeParse((await params).claimNo);
  return { title: parsed.success ? `Claim ${parsed.data}` : "Claim" };
}

export default async function ClaimCasePage({ params }: Params) {
  const [{ claimNo: raw }, user] = await Promise.all([params, getSessionUser()]);
  const claimNo = claimNoSchema.safeParse(raw);
  if (!claimNo.success) notFound();
  return <ClaimCase claimNo={claimNo.data} mapStyleUrl={env().MAP_STYLE_URL} viewerEmail={user?.email ?? null} />;
}
