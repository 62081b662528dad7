"use client";

import type { Feature, FeatureCollection, Geometry, Point } from "geojson";
import type { GeoJSONSource, MapGeoJSONFeature, MapMouseEvent, Map as MapLibreMap } from "maplibre-gl";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import {
  boroughEdgeLayer,
  boroughFillLayer,
  boroughSelectedLayer,
  interactiveLayerIds,
  lossRatioClass,
  lossRatioClasses,
  noDataColor,
  policyCircleColor,
  policyCircleLayer,
  policyClusterOptions,
  policyMapSources,
} from "@/components/maps/layerStyles";
import { MapCanvas } from "@/components/maps/MapCanvas";
import { useGeoJson } from "@/components/maps/useGeoJson";
import type { LossSummaryResponse } from "@/lib/api/lossSummarySchema";
import { formatBorough, formatCount, formatCurrency, formatPercent } from "@/lib/format";
import { GEO_FILES, NYC_BOROUGHS } from "@/lib/geo";

type MapFigures = LossSummaryResponse["map"];
type BoroughFigures = MapFigures["boroughs"][number];

export type PolicyMapState = "loading" | "loaded" | "empty" | "error";

export type PolicyMapProps = {
  zips: MapFigures["zips"];
  boroughs: MapFigures["boroughs"];
  selectedBorough: string | null;
  onSelectBorough: (borough: string | null) => void;
  /** The server's MAP_STYLE_URL, when set. */
  styleUrl?: string;
  state: PolicyMapState;
  className?: string;
};

type Hover =
  | { kind: "borough"; borough: string }
  | { kind: "cluster"; policies: number; zips: number }
  | { kind: "zip"; zip: string; neighborhood: string | null; borough: string; policies: number };

type Tooltip = { hover: Hover; x: number; y: number; flipX: boolean; flipY: boolean };

const EMPTY: FeatureCollection = { type: "FeatureCollection", features: [] };

// Policy exports spell boroughs in capitals; compare without caring how a caller spelled it.
const boroughKey = (name: string) => name.trim().toUpperCase();

function boroughCollection(shapes: FeatureCollection, figures: ReadonlyMap<string, BoroughFigures>): FeatureCollection {
  const features: Feature<Geometry, { borough: string; lossRatio?: number }>[] = [];
  for (const shape of shapes.features) {
    const borough = shape.properties?.borough;
    if (typeof borough !== "string") continue;
    const lossRatio = figures.get(borough)?.lossRatio;
    // No "lossRatio" key at all means "no data" to the fill expression.
    features.push({ type: "Feature", geometry: shape.geometry, properties: lossRatio == null ? { borough } : { borough, lossRatio } });
  }
  return { type: "FeatureCollection", features };
}

function policyPoints(zips: MapFigures["zips"]): FeatureCollection<Point> {
  const total = zips.reduce((sum, zip) => sum + Math.max(zip.policies, 0), 0);
  return {
    type: "FeatureCollection",
    features: zips
      .filter((zip) => zip.policies > 0 && Number.isFinite(zip.latitude) && Number.isFinite(zip.longitude))
      .map((zip) => ({
        type: "Feature",
        geometry: { type: "Point", coordinates: [zip.longitude, zip.latitude] },
        properties: {
          zip: zip.zip,
          borough: zip.borough,
          ...(zip.neighborhood ? { neighborhood: zip.neighborhood } : {}),
          policies: zip.policies,
          share: zip.policies / total,
        },
      })),
  };
}

function hoverOf(feature: MapGeoJSONFeature): Hover | null {
  const p = feature.properties;
  if (feature.layer.id === policyCircleLayer.id) {
    if (p.cluster) return { kind: "cluster", policies: Number(p.policies), zips: Number(p.point_count) };
    return { kind: "zip", zip: String(p.zip), neighborhood: typeof p.neighborhood === "string" ? p.neighborhood : null, borough: String(p.borough), policies: Number(p.policies) };
  }
  if (feature.layer.id === boroughFillLayer.id && typeof p.borough === "string") return { kind: "borough", borough: p.borough };
  return null;
}

