"use client";

import "maplibre-gl/dist/maplibre-gl.css";
import type { Map as MapLibreMap, MapOptions } from "maplibre-gl";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { basemapColors, basemaps, type BasemapName } from "./offlineStyle";

export type MapState = "loading" | "loaded" | "error";

/** Fired on the canvas container (and bubbling) when the map's `load` event fires. */
export const MAP_LOAD_EVENT = "goldlens:map-load";

// Bundled, maplibre cannot find its own worker; scripts/postinstall.ts copies it to public/.
const WORKER_URL = "/maplibre-gl-worker.mjs";

type Maplibre = typeof import("maplibre-gl");

let maplibreModule: Promise<Maplibre> | null = null;

/** maplibre (about 1 MB) is fetched only by pages that draw a map, and configured once. */
function loadMaplibre(): Promise<Maplibre> {
  maplibreModule ??= import("maplibre-gl").then(
    (maplibregl) => {
      maplibregl.setWorkerUrl(new URL(WORKER_URL, window.location.href).href);
      return maplibregl;
    },
    (error: unknown) => {
      maplibreModule = null;
      throw error;
    },
  );
  return maplibreModule;
}

export type MapCanvasProps = {
  /** Offline style to draw when there is no styleUrl, and the area the map opens on and keeps to. */
  basemap: BasemapName;
  /** A MapLibre style URL (the server's MAP_STYLE_URL); when it cannot be loaded the offline basemap is used. */
  styleUrl?: string;
  /**
   * Called once the map and its style have loaded, to add sources, layers and handlers. A returned function
   * runs before the map is removed (unmount, or a new style URL).
   */
  onLoad?: (map: MapLibreMap) => void | (() => void);
  className?: string;
  /** Overlays drawn over the map (legend, tooltip). */
  children?: ReactNode;
  /** Shown under the message when the map cannot be drawn, e.g. the figures as a small table. */
  fallback?: ReactNode;
};

/** A MapLibre map in a client island; `data-map-state` on its container says whether it has loaded. */
export function MapCanvas({ basemap, styleUrl, onLoad, className = "", children, fallback }: MapCanvasProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLDivElement>(null);
  const onLoadRef = useRef(onLoad);
  const [mapState, setMapState] = useState<MapState>("loading");
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    onLoadRef.current = onLoad;
  }, [onLoad]);

  useEffect(() => {
    const container = containerRef.current;
    const canvas = canvasRef.current;
    if (!container || !canvas) return;
    let map: MapLibreMap | null = null;
    let teardown: (() => void) | undefined;
    let cancelled = false;
    setMapState("loading");
    setFailure(null);

    const fail = (message: string, error: unknown, expected = false) => {
      // A browser without WebGL is the visitor's setup, not a fault of the app.
      (expected ? console.warn : console.error)(`map: ${message}`, error);
      setFailure(message);
      setMapState("error");
      container.dataset.mapState = "error";
    };

    loadMaplibre().then(
      (maplibregl) => {
        if (cancelled) return;
        const { style, bounds, ...area } = basemaps[basemap];
        const options: MapOptions = {
          container: canvas,
          style: styleUrl ?? style,
          bounds: [bounds.west, bounds.south, bounds.east, bounds.north],
          fitBoundsOptions: { padding: 16 },
          attributionControl: { compact: true },
          // A dashboard map is read, not explored in 3D; and scrolling the page must not zoom it.
          dragRotate: false,
          pitchWithRotate: false,
          touchPitch: false,
          cooperativeGestures: true,
        };
        if ("maxBounds" in area) {
          const { west, south, east, north } = area.maxBounds;
          options.maxBounds = [west, south, east, north];
        }
        try {
          map = new maplibregl.Map(options);
        } catch (error) {
          const noWebgl = error instanceof maplibregl.GPUInitializationError;
          fail(noWebgl ? "This map needs WebGL, which this browser has turned off or does not support." : "The map could not be started in this browser.", error, noWebgl);
          return;
        }
        const created = map;
        created.touchZoomRotate.disableRotation();
        created.addControl(new maplibregl.NavigationControl({ showCompass: false }), "top-right");

        let usedFallback = false;
        let styleArrived = false;
        let hasLoaded = false;
        created.once("styledata", () => {
          styleArrived = true;
        });
        created.on("error", (event) => {
          // Tile, sprite and glyph errors leave the map usable; only a style document that never arrives stops it.
          if (hasLoaded || styleArrived || "sourceId" in event) return;
          if (styleUrl && !usedFallback) {
            usedFallback = true;
            console.warn(`map: style ${styleUrl} could not be loaded; drawing the offline basemap instead`, event.error);
            created.setStyle(style);
            return;
          }
          fail("The map could not be loaded.", event.error);
        });
        created.once("load", () => {
          hasLoaded = true;
          if (cancelled) return;
          setMapState("loaded");
          // Set before the event so a listener reading the attribute sees the same state.
          container.dataset.mapState = "loaded";
          const cleanup = onLoadRef.current?.(created);
          if (typeof cleanup === "function") teardown = cleanup;
          container.dispatchEvent(new CustomEvent(MAP_LOAD_EVENT, { bubbles: true }));
        });
      },
      (error: unknown) => {
        if (!cancelled) fail("The map could not be loaded.", error);
      },
    );

    return () => {
      cancelled = true;
      teardown?.();
      map?.remove();
    };
  }, [basemap, styleUrl]);

  return (
    <div
      ref={containerRef}
      data-map-state={mapState}
      className={`relative isolate overflow-hidden ${className}`}
      style={{ backgroundColor: basemapColors.water }}
    >
      {/* Inline: maplibre's own stylesheet sets position: relative on this element and would beat a class. */}
      <div ref={canvasRef} style={{ position: "absolute", inset: 0 }} />
      {mapState === "error" ? (
        <div className="absolute inset-0 flex flex-col items-center justify-center gap-4 overflow-auto bg-surface-muted p-6 text-center">
          <div role="alert" className="max-w-xs">
            <p className="text-sm font-medium text-foreground">Map unavailable</p>
            <p className="mt-1 text-xs leading-5 text-muted">{failure}</p>
          </div>
          {fallback}
        </div>
      ) : (
        children
      )}
    </div>
  );
}
