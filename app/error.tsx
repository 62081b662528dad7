"use client";

import { ErrorView, type ErrorBoundaryProps } from "@/components/ErrorView";

export default function ErrorPage(props: ErrorBoundaryProps) {
  return (
    <ErrorView
      {...props}
      eyebrow="Error"
      title="This page could not be loaded"
      message="Something went wrong while preparing this view. Trying again usually helps; if it keeps happening, share the reference below with your administrator."
      exit={{ href: "/", label: "All dashboards" }}
    />
  );
}
