"use client";

import { ErrorView, type ErrorBoundaryProps } from "@/components/ErrorView";

export default function ClaimsQueueError(props: ErrorBoundaryProps) {
  return (
    <ErrorView
      {...props}
      eyebrow="Claims queue"
      title="The claims queue could not be shown"
      what="the queue"
      exit={{ href: "/claims", label: "Reset filters" }}
    />
  );
}