/** The Loss Summary map: loss ratio by borough as a choropleth, policies in force as clustered circles. */
export function PolicyMap({ zips, boroughs, selectedBorough, onSelectBorough, styleUrl, state, className = "h-[26rem]" }: PolicyMapProps) {
  const [map, setMap] = useState<MapLibreMap | null>(null);
  const [tooltip, setTooltip] = useState<Tooltip | null>(null);
  const shapes = useGeoJson(GEO_FILES.nycBoroughs);

  const figures = useMemo(() => new Map(boroughs.map((b) => [boroughKey(b.borough), b])), [boroughs]);
  // Grey "no data" boroughs would be wrong while the first figures load or after they failed: draw none instead.
  const showFigures = state === "loaded" || state === "empty" || (state === "loading" && boroughs.length > 0);
  const boroughData = useMemo(
    () => (!showFigures ? EMPTY : shapes.data ? boroughCollection(shapes.data, figures) : null),
    [showFigures, shapes.data, figures],
  );
  const pointData = useMemo(() => (state === "error" ? EMPTY : policyPoints(zips)), [state, zips]);
  const selectedKey = selectedBorough ? boroughKey(selectedBorough) : null;

  // Handlers are bound once per map; they read the latest props through this ref.
  const latest = useRef({ figures, selectedKey, onSelectBorough });
  useEffect(() => {
    latest.current = { figures, selectedKey, onSelectBorough };
  }, [figures, selectedKey, onSelectBorough]);

  const handleLoad = useCallback((loaded: MapLibreMap) => {
    // Over a MAP_STYLE_URL basemap, keep its place labels above the data.
    const firstSymbol = loaded.getStyle().layers.find((layer) => layer.type === "symbol")?.id;
    loaded.addSource(policyMapSources.boroughs, { type: "geojson", data: EMPTY, promoteId: "borough" });
    loaded.addSource(policyMapSources.policies, { type: "geojson", data: EMPTY, ...policyClusterOptions });
    for (const layer of [boroughFillLayer, boroughEdgeLayer, boroughSelectedLayer, policyCircleLayer]) loaded.addLayer(layer, firstSymbol);
    setMap(loaded);
    return () => setMap(null);
  }, []);

  useEffect(() => {
    if (map && boroughData) map.getSource<GeoJSONSource>(policyMapSources.boroughs)?.setData(boroughData);
  }, [map, boroughData]);

  useEffect(() => {
    map?.getSource<GeoJSONSource>(policyMapSources.policies)?.setData(pointData);
  }, [map, pointData]);

  useEffect(() => {
    if (!map) return;
    for (const borough of NYC_BOROUGHS) {
      map.setFeatureState(
        { source: policyMapSources.boroughs, id: borough },
        { selected: borough === selectedKey, dimmed: selectedKey !== null && borough !== selectedKey },
      );
    }
  }, [map, selectedKey, boroughData]);

  useEffect(() => {
    if (!map) return;
    let hovered: string | null = null;
    const setHovered = (borough: string | null) => {
      if (borough === hovered) return;
      if (hovered) map.setFeatureState({ source: policyMapSources.boroughs, id: hovered }, { hover: false });
      if (borough) map.setFeatureState({ source: policyMapSources.boroughs, id: borough }, { hover: true });
      hovered = borough;
    };
    const featuresAt = (event: MapMouseEvent) => map.queryRenderedFeatures(event.point, { layers: [...interactiveLayerIds] });

    const onMove = (event: MapMouseEvent) => {
      const features = featuresAt(event);
      const top = features[0] ? hoverOf(features[0]) : null;
      const under = features.map(hoverOf).find((hover) => hover?.kind === "borough");
      setHovered(under?.kind === "borough" ? under.borough : null);
      map.getCanvas().style.cursor = top ? "pointer" : "";
      if (!top) {
        setTooltip(null);
        return;
      }
      const { clientWidth, clientHeight } = map.getContainer();
      setTooltip({ hover: top, x: event.point.x, y: event.point.y, flipX: event.point.x > clientWidth - 240, flipY: event.point.y > clientHeight - 150 });
    };
    const onOut = () => {
      setHovered(null);
      setTooltip(null);
      map.getCanvas().style.cursor = "";
    };
    const onClick = (event: MapMouseEvent) => {
      const features = featuresAt(event);
      const cluster = features.find((f) => f.layer.id === policyCircleLayer.id && f.properties.cluster);
      if (cluster && cluster.geometry.type === "Point") {
        const [lng, lat] = cluster.geometry.coordinates;
        map
          .getSource<GeoJSONSource>(policyMapSources.policies)
          ?.getClusterExpansionZoom(Number(cluster.properties.cluster_id))
          .then((zoom) => map.easeTo({ center: [lng!, lat!], zoom }))
          .catch(() => undefined);
        return;
      }
      const borough = features.map(hoverOf).find((hover) => hover?.kind === "borough");
      if (borough?.kind !== "borough") return;
      const { figures: current, selectedKey: selected, onSelectBorough: select } = latest.current;
      // Hand back the value as the data spells it, so it matches the borough filter's options.
      select(borough.borough === selected ? null : (current.get(borough.borough)?.borough ?? borough.borough));
    };

    map.on("mousemove", onMove);
    map.on("mouseout", onOut);
    map.on("click", onClick);
    return () => {
      map.off("mousemove", onMove);
      map.off("mouseout", onOut);
      map.off("click", onClick);
    };
  }, [map]);

  const policiesByBorough = useMemo(() => {
    const totals = new Map<string, number>();
    for (const zip of zips) totals.set(boroughKey(zip.borough), (totals.get(boroughKey(zip.borough)) ?? 0) + zip.policies);
    return totals;
  }, [zips]);
  const summaryBoroughs = useMemo(() => [...new Set([...NYC_BOROUGHS, ...figures.keys()])], [figures]);

  return (
    <div
      role="region"
      aria-label="Map of policies and loss ratio by borough"
      aria-busy={state === "loading"}
      data-state={state}
      className={`flex flex-col overflow-hidden rounded-lg border border-border ${className}`}
    >
      <MapCanvas
        basemap="nyc"
        styleUrl={styleUrl}
        onLoad={handleLoad}
        className="min-h-0 flex-1"
        fallback={state === "loaded" ? <BoroughTable boroughs={summaryBoroughs} figures={figures} /> : null}
      >
        {tooltip ? <MapTooltip tooltip={tooltip} figures={figures} /> : null}
        <StateOverlay state={state} />
      </MapCanvas>
      <Legend />
      <div className="sr-only">
        {showFigures ? (
          <>
            <p>Loss ratio by borough{selectedKey ? `; ${formatBorough(selectedKey)} is selected` : ""}.</p>
            <ul>
              {summaryBoroughs.map((borough) => {
                const b = figures.get(borough);
                return (
                  <li key={borough}>
                    {formatBorough(borough)}: loss ratio {formatPercent(b?.lossRatio)}, earned premium {formatCurrency(b?.earnedPremium)},
                    incurred losses {formatCurrency(b?.incurredLosses)}, {formatCount(b?.claimCount ?? 0)} claims,{" "}
                    {formatCount(policiesByBorough.get(borough) ?? 0)} policies in force{borough === selectedKey ? " (selected)" : ""}.
                  </li>
                );
              })}
            </ul>
          </>
        ) : (
          <p>{state === "error" ? "The map figures could not be loaded." : "Loading the map figures."}</p>
        )}
      </div>
    </div>
  );
}

