import type { Metadata } from "next";
import { ClaimsQueue } from "@/components/claims/ClaimsQueue";

export const metadata: Metadata = { title: "Claims queue" };

// The queue's view lives in the URL and its data comes from the API per request.
export const dynamic = "force-dynamic";

export default function ClaimsQueuePage() {
  return <ClaimsQueue />;
}
