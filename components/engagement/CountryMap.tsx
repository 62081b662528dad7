"use client";

import type { Feature, FeatureCollection, Geometry } from "geojson";
import type { GeoJSONSource, MapMouseEvent, Map as MapLibreMap } from "maplibre-gl";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { MapCanvas } from "@/components/maps/MapCanvas";
import { useGeoJson } from "@/components/maps/useGeoJson";
import type { EngagementResponse } from "@/lib/api/engagementSchema";
import { formatCount, formatPercent } from "@/lib/format";
import { GEO_FILES } from "@/lib/geo";
import {
  ENGAGEMENT_COUNTRY_SOURCE,
  NOT_RATED_CLASS,
  classIndex,
  countryEdgeLayer,
  countryFillLayer,
  countryHighlightLayer,
  interactiveLayerIds,
  mapValue,
  type ColorClass,
  type MapMetric,
} from "./mapLayers";
import { METRIC_LABELS, formatMetric } from "./metrics";

export type CountryRow = EngagementResponse["byCountry"][number];

export type CountryMapState = "loading" | "loaded" | "empty" | "error";

export type CountryMapProps = {
  /** Countries that have a shape on the map (the caller lists the others beside it). */
  rows: readonly CountryRow[];
  metric: MapMetric;
  classes: readonly ColorClass[];
  /** Unique opens a country needs before its click ratio is coloured. */
  minUniqueOpens: number;
  /** The selected country as the data spells it. */
  selectedCountry: string | null;
  onSelectCountry: (country: string) => void;
  /** The server's MAP_STYLE_URL, when set. */
  styleUrl?: string;
  state: CountryMapState;
  className?: string;
};

type CountryProperties = { isoN3: string; name: string; cls?: number };

type Tooltip = { isoN3: string; name: string; x: number; y: number; flipX: boolean; flipY: boolean };

const EMPTY: FeatureCollection = { type: "FeatureCollection", features: [] };

function countryCollection(
  shapes: FeatureCollection,
  figures: ReadonlyMap<string, CountryRow>,
  metric: MapMetric,
  classes: readonly ColorClass[],
  minUniqueOpens: number,
): FeatureCollection<Geometry, CountryProperties> {
  const features: Feature<Geometry, CountryProperties>[] = [];
  for (const shape of shapes.features) {
    // world-atlas leaves a few disputed areas without an ISO code; no engagement row can name them.
    if (typeof shape.id !== "string") continue;
    const row = figures.get(shape.id);
    const name = row?.country ?? (typeof shape.properties?.name === "string" ? shape.properties.name : shape.id);
    const properties: CountryProperties = { isoN3: shape.id, name };
    if (row && row.sends > 0) {
      const value = mapValue(row, metric, minUniqueOpens);
      // No "cls" key at all means "no sends" to the fill expression.
      properties.cls = value === null ? NOT_RATED_CLASS : classIndex(classes, value);
    }
    features.push({ type: "Feature", geometry: shape.geometry, properties });
  }
  return { type: "FeatureCollection", features };
}

