"use client";

import { ErrorView, type ErrorBoundaryProps } from "@/components/ErrorView";

export default function ErrorPage(props: ErrorBoundaryProps) {
  return (
    <ErrorView
      {...props}
      eyebrow="Error"
      title="This page could not be loaded"
      what="this view"
      exit={{ href: "/", label: "All dashboards" }}
    />
  );
}
