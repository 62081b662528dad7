"use client";

import { useMemo, useRef, useState, type MouseEvent, type PointerEvent } from "react";
import { basemapColors } from "@/components/maps/offlineStyle";
import { MapStateOverlay, type MapFiguresState } from "@/components/maps/svg/StateOverlay";
import type { EngagementResponse } from "@/lib/api/engagementSchema";
import { formatCount, formatPercent } from "@/lib/format";
import type { WorldMapGeometry, WorldShape } from "@/lib/worldMap";
import { CLASS_COLORS, NOT_RATED_CLASS, classIndex, mapValue, notRatedColor, type ColorClass, type MapMetric } from "./mapLayers";
import { METRIC_LABELS } from "./metrics";

export type CountryRow = EngagementResponse["byCountry"][number];

export type CountryMapState = MapFiguresState;

export type CountryMapProps = {
  /** The projected countries (lib/worldMap.ts), handed down from the server page. */
  geometry: WorldMapGeometry;
  /** Countries that have a shape on the map (the caller lists the others beside it). */
  rows: readonly CountryRow[];
  metric: MapMetric;
  classes: readonly ColorClass[];
  /** Unique opens a country needs before its click ratio is coloured. */
  minUniqueOpens: number;
  /** The selected country as the data spells it. */
  selectedCountry: string | null;
  onSelectCountry: (country: string) => void;
  state: CountryMapState;
  className?: string;
};

type Tooltip = { isoN3: string; name: string; x: number; y: number; flipX: boolean; flipY: boolean };

/** The fill of a country: its class colour, grey when it has sends but no value worth colouring, land when it has none. */
export function countryFill(row: CountryRow | undefined, metric: MapMetric, classes: readonly ColorClass[], minUniqueOpens: number): string {
  if (!row || row.sends <= 0) return basemapColors.land;
  const value = mapValue(row, metric, minUniqueOpens);
  const cls = value === null ? NOT_RATED_CLASS : classIndex(classes, value);
  return cls === NOT_RATED_CLASS ? notRatedColor : (classes[cls]?.color ?? CLASS_COLORS[0]);
}

/**
 * Email engagement by country as a choropleth of the chosen metric, drawn as SVG with the page (no WebGL,
 * nothing to fetch); a click selects a country, a second click clears it.
 */