/** Email engagement by country as a choropleth of the chosen metric; a click selects a country. */
export function CountryMap({ rows, metric, classes, minUniqueOpens, selectedCountry, onSelectCountry, styleUrl, state, className = "h-60 sm:h-[22rem] lg:h-[26rem]" }: CountryMapProps) {
  const [map, setMap] = useState<MapLibreMap | null>(null);
  const [tooltip, setTooltip] = useState<Tooltip | null>(null);
  const shapes = useGeoJson(GEO_FILES.worldCountries);

  const figures = useMemo(() => new Map(rows.filter((r) => r.isoN3 !== null).map((r) => [r.isoN3!, r])), [rows]);
  // Countries would read "no sends" while the first figures load or after they failed: draw none instead.
  const showFigures = state === "loaded" || state === "empty" || (state === "loading" && rows.length > 0);
  const countryData = useMemo(
    () => (!showFigures ? EMPTY : shapes.data ? countryCollection(shapes.data, figures, metric, classes, minUniqueOpens) : null),
    [showFigures, shapes.data, figures, metric, classes, minUniqueOpens],
  );
  const shaded = useMemo(() => countryData?.features.filter((f) => f.properties?.cls !== undefined).length ?? 0, [countryData]);
  const selectedIso = useMemo(() => rows.find((r) => r.country === selectedCountry)?.isoN3 ?? null, [rows, selectedCountry]);
  const [drawn, setDrawn] = useState(0);

  // Handlers are bound once per map; they read the latest props through this ref.
  const latest = useRef({ figures, onSelectCountry });
  useEffect(() => {
    latest.current = { figures, onSelectCountry };
  }, [figures, onSelectCountry]);

  const handleLoad = useCallback((loaded: MapLibreMap) => {
    // Over a MAP_STYLE_URL basemap, keep its place labels above the data.
    const firstSymbol = loaded.getStyle().layers.find((layer) => layer.type === "symbol")?.id;
    loaded.addSource(ENGAGEMENT_COUNTRY_SOURCE, { type: "geojson", data: EMPTY, promoteId: "isoN3" });
    for (const layer of [countryFillLayer, countryEdgeLayer, countryHighlightLayer]) loaded.addLayer(layer, firstSymbol);
    setMap(loaded);
    return () => setMap(null);
  }, []);

  useEffect(() => {
    if (!map || !countryData) return;
    map.getSource<GeoJSONSource>(ENGAGEMENT_COUNTRY_SOURCE)?.setData(countryData);
    setDrawn(countryData.features.filter((f) => f.properties?.cls !== undefined).length);
  }, [map, countryData]);

  useEffect(() => {
    if (!map || !countryData) return;
    for (const feature of countryData.features) {
      const iso = feature.properties!.isoN3;
      map.setFeatureState({ source: ENGAGEMENT_COUNTRY_SOURCE, id: iso }, { selected: iso === selectedIso, dimmed: selectedIso !== null && iso !== selectedIso });
    }
  }, [map, selectedIso, countryData]);

  useEffect(() => {
    if (!map) return;
    let hovered: string | null = null;
    const setHovered = (iso: string | null) => {
      if (iso === hovered) return;
      if (hovered) map.setFeatureState({ source: ENGAGEMENT_COUNTRY_SOURCE, id: hovered }, { hover: false });
      if (iso) map.setFeatureState({ source: ENGAGEMENT_COUNTRY_SOURCE, id: iso }, { hover: true });
      hovered = iso;
    };
    const countryAt = (event: MapMouseEvent) => {
      const feature = map.queryRenderedFeatures(event.point, { layers: [...interactiveLayerIds] })[0];
      const iso = feature?.properties.isoN3;
      return typeof iso === "string" ? { isoN3: iso, name: String(feature!.properties.name) } : null;
    };

    const onMove = (event: MapMouseEvent) => {
      const country = countryAt(event);
      const hasFigures = country !== null && latest.current.figures.has(country.isoN3);
      setHovered(hasFigures ? country.isoN3 : null);
      map.getCanvas().style.cursor = hasFigures ? "pointer" : "";
      if (!country) {
        setTooltip(null);
        return;
      }
      const { clientWidth, clientHeight } = map.getContainer();
      setTooltip({ ...country, x: event.point.x, y: event.point.y, flipX: event.point.x > clientWidth - 220, flipY: event.point.y > clientHeight - 160 });
    };
    const onOut = () => {
      setHovered(null);
      setTooltip(null);
      map.getCanvas().style.cursor = "";
    };
    const onClick = (event: MapMouseEvent) => {
      const country = countryAt(event);
      const row = country ? latest.current.figures.get(country.isoN3) : undefined;
      // Only countries with sends are values of the country filter.
      if (row) latest.current.onSelectCountry(row.country);
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

  const sortedRows = useMemo(() => [...rows].sort((a, b) => b.sends - a.sends), [rows]);

  return (
    <div
      role="region"
      aria-label={`World map of ${METRIC_LABELS[metric].toLowerCase()} by country`}
      aria-busy={state === "loading"}
      data-state={state}
      // How many countries carry a colour class right now: what a test waits on besides the load event.
      data-shaded-countries={map ? drawn : 0}
      className={`relative flex flex-col overflow-hidden rounded-lg border border-border ${className}`}
    >
      <MapCanvas
        basemap="world"
        styleUrl={styleUrl}
        onLoad={handleLoad}
        className="min-h-0 flex-1"
        fallback={state === "loaded" ? <FallbackTable rows={sortedRows} metric={metric} /> : null}
      >
        {tooltip ? (
          <MapTooltip tooltip={tooltip} row={figures.get(tooltip.isoN3)} selected={tooltip.isoN3 === selectedIso} metric={metric} minUniqueOpens={minUniqueOpens} />
        ) : null}
        <StateOverlay state={state} />
      </MapCanvas>
      <div className="sr-only">
        {showFigures ? (
          <>
            <p>
              {METRIC_LABELS[metric]} by country, {formatCount(shaded)} countries shaded{selectedCountry ? `; ${selectedCountry} is selected` : ""}.
            </p>
            <ul>
              {sortedRows.map((r) => (
                <li key={r.country}>
                  {r.country}: {formatCount(r.sends)} sends, {formatCount(r.uniqueOpens)} unique opens, open rate {formatPercent(r.openRate)}, click ratio{" "}
                  {formatPercent(r.clickRatio)}
                  {r.country === selectedCountry ? " (selected)" : ""}.
                </li>
              ))}
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
function FallbackTable({ rows, metric }: { rows: readonly CountryRow[]; metric: MapMetric }) {
  return (
    <table aria-hidden="true" className="text-xs tabular-nums">
      <thead className="text-muted">
        <tr>
          <th className="px-2 py-1 text-left font-medium">Country</th>
          <th className="px-2 py-1 text-right font-medium">{METRIC_LABELS[metric]}</th>
        </tr>
      </thead>
      <tbody>
        {rows.slice(0, 8).map((r) => (
          <tr key={r.country} className="border-t border-border">
            <td className="px-2 py-1 text-left">{r.country}</td>
            <td className="px-2 py-1 text-right">{formatMetric(metric, r[metric])}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function MapTooltip({
  tooltip,
  row,
  selected,
  metric,
  minUniqueOpens,
}: {
  tooltip: Tooltip;
  row: CountryRow | undefined;
  selected: boolean;
  metric: MapMetric;
  minUniqueOpens: number;
}) {
  const notRated = row !== undefined && mapValue(row, metric, minUniqueOpens) === null;
  const transform = `translate(${tooltip.flipX ? "calc(-100% - 12px)" : "12px"}, ${tooltip.flipY ? "calc(-100% - 12px)" : "12px"})`;
  const figures: [string, string][] = row
    ? [
        ["Sends", formatCount(row.sends)],
        ["Unique opens", formatCount(row.uniqueOpens)],
        ["Open rate", formatPercent(row.openRate)],
        ["Click ratio", formatPercent(row.clickRatio)],
      ]
    : [];
  return (
    <div
      aria-hidden="true"
      data-map-tooltip={tooltip.name}
      className="pointer-events-none absolute z-10 min-w-44 rounded-md border border-border bg-surface px-3 py-2 text-xs text-foreground shadow-lg"
      style={{ left: tooltip.x, top: tooltip.y, transform }}
    >
      <p className="mb-1 font-semibold">{tooltip.name}</p>
      {row ? (
        <>
          <dl className="grid grid-cols-[auto_auto] gap-x-4 gap-y-0.5">
            {figures.map(([label, value]) => (
              <div key={label} className="contents">
                <dt className="text-muted">{label}</dt>
                <dd className="text-right font-medium tabular-nums">{value}</dd>
              </div>
            ))}
          </dl>
          {notRated ? (
            <p className="mt-1.5 max-w-52 text-[11px] leading-4 text-muted">
              {metric === "clickRatio" ? `Fewer than ${formatCount(minUniqueOpens)} unique opens: too few to rate on the map.` : "Not rated on the map."}
            </p>
          ) : null}
          <p className="mt-1.5 border-t border-border pt-1 text-[11px] text-subtle">{selected ? "Click to clear the selection" : "Click to filter the page"}</p>
        </>
      ) : (
        <p className="text-muted">No sends in this view</p>
      )}
    </div>
  );
}

function StateOverlay({ state }: { state: CountryMapState }) {
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
        <p className="text-sm font-medium text-foreground">{state === "error" ? "The map figures could not be loaded" : "No sends in this view"}</p>
        <p className="mt-1 text-xs leading-5 text-muted">{state === "error" ? "The rest of the dashboard may still show figures." : "Widen the period or remove a filter."}</p>
      </div>
    </div>
  );
}
