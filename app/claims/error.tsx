"use client";

import { ErrorView, type ErrorBoundaryProps } from "@/components/ErrorView";

export default function ClaimsQueueError(props: ErrorBoundaryProps) {
  return (
    <ErrorView
      {...props}
      eyebrow="Claims queue"
      title="The claims queue could not be shown"
      message="Something went wrong while preparing the queue. Trying again usually helps; if it keeps happening, share the reference below with your administrator."
      exit={{ href: "/claims", label: "Reset filters" }}
    />
  );
}
