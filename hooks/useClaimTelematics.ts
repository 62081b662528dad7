import { queryOptions, useQuery } from "@tanstack/react-query";
import { z } from "zod";
import type { TelematicsCollection } from "@/lib/api/claims";
import { getClaimsApi, retryUnlessRefused } from "./claimsApi";

// The route's own type is the contract (a type-only import keeps the server module out of the bundle); this
// schema checks a response against it at run time and cannot drift from it without failing to compile.
const position = z.tuple([z.number(), z.number()]);
const telematicsCollection = z.object({
  type: z.literal("FeatureCollection"),
  features: z.array(
    z.union([
      z.object({
        type: z.literal("Feature"),
        geometry: z.object({ type: z.literal("LineString"), coordinates: z.array(position) }),
        properties: z.object({ kind: z.literal("path"), start: z.string(), end: z.string() }),
      }),
      z.object({
        type: z.literal("Feature"),
        geometry: z.object({ type: z.literal("Point"), coordinates: position }),
        properties: z.object({ kind: z.literal("point"), seq: z.number().int(), ts: z.string(), speed: z.number().nullable() }),
      }),
    ]),
  ),
}) satisfies z.ZodType<TelematicsCollection>;

export function claimTelematicsOptions(claimNo: string) {
  return queryOptions({
    queryKey: ["claim-telematics", claimNo] as const,
    queryFn: ({ signal }): Promise<TelematicsCollection> =>
      getClaimsApi(`/api/claims/${encodeURIComponent(claimNo)}/telematics`, telematicsCollection, "claim telematics", signal),
    // Telematics come from the gold tables, which change only when the pipeline reruns.
    staleTime: 10 * 60_000,
    retry: retryUnlessRefused,
  });
}

export function useClaimTelematics(claimNo: string) {
  return useQuery(claimTelematicsOptions(claimNo));
}
