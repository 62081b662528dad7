"use client";

import { HydrationBoundary, type DehydratedState } from "@tanstack/react-query";
import { useMemo, type ReactNode } from "react";

/**
 * A HydrationBoundary whose answers count as fetched when the page reached the browser, not when the server
 * fetched them. A page that takes a while to become interactive (a busy machine, a slow network) would
 * otherwise hand its hooks answers already older than their stale time, and they would fetch them again the
 * moment they mount.
 */
export function ArrivalHydrationBoundary({ state, children }: { state: DehydratedState; children: ReactNode }) {
  const arrived = useMemo(() => {
    const now = Date.now();
    return { ...state, queries: state.queries.map((query) => ({ ...query, state: { ...query.state, dataUpdatedAt: now } })) };
  }, [state]);
  return <HydrationBoundary state={arrived}>{children}</HydrationBoundary>;
}
