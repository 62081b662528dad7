"use client";

import type { Feature, FeatureCollection, LineString, Point } from "geojson";
import type { ExpressionSpecification, GeoJSONSource, MapMouseEvent, Map as MapLibreMap, MapSourceDataEvent } from "maplibre-gl";
import { useCallback, useEffect, useMemo, useState } from "react";
import { MapCanvas } from "@/components/maps/MapCanvas";
import {
  cursorLayer,
  incidentHaloLayer,
  journeySources,
  markersLayer,
  pathCasingLayer,
  pathLayer,
  pointsLayer,
} from "./journeyLayers";
import { formatClock, formatSpeed, nearestOnPath, speedColor, speedGradient, type JourneyPoint } from "./journey";

const EMPTY: FeatureCollection = { type: "FeatureCollection", features: [] };

type Tooltip = { index: number; x: number; y: number; flipX: boolean; flipY: boolean };

export type JourneyMapProps = {
  points: readonly JourneyPoint[];
  incident: number | null;
  /** The replay position, drawn as a marker. */
  activeIndex: number;
  onActiveIndexChange: (index: number) => void;
  /** The five minutes the speed rule reads, named in the tooltip. */
  speedWindow: { from: number; to: number } | null;
  styleUrl?: string;
};

function pathFeature(points: readonly JourneyPoint[]): Feature<LineString> {
  return { type: "Feature", geometry: { type: "LineString", coordinates: points.map((p) => [p.lng, p.lat]) }, properties: {} };
}

function pointFeatures(points: readonly JourneyPoint[]): FeatureCollection<Point> {
  return {
    type: "FeatureCollection",
    features: points.map((p) => ({
      type: "Feature",
      geometry: { type: "Point", coordinates: [p.lng, p.lat] },
      properties: { seq: p.seq, ts: p.ts, ...(p.speed === null ? {} : { speed: p.speed }) },
    })),
  };
}

function markerFeatures(points: readonly JourneyPoint[], incident: number | null): FeatureCollection<Point> {
  const at = (index: number, role: string): Feature<Point> => ({
    type: "Feature",
    geometry: { type: "Point", coordinates: [points[index]!.lng, points[index]!.lat] },
    properties: { role },
  });
  const features = [at(0, "start"), at(points.length - 1, "end")];
  // Last, so it is drawn over an end of trip in the same place.
  if (incident !== null) features.push(at(incident, "incident"));
  return { type: "FeatureCollection", features };
}

/**
 * The vehicle's path as one line coloured by speed, with start, end and incident markers and a replay marker.
 * `data-path-points` on the region holds the number of telematics points the map's source holds once drawn.
 */
