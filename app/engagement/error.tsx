"use client";

import { ErrorView, type ErrorBoundaryProps } from "@/components/ErrorView";

export default function EngagementError(props: ErrorBoundaryProps) {
  return (
    <ErrorView
      {...props}
      eyebrow="Email Engagement"
      title="Email Engagement could not be shown"
      what="the dashboard"
      exit={{ href: "/engagement", label: "Reset filters" }}
    />
  );
}
