"use client";

import { memo, useMemo, useRef, useState, type FocusEvent, type KeyboardEvent, type MouseEvent, type PointerEvent } from "react";
import { lossRatioClass, lossRatioClasses, noDataColor, policyCircleColor } from "@/components/maps/layerStyles";
import { basemapColors } from "@/components/maps/offlineStyle";
import { mercator, projectPoint } from "@/components/maps/svg/projection";
import { tooltipAnchor, tooltipStyle, type TooltipAnchor } from "@/components/maps/svg/tooltip";
import { MapStateOverlay, type MapFiguresState } from "@/components/maps/svg/StateOverlay";
import type { LossSummaryResponse } from "@/lib/api/lossSummarySchema";
import { formatBorough, formatCount, formatCurrency, formatPercent } from "@/lib/format";
import { NYC_BOROUGHS } from "@/lib/geo";
import type { BoroughShape, PolicyMapGeometry } from "./policyMapGeometry";

type MapFigures = LossSummaryResponse["map"];
type BoroughFigures = MapFigures["boroughs"][number];

export type PolicyMapState = MapFiguresState;

export type PolicyMapProps = {
  /** The projected shapes (loadPolicyMapGeometry.ts), from the server page; null draws the figures as a table. */
  geometry: PolicyMapGeometry | null;
  zips: MapFigures["zips"];
  boroughs: MapFigures["boroughs"];
  selectedBorough: string | null;
  onSelectBorough: (borough: string | null) => void;
  state: PolicyMapState;
  className?: string;
};

/** A zip code's circle in viewBox units. */
export type PolicyCircle = { zip: string; borough: string; neighborhood: string | null; policies: number; cx: number; cy: number; r: number };

/** What the pointer (or keyboard focus) is on: a borough, or a zip code's circle. */
export type Hover = { kind: "borough"; borough: string } | { kind: "zip"; circle: PolicyCircle };

type Tooltip = { hover: Hover; anchor: TooltipAnchor; byKeyboard: boolean };

// Circle radii in viewBox units (the map is 600 wide): small enough that the ~180 zip codes of the city
// overlap little and the borough colours still read between them.
const MAX_RADIUS = 10;
const MIN_RADIUS = 1.5;

const DIMMED_OPACITY = 0.5;
const FILL_OPACITY = 0.82;
const HOVER_OPACITY = 0.95;
const SELECTED_EDGE = "#1b1c1e";

// Policy exports spell boroughs in capitals; compare without caring how a caller spelled it.
const boroughKey = (name: string) => name.trim().toUpperCase();

/** Radius of a zip code's circle: its area, not its radius, in proportion to its policies. */
export function circleRadius(policies: number, maxPolicies: number): number {
  if (!(policies > 0) || !(maxPolicies > 0)) return 0;
  return Math.max(MIN_RADIUS, Math.round(MAX_RADIUS * Math.sqrt(Math.min(policies / maxPolicies, 1)) * 10) / 10);
}

/**
 * The zip codes with policies as circles, largest first: drawn in this order, every small circle stays on top
 * of the large ones around it, where the pointer can reach it.
 */
export function policyCircles(zips: MapFigures["zips"], geometry: Pick<PolicyMapGeometry, "fit">): PolicyCircle[] {
  const projection = mercator(geometry.fit);
  const maxPolicies = Math.max(0, ...zips.map((zip) => zip.policies));
  const circles: PolicyCircle[] = [];
  for (const zip of zips) {
    if (!(zip.policies > 0)) continue;
    const point = projectPoint(projection, zip.longitude, zip.latitude);
    if (!point) continue;
    circles.push({
      zip: zip.zip,
      borough: boroughKey(zip.borough),
      neighborhood: zip.neighborhood,
      policies: zip.policies,
      cx: point[0],
      cy: point[1],
      r: circleRadius(zip.policies, maxPolicies),
    });
  }
  return circles.sort((a, b) => b.r - a.r || b.policies - a.policies || a.zip.localeCompare(b.zip));
}

/** The colour a borough is filled with; grey for "no data". */
export function boroughFill(figures: BoroughFigures | undefined): string {
  return lossRatioClass(figures?.lossRatio ?? null)?.color ?? noDataColor;
}

