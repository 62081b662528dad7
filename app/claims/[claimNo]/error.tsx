"use client";

import { ErrorView, type ErrorBoundaryProps } from "@/components/ErrorView";

export default function ClaimCaseError(props: ErrorBoundaryProps) {
  return (
    <ErrorView
      {...props}
      eyebrow="Claim"
      title="This claim could not be shown"
      what="the case page"
      detail="A decision you were writing is kept in this tab and comes back when the page does. If this keeps happening, share the reference below with your administrator."
      exit={{ href: "/claims", label: "Claims queue" }}
    />
  );
}