export function JourneyMap({ points, incident, activeIndex, onActiveIndexChange, speedWindow, styleUrl }: JourneyMapProps) {
  const [map, setMap] = useState<MapLibreMap | null>(null);
  const [tooltip, setTooltip] = useState<Tooltip | null>(null);
  const [drawnPoints, setDrawnPoints] = useState<number | null>(null);
  const gradient = useMemo(() => speedGradient(points), [points]);

  const handleLoad = useCallback((loaded: MapLibreMap) => {
    // Over a MAP_STYLE_URL basemap, keep its place labels above the path.
    const firstSymbol = loaded.getStyle().layers.find((layer) => layer.type === "symbol")?.id;
    loaded.addSource(journeySources.path, { type: "geojson", data: EMPTY, lineMetrics: true });
    loaded.addSource(journeySources.points, { type: "geojson", data: EMPTY });
    loaded.addSource(journeySources.markers, { type: "geojson", data: EMPTY });
    loaded.addSource(journeySources.cursor, { type: "geojson", data: EMPTY });
    for (const layer of [pathCasingLayer, pathLayer, pointsLayer]) loaded.addLayer(layer, firstSymbol);
    // Markers above any labels: they are what the investigator looks for.
    for (const layer of [incidentHaloLayer, markersLayer, cursorLayer]) loaded.addLayer(layer);
    setMap(loaded);
    return () => setMap(null);
  }, []);

  useEffect(() => {
    if (!map || points.length === 0) return;
    map.getSource<GeoJSONSource>(journeySources.path)?.setData(pathFeature(points));
    if (gradient) map.setPaintProperty(pathLayer.id, "line-gradient", gradient as ExpressionSpecification);
    map.getSource<GeoJSONSource>(journeySources.points)?.setData(pointFeatures(points));
    map.getSource<GeoJSONSource>(journeySources.markers)?.setData(markerFeatures(points, incident));

    const lngs = points.map((p) => p.lng);
    const lats = points.map((p) => p.lat);
    map.fitBounds(
      [
        [Math.min(...lngs), Math.min(...lats)],
        [Math.max(...lngs), Math.max(...lats)],
      ],
      { padding: 48, maxZoom: 14.5, duration: 0 },
    );

    // What the map itself holds, not what was handed to it: the count appears only once the source is drawn.
    let cancelled = false;
    const count = () => {
      if (cancelled || !map.isSourceLoaded(journeySources.points)) return;
      const seqs = new Set(map.querySourceFeatures(journeySources.points).map((f) => f.properties.seq));
      if (seqs.size > 0) setDrawnPoints(seqs.size);
    };
    const onData = (event: MapSourceDataEvent) => {
      if (event.sourceId === journeySources.points && event.isSourceLoaded) count();
    };
    map.on("sourcedata", onData);
    map.once("idle", count);
    return () => {
      cancelled = true;
      map.off("sourcedata", onData);
    };
  }, [map, points, incident, gradient]);

  useEffect(() => {
    const point = points[activeIndex];
    if (!map || !point) return;
    map.getSource<GeoJSONSource>(journeySources.cursor)?.setData({
      type: "Feature",
      geometry: { type: "Point", coordinates: [point.lng, point.lat] },
      properties: { color: speedColor(point.speed) },
    });
  }, [map, points, activeIndex]);

  useEffect(() => {
    if (!map || points.length === 0) return;
    const onMove = (event: MapMouseEvent) => {
      const screen = points.map((p) => map.project([p.lng, p.lat]));
      const index = nearestOnPath(screen, event.point.x, event.point.y, 14);
      map.getCanvas().style.cursor = index === null ? "" : "crosshair";
      if (index === null) {
        setTooltip(null);
        return;
      }
      const { clientWidth, clientHeight } = map.getContainer();
      setTooltip({ index, x: event.point.x, y: event.point.y, flipX: event.point.x > clientWidth - 200, flipY: event.point.y > clientHeight - 110 });
      onActiveIndexChange(index);
    };
    const onOut = () => {
      setTooltip(null);
      map.getCanvas().style.cursor = "";
    };
    map.on("mousemove", onMove);
    map.on("mouseout", onOut);
    return () => {
      map.off("mousemove", onMove);
      map.off("mouseout", onOut);
    };
  }, [map, points, onActiveIndexChange]);

  const hovered = tooltip ? points[tooltip.index] : undefined;
  return (
    <div
      role="region"
      aria-label="Map of the vehicle's journey"
      data-path-points={drawnPoints ?? undefined}
      className="flex h-full min-h-[20rem] flex-col overflow-hidden rounded-lg border border-border"
    >
      <MapCanvas basemap="nyc" styleUrl={styleUrl} onLoad={handleLoad} className="min-h-0 flex-1">
        {tooltip && hovered ? (
          <div
            aria-hidden="true"
            className="pointer-events-none absolute z-10 min-w-40 rounded-md border border-border bg-surface px-3 py-2 text-xs text-foreground shadow-lg"
            style={{
              left: tooltip.x,
              top: tooltip.y,
              transform: `translate(${tooltip.flipX ? "calc(-100% - 12px)" : "12px"}, ${tooltip.flipY ? "calc(-100% - 12px)" : "12px"})`,
            }}
          >
            <p className="font-semibold tabular-nums">{formatClock(hovered.time)}</p>
            <p className="mt-0.5 flex items-center gap-1.5 tabular-nums">
              <span aria-hidden="true" className="size-2 rounded-full" style={{ backgroundColor: speedColor(hovered.speed) }} />
              {formatSpeed(hovered.speed)}
            </p>
            {tooltip.index === incident ? <p className="mt-1 font-medium text-danger">Incident position</p> : null}
            {tooltip.index !== incident && speedWindow && hovered.time >= speedWindow.from && hovered.time <= speedWindow.to ? (
              <p className="mt-1 text-muted">In the speed check&apos;s window</p>
            ) : null}
          </div>
        ) : null}
      </MapCanvas>
    </div>
  );
}