/** The Loss Summary map: loss ratio by borough as a choropleth, policies in force as circles per zip code. */
export function PolicyMap({ geometry, zips, boroughs, selectedBorough, onSelectBorough, state, className = "h-[26rem]" }: PolicyMapProps) {
  const boxRef = useRef<HTMLDivElement>(null);
  const [tooltip, setTooltip] = useState<Tooltip | null>(null);
  const [focusRing, setFocusRing] = useState<string | null>(null);

  const figures = useMemo(() => new Map(boroughs.map((b) => [boroughKey(b.borough), b])), [boroughs]);
  // Grey "no data" boroughs would be wrong while the first figures load or after they failed: draw none instead.
  const showFigures = state === "loaded" || state === "empty" || (state === "loading" && boroughs.length > 0);
  const circles = useMemo(() => (geometry && state !== "error" ? policyCircles(zips, geometry) : []), [geometry, state, zips]);
  const circleByZip = useMemo(() => new Map(circles.map((c) => [c.zip, c])), [circles]);
  const selectedKey = selectedBorough ? boroughKey(selectedBorough) : null;
  const hoveredKey = tooltip ? (tooltip.hover.kind === "borough" ? tooltip.hover.borough : tooltip.hover.circle.borough) : null;

  const policiesByBorough = useMemo(() => {
    const totals = new Map<string, number>();
    for (const zip of zips) totals.set(boroughKey(zip.borough), (totals.get(boroughKey(zip.borough)) ?? 0) + zip.policies);
    return totals;
  }, [zips]);
  const summaryBoroughs = useMemo(() => [...new Set([...NYC_BOROUGHS, ...figures.keys()])], [figures]);

  const select = (borough: string) => {
    // Hand back the value as the data spells it, so it matches the borough filter's options.
    onSelectBorough(borough === selectedKey ? null : (figures.get(borough)?.borough ?? borough));
  };

  // One set of pointer handlers on the map, reading what is under the pointer from data attributes, so the
  // basemap, circles and labels stay memoised while the tooltip follows the pointer.
  const hoverAt = (target: EventTarget): Hover | null => {
    if (!(target instanceof Element)) return null;
    const zip = target.closest<SVGElement>("[data-zip]")?.dataset.zip;
    const circle = zip === undefined ? undefined : circleByZip.get(zip);
    if (circle) return { kind: "zip", circle };
    const borough = target.closest<SVGElement>("[data-borough]")?.dataset.borough;
    return borough !== undefined && showFigures ? { kind: "borough", borough } : null;
  };
  const onPointerMove = (event: PointerEvent<SVGSVGElement>) => {
    const hover = hoverAt(event.target);
    const box = boxRef.current;
    setTooltip(hover && box ? { hover, anchor: tooltipAnchor(box.getBoundingClientRect(), event.clientX, event.clientY), byKeyboard: false } : null);
  };
  const onClick = (event: MouseEvent<SVGSVGElement>) => {
    const hover = hoverAt(event.target);
    if (hover && showFigures) select(hover.kind === "borough" ? hover.borough : hover.circle.borough);
  };
  const onFocus = (event: FocusEvent<SVGPathElement>, borough: string) => {
    // The ring is for keyboard focus; a click focuses the shape too, and should not draw one.
    if (!event.currentTarget.matches(":focus-visible")) return;
    setFocusRing(borough);
    const box = boxRef.current;
    if (!box) return;
    const shape = event.currentTarget.getBoundingClientRect();
    const anchor = tooltipAnchor(box.getBoundingClientRect(), shape.left + shape.width / 2, shape.top + shape.height / 2);
    setTooltip({ hover: { kind: "borough", borough }, anchor, byKeyboard: true });
  };
  const onBlur = () => {
    setFocusRing(null);
    setTooltip((current) => (current?.byKeyboard ? null : current));
  };
  const onKeyDown = (event: KeyboardEvent<SVGPathElement>, borough: string) => {
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      select(borough);
    } else if (event.key === "Escape") {
      setTooltip(null);
    }
  };

  return (
    <div
      role="region"
      aria-label="Map of policies and loss ratio by borough"
      aria-busy={state === "loading"}
      data-state={state}
      className={`flex flex-col overflow-hidden rounded-lg border border-border ${className}`}
    >
      <div ref={boxRef} className="relative isolate min-h-0 flex-1 overflow-hidden" style={{ backgroundColor: basemapColors.water }}>
        {geometry ? (
          <svg
            viewBox={`0 0 ${geometry.viewBox.width} ${geometry.viewBox.height}`}
            preserveAspectRatio="xMidYMid meet"
            className="absolute inset-0 size-full"
            aria-label="Boroughs by loss ratio; select one to filter the page"
            role="group"
            onPointerMove={onPointerMove}
            onPointerLeave={() => setTooltip(null)}
            onClick={onClick}
          >
            <Basemap geometry={geometry} />
            <g>
              {geometry.boroughs.map((shape) => (
                <BoroughPath
                  key={shape.borough}
                  shape={shape}
                  figures={figures.get(shape.borough)}
                  showFigures={showFigures}
                  selected={shape.borough === selectedKey}
                  dimmed={selectedKey !== null && shape.borough !== selectedKey}
                  hovered={shape.borough === hoveredKey}
                  onFocus={onFocus}
                  onBlur={onBlur}
                  onKeyDown={onKeyDown}
                />
              ))}
            </g>
            <Outlines boroughs={geometry.boroughs} hovered={showFigures ? hoveredKey : null} selected={selectedKey} focused={focusRing} />
            <PolicyCircles circles={circles} selected={selectedKey} />
            <BoroughLabels boroughs={geometry.boroughs} />
          </svg>
        ) : state === "loaded" ? (
          <div className="absolute inset-0 flex flex-col items-center justify-center gap-4 overflow-auto bg-surface-muted p-6 text-center">
            <div role="alert" className="max-w-xs">
              <p className="text-sm font-medium text-foreground">Map unavailable</p>
              <p className="mt-1 text-xs leading-5 text-muted">The borough shapes could not be loaded; the figures are below.</p>
            </div>
            <BoroughTable boroughs={summaryBoroughs} figures={figures} />
          </div>
        ) : null}
        {tooltip ? <MapTooltip tooltip={tooltip} figures={figures} /> : null}
        <MapStateOverlay state={state} emptyMessage="No policies in force for these filters" />
      </div>
      <Legend maxPolicies={circles.length > 0 ? Math.max(...circles.map((c) => c.policies)) : null} />
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

// The land around the city never changes: drawn once per page, whatever the figures do.
const Basemap = memo(function Basemap({ geometry }: { geometry: PolicyMapGeometry }) {
  return (
    <g aria-hidden="true" pointerEvents="none">
      <path d={geometry.land} fill={basemapColors.land} stroke={basemapColors.landEdge} strokeWidth={0.75} vectorEffect="non-scaling-stroke" />
      <path d={geometry.stateBorders} fill="none" stroke={basemapColors.stateBorder} strokeWidth={1} strokeDasharray="3 2" vectorEffect="non-scaling-stroke" />
      <path d={geometry.boroughs.map((b) => b.d).join("")} fill={basemapColors.cityLand} />
    </g>
  );
});

type BoroughPathProps = {
  shape: BoroughShape;
  figures: BoroughFigures | undefined;
  showFigures: boolean;
  selected: boolean;
  dimmed: boolean;
  hovered: boolean;
  onFocus: (event: FocusEvent<SVGPathElement>, borough: string) => void;
  onBlur: () => void;
  onKeyDown: (event: KeyboardEvent<SVGPathElement>, borough: string) => void;
};

function BoroughPath({ shape, figures, showFigures, selected, dimmed, hovered, onFocus, onBlur, onKeyDown }: BoroughPathProps) {
  if (!showFigures) return <path d={shape.d} data-borough={shape.borough} fill="none" stroke="#ffffff" strokeWidth={1.25} vectorEffect="non-scaling-stroke" />;
  const name = formatBorough(shape.borough);
  return (
    <path
      d={shape.d}
      data-borough={shape.borough}
      role="button"
      tabIndex={0}
      aria-pressed={selected}
      aria-label={`${name}: loss ratio ${formatPercent(figures?.lossRatio)}`}
      fill={boroughFill(figures)}
      fillOpacity={dimmed ? DIMMED_OPACITY : hovered ? HOVER_OPACITY : FILL_OPACITY}
      stroke="#ffffff"
      strokeWidth={1.25}
      strokeLinejoin="round"
      vectorEffect="non-scaling-stroke"
      className="cursor-pointer outline-none transition-[fill-opacity] duration-150"
      onFocus={(event) => onFocus(event, shape.borough)}
      onBlur={onBlur}
      onKeyDown={(event) => onKeyDown(event, shape.borough)}
    />
  );
}

// Drawn over all five shapes, so a neighbour's edge never covers part of the hovered, selected or focused one.
function Outlines({ boroughs, hovered, selected, focused }: { boroughs: BoroughShape[]; hovered: string | null; selected: string | null; focused: string | null }) {
  const d = (borough: string | null) => boroughs.find((b) => b.borough === borough)?.d;
  const hoveredD = d(hovered);
  const selectedD = d(selected);
  const focusedD = d(focused);
  return (
    <g aria-hidden="true" pointerEvents="none" fill="none" strokeLinejoin="round">
      {hoveredD ? <path d={hoveredD} stroke="#ffffff" strokeWidth={2.25} vectorEffect="non-scaling-stroke" /> : null}
      {selectedD ? <path d={selectedD} data-selected-outline="" stroke={SELECTED_EDGE} strokeWidth={2.75} vectorEffect="non-scaling-stroke" /> : null}
      {focusedD ? (
        <>
          <path d={focusedD} stroke="#ffffff" strokeWidth={5} vectorEffect="non-scaling-stroke" />
          <path d={focusedD} data-focus-ring="" className="stroke-accent-strong" strokeWidth={2.5} vectorEffect="non-scaling-stroke" />
        </>
      ) : null}
    </g>
  );
}

const PolicyCircles = memo(function PolicyCircles({ circles, selected }: { circles: PolicyCircle[]; selected: string | null }) {
  return (
    <g aria-hidden="true" fill="#ffffff" stroke={policyCircleColor} strokeWidth={0.75} className="cursor-pointer">
      {circles.map((c) => {
        const dimmed = selected !== null && c.borough !== selected;
        return (
          <circle
            key={c.zip}
            data-zip={c.zip}
            cx={c.cx}
            cy={c.cy}
            r={c.r}
            // Pale and translucent, so the loss ratio colour underneath still reads.
            fillOpacity={dimmed ? 0.15 : 0.4}
            strokeOpacity={dimmed ? 0.35 : 0.85}
            vectorEffect="non-scaling-stroke"
          />
        );
      })}
    </g>
  );
});

// Manhattan is long and thin: its name runs up the island instead of across three others.
const LABEL_ANGLE: Readonly<Record<string, number>> = { MANHATTAN: -62 };

const BoroughLabels = memo(function BoroughLabels({ boroughs }: { boroughs: BoroughShape[] }) {
  return (
    <g aria-hidden="true" pointerEvents="none" fontSize={13} fontWeight={600} textAnchor="middle" dominantBaseline="central">
      {boroughs.map(({ borough, label: [x, y] }) => (
        <text
          key={borough}
          x={x}
          y={y}
          transform={LABEL_ANGLE[borough] ? `rotate(${LABEL_ANGLE[borough]} ${x} ${y})` : undefined}
          fill="#1b1c1e"
          stroke="#ffffff"
          strokeWidth={3}
          strokeOpacity={0.8}
          paintOrder="stroke"
        >
          {formatBorough(borough)}
        </text>
      ))}
    </g>
  );
});

// When the shapes cannot be drawn the figures still show; screen readers already have the visually hidden list, hence aria-hidden.
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
  return (
    <div
      aria-hidden="true"
      data-map-tooltip=""
      className="pointer-events-none absolute z-10 min-w-44 rounded-md border border-border bg-surface px-3 py-2 text-xs text-foreground shadow-lg"
      style={tooltipStyle(tooltip.anchor)}
    >
      <TooltipContent hover={tooltip.hover} figures={figures} />
    </div>
  );
}

