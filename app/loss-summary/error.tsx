"use client";

import { ErrorView, type ErrorBoundaryProps } from "@/components/ErrorView";

export default function LossSummaryError(props: ErrorBoundaryProps) {
  return (
    <ErrorView
      {...props}
      eyebrow="Loss Summary"
      title="The Loss Summary could not be shown"
      what="the dashboard"
      exit={{ href: "/loss-summary", label: "Reset filters" }}
    />
  );
}