// Without WebGL the figures still show; screen readers already have the visually hidden list, hence aria-hidden.
function BoroughTable({ boroughs, figures }: { boroughs: string[]; figures: ReadonlyMap<string, BoroughFigures> }) {
  return (
    <table aria-hidden="true" className="text-xs tabular-nums">
      <thead className="text-muted">
        <tr>
          <th className="px-2 py-1 text-left font-medium">Borough</th>
          <th className="px-2 py-1 text-right font-medium">Loss ratio</th>
          <th className="px-2 py-1 text-right font-medium">Claims</th>
        </tr>
      </thead>
      <tbody>
        {boroughs.map((borough) => (
          <tr key={borough} className="border-t border-border">
            <td className="px-2 py-1 text-left">{formatBorough(borough)}</td>
            <td className="px-2 py-1 text-right">{formatPercent(figures.get(borough)?.lossRatio)}</td>
            <td className="px-2 py-1 text-right">{formatCount(figures.get(borough)?.claimCount)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function MapTooltip({ tooltip, figures }: { tooltip: Tooltip; figures: ReadonlyMap<string, BoroughFigures> }) {
  const { hover } = tooltip;
  const transform = `translate(${tooltip.flipX ? "calc(-100% - 12px)" : "12px"}, ${tooltip.flipY ? "calc(-100% - 12px)" : "12px"})`;
  return (
    <div
      aria-hidden="true"
      className="pointer-events-none absolute z-10 min-w-44 rounded-md border border-border bg-surface px-3 py-2 text-xs text-foreground shadow-lg"
      style={{ left: tooltip.x, top: tooltip.y, transform }}
    >
      {hover.kind === "borough" ? (
        <BoroughTooltip borough={hover.borough} figures={figures.get(hover.borough)} />
      ) : hover.kind === "cluster" ? (
        <>
          <p className="font-semibold">{formatCount(hover.policies)} policies in force</p>
          <p className="mt-0.5 text-muted">
            across {formatCount(hover.zips)} zip codes · click to zoom in
          </p>
        </>
      ) : (
        <>
          <p className="font-semibold">
            {hover.zip} · {formatBorough(hover.borough)}
          </p>
          {hover.neighborhood ? <p className="text-muted">{hover.neighborhood}</p> : null}
          <p className="mt-1 tabular-nums">{formatCount(hover.policies)} policies in force</p>
        </>
      )}
    </div>
  );
}

function BoroughTooltip({ borough, figures }: { borough: string; figures: BoroughFigures | undefined }) {
  const lossRatio = figures?.lossRatio ?? null;
  const rows: [string, string][] = [
    ["Loss ratio", formatPercent(lossRatio)],
    ["Earned premium", formatCurrency(figures?.earnedPremium)],
    ["Incurred losses", formatCurrency(figures?.incurredLosses)],
    ["Claims", formatCount(figures?.claimCount)],
  ];
  return (
    <>
      <p className="mb-1.5 flex items-center gap-1.5 font-semibold">
        <span aria-hidden="true" className="size-2.5 rounded-[2px] ring-1 ring-black/10" style={{ backgroundColor: lossRatioClass(lossRatio)?.color ?? noDataColor }} />
        {formatBorough(borough)}
      </p>
      <dl className="grid grid-cols-[auto_auto] gap-x-4 gap-y-0.5">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-muted">{label}</dt>
            <dd className="text-right font-medium tabular-nums">{value}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}

// Below the map rather than over it, so it never hides Staten Island or a tooltip, whatever the tile's shape.
function Legend() {
  return (
    <div className="flex flex-wrap items-center gap-x-6 gap-y-2 border-t border-border bg-surface px-3 py-2 text-[11px] leading-4 text-muted">
      <div className="flex items-center gap-2.5">
        <span className="font-medium text-foreground">Loss ratio</span>
        <ul className="flex items-center gap-2" aria-label="Loss ratio colour scale">
          {lossRatioClasses.map((c) => (
            <li key={c.label} className="flex items-center gap-1">
              <span aria-hidden="true" className="size-2.5 rounded-[2px] ring-1 ring-black/10" style={{ backgroundColor: c.color }} />
              <span className="whitespace-nowrap tabular-nums">{c.label}</span>
            </li>
          ))}
          <li className="flex items-center gap-1">
            <span aria-hidden="true" className="size-2.5 rounded-[2px] ring-1 ring-black/10" style={{ backgroundColor: noDataColor }} />
            <span className="whitespace-nowrap">No data</span>
          </li>
        </ul>
      </div>
      <div className="flex items-center gap-1.5">
        <span aria-hidden="true" className="flex items-end gap-0.5">
          <span className="inline-block size-1.5 rounded-full border bg-white" style={{ borderColor: policyCircleColor }} />
          <span className="inline-block size-3 rounded-full border-[1.5px] bg-white" style={{ borderColor: policyCircleColor }} />
        </span>
        <span>Policies in force by zip code; circle area shows the count, nearby zip codes grouped</span>
      </div>
    </div>
  );
}

function StateOverlay({ state }: { state: PolicyMapState }) {
  if (state === "loading") {
    return (
      <div className="pointer-events-none absolute left-2 top-2 z-[1] inline-flex items-center gap-1.5 rounded-full border border-border bg-surface/95 px-2.5 py-1 text-[11px] text-muted shadow-sm">
        <span aria-hidden="true" className="size-1.5 animate-pulse rounded-full bg-accent" />
        Loading figures
      </div>
    );
  }
  if (state === "loaded") return null;
  return (
    <div className="pointer-events-none absolute inset-0 z-[1] flex items-center justify-center p-6">
      <div role={state === "error" ? "alert" : undefined} className="max-w-xs rounded-md border border-border bg-surface/95 px-4 py-3 text-center shadow-sm">
        <p className="text-sm font-medium text-foreground">{state === "error" ? "The map figures could not be loaded" : "No policies in force for these filters"}</p>
        <p className="mt-1 text-xs leading-5 text-muted">{state === "error" ? "The rest of the dashboard may still show figures." : "Widen the period or remove a filter."}</p>
      </div>
    </div>
  );
}