export function CountryMap({ geometry, rows, metric, classes, minUniqueOpens, selectedCountry, onSelectCountry, state, className = "" }: CountryMapProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const [tooltip, setTooltip] = useState<Tooltip | null>(null);
  const figures = useMemo(() => new Map(rows.filter((r) => r.isoN3 !== null).map((r) => [r.isoN3!, r])), [rows]);
  // Countries would read "no sends" while the first figures load or after they failed: draw none instead.
  const showFigures = state === "loaded" || state === "empty" || (state === "loading" && rows.length > 0);
  const fills = useMemo(() => {
    const byIso = new Map<string, string>();
    if (!showFigures) return byIso;
    for (const shape of geometry.shapes) byIso.set(shape.isoN3, countryFill(figures.get(shape.isoN3), metric, classes, minUniqueOpens));
    return byIso;
  }, [showFigures, geometry, figures, metric, classes, minUniqueOpens]);
  const shaded = useMemo(() => geometry.shapes.filter((s) => (figures.get(s.isoN3)?.sends ?? 0) > 0).length, [geometry, figures]);
  const selectedIso = useMemo(() => rows.find((r) => r.country === selectedCountry)?.isoN3 ?? null, [rows, selectedCountry]);
  const sortedRows = useMemo(() => [...rows].sort((a, b) => b.sends - a.sends), [rows]);
  const shapeOf = useMemo(() => new Map(geometry.shapes.map((s) => [s.isoN3, s])), [geometry]);

  const shapeAt = (event: MouseEvent<SVGSVGElement>): WorldShape | null => {
    const iso = (event.target as Element).closest?.("[data-iso]")?.getAttribute("data-iso");
    return iso ? (shapeOf.get(iso) ?? null) : null;
  };
  const onPointerMove = (event: PointerEvent<SVGSVGElement>) => {
    const shape = shapeAt(event);
    const box = containerRef.current?.getBoundingClientRect();
    if (!shape || !box) {
      setTooltip(null);
      return;
    }
    const x = event.clientX - box.left;
    const y = event.clientY - box.top;
    if (tooltip?.isoN3 === shape.isoN3 && Math.abs(tooltip.x - x) < 2 && Math.abs(tooltip.y - y) < 2) return;
    setTooltip({ isoN3: shape.isoN3, name: figures.get(shape.isoN3)?.country ?? shape.name, x, y, flipX: x > box.width - 220, flipY: y > box.height - 160 });
  };
  const onClick = (event: MouseEvent<SVGSVGElement>) => {
    const shape = shapeAt(event);
    const row = shape ? figures.get(shape.isoN3) : undefined;
    // Only countries with sends are values of the country filter.
    if (row && row.sends > 0) onSelectCountry(row.country);
  };
  const hoveredIso = tooltip && figures.has(tooltip.isoN3) ? tooltip.isoN3 : null;
  // The selected country keeps its heavier outline while hovered.
  const outlined = [...new Set([hoveredIso, selectedIso])].filter((iso): iso is string => iso !== null && shapeOf.has(iso));

  return (
    <div
      ref={containerRef}
      role="region"
      aria-label={`World map of ${METRIC_LABELS[metric].toLowerCase()} by country`}
      aria-busy={state === "loading"}
      data-state={state}
      // How many countries carry a colour right now: what a test reads besides the state.
      data-shaded-countries={showFigures ? shaded : 0}
      className={`relative overflow-hidden rounded-lg border border-border ${className}`}
      style={{ backgroundColor: basemapColors.water }}
    >
      <svg
        viewBox={`0 0 ${geometry.width} ${geometry.height}`}
        className="block h-auto w-full select-none"
        aria-hidden="true"
        onPointerMove={onPointerMove}
        onPointerLeave={() => setTooltip(null)}
        onClick={onClick}
      >
        <g stroke={basemapColors.landEdge} strokeWidth={0.5} strokeLinejoin="round">
          {geometry.shapes.map((shape) => {
            const row = figures.get(shape.isoN3);
            const rated = showFigures && row !== undefined && row.sends > 0;
            return (
              <path
                key={shape.isoN3}
                d={shape.d}
                data-iso={shape.isoN3}
                data-country={row?.country}
                fill={fills.get(shape.isoN3) ?? basemapColors.land}
                fillOpacity={selectedIso !== null && shape.isoN3 !== selectedIso ? 0.45 : 1}
                stroke={rated ? "#ffffff" : undefined}
                className={rated ? "cursor-pointer" : undefined}
              />
            );
          })}
        </g>
        {/* The hovered and selected countries outlined on top, where no neighbour covers the line. */}
        <g fill="none" stroke="#1b1c1e" strokeLinejoin="round" pointerEvents="none">
          {outlined.map((iso) => (
            <path key={iso} d={shapeOf.get(iso)!.d} strokeWidth={iso === selectedIso ? 1.6 : 0.9} data-outline={iso === selectedIso ? "selected" : "hover"} />
          ))}
        </g>
      </svg>
      {tooltip ? (
        <MapTooltip tooltip={tooltip} row={figures.get(tooltip.isoN3)} selected={tooltip.isoN3 === selectedIso} metric={metric} minUniqueOpens={minUniqueOpens} />
      ) : null}
      <p aria-hidden="true" className="pointer-events-none absolute bottom-1 right-2 text-[10px] text-subtle">
        Natural Earth
      </p>
      <MapStateOverlay state={state} emptyMessage="No sends in this view" />
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
