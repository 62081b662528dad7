"use client";

import type { FeatureCollection } from "geojson";
import { useEffect, useState } from "react";

const cache = new Map<string, Promise<FeatureCollection>>();

/** Fetches a static GeoJSON file once per page load, however many maps ask for it. */
export function loadGeoJson(url: string): Promise<FeatureCollection> {
  let pending = cache.get(url);
  if (!pending) {
    pending = fetch(url)
      .then(async (response) => {
        if (!response.ok) throw new Error(`${url} answered ${response.status}`);
        const body: unknown = await response.json();
        if (!isFeatureCollection(body)) throw new Error(`${url} is not a GeoJSON FeatureCollection`);
        return body;
      })
      .catch((error: unknown) => {
        cache.delete(url);
        throw error;
      });
    cache.set(url, pending);
  }
  return pending;
}

function isFeatureCollection(value: unknown): value is FeatureCollection {
  return typeof value === "object" && value !== null && "type" in value && value.type === "FeatureCollection" && "features" in value && Array.isArray(value.features);
}

export type GeoJsonResult = { data: FeatureCollection | null; error: Error | null };

export function useGeoJson(url: string): GeoJsonResult {
  const [result, setResult] = useState<GeoJsonResult & { url: string | null }>({ url: null, data: null, error: null });
  useEffect(() => {
    let cancelled = false;
    loadGeoJson(url).then(
      (data) => !cancelled && setResult({ url, data, error: null }),
      (error: unknown) => !cancelled && setResult({ url, data: null, error: error instanceof Error ? error : new Error(String(error)) }),
    );
    return () => {
      cancelled = true;
    };
  }, [url]);
  return result.url === url ? { data: result.data, error: result.error } : { data: null, error: null };
}
