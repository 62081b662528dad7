"use client";

import { ErrorView, type ErrorBoundaryProps } from "@/components/ErrorView";

export default function LossSummaryError(props: ErrorBoundaryProps) {
  return (
    <ErrorView
      {...props}
      eyebrow="Loss Summary"
      title="The Loss Summary could not be shown"
      message="Something went wrong while preparing the dashboard. Trying again usually helps; if it keeps happening, share the reference below with your administrator."
      exit={{ href: "/loss-summary", label: "Reset filters" }}
    />
  );
}