/** The figures a tooltip shows for a borough or a zip code. */
export function TooltipContent({ hover, figures }: { hover: Hover; figures: ReadonlyMap<string, BoroughFigures> }) {
  if (hover.kind === "borough") return <BoroughTooltip borough={hover.borough} figures={figures.get(hover.borough)} />;
  const { circle } = hover;
  return (
    <>
      <p className="font-semibold">
        {circle.zip} · {formatBorough(circle.borough)}
      </p>
      {circle.neighborhood ? <p className="text-muted">{circle.neighborhood}</p> : null}
      <p className="mt-1 tabular-nums">{formatCount(circle.policies)} policies in force</p>
    </>
  );
}

function BoroughTooltip({ borough, figures }: { borough: string; figures: BoroughFigures | undefined }) {
  const rows: [string, string][] = [
    ["Loss ratio", formatPercent(figures?.lossRatio)],
    ["Earned premium", formatCurrency(figures?.earnedPremium)],
    ["Incurred losses", formatCurrency(figures?.incurredLosses)],
    ["Claims", formatCount(figures?.claimCount)],
  ];
  return (
    <>
      <p className="mb-1.5 flex items-center gap-1.5 font-semibold">
        <span aria-hidden="true" className="size-2.5 rounded-[2px] ring-1 ring-black/10" style={{ backgroundColor: boroughFill(figures) }} />
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
function Legend({ maxPolicies }: { maxPolicies: number | null }) {
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
          <span className="inline-block size-3 rounded-full border bg-white" style={{ borderColor: policyCircleColor }} />
        </span>
        <span>
          Policies in force by zip code; circle area shows the count
          {maxPolicies !== null ? <span className="tabular-nums"> (largest {formatCount(maxPolicies)})</span> : null}
        </span>
      </div>
    </div>
  );
}
