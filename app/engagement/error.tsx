"use client";

import { ErrorView, type ErrorBoundaryProps } from "@/components/ErrorView";

export default function EngagementError(props: ErrorBoundaryProps) {
  return (
    <ErrorView
      {...props}
      eyebrow="Email Engagement"
      title="Email Engagement could not be shown"
      message="Something went wrong while preparing the dashboard. Trying again usually helps; if it keeps happening, share the reference below with your administrator."
      exit={{ href: "/engagement", label: "Reset filters" }}
    />
  );
}
