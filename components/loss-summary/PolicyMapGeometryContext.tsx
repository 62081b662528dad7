"use client";

import { createContext, useContext, type ReactNode } from "react";
import type { PolicyMapGeometry } from "./policyMapGeometry";

// The page projects the map's shapes on the server; the map tile sits a few client components further down.
const PolicyMapGeometryContext = createContext<PolicyMapGeometry | null>(null);

export function PolicyMapGeometryProvider({ geometry, children }: { geometry: PolicyMapGeometry | null; children: ReactNode }) {
  return <PolicyMapGeometryContext value={geometry}>{children}</PolicyMapGeometryContext>;
}

/** The projected shapes of the Loss Summary map; null when the page has none to give. */
export function usePolicyMapGeometry(): PolicyMapGeometry | null {
  return useContext(PolicyMapGeometryContext);
}
