"use client";

import { curveMonotoneX, line } from "d3-shape";
import { useState, type CSSProperties, type KeyboardEvent, type MouseEvent, type PointerEvent } from "react";
import { alignedAxis, bandCentre, labelWidths, position, valueAxis, type ValueAxis } from "./axes";
import { ChartTooltip, type TooltipSeries } from "./ChartTooltip";
import { chartChrome, chartColor } from "./palette";

export type ChartRow = Record<string, string | number | null>;
export type IndexValue = string | number;

export type CategoryPlotProps = {
  /** Accessible name of the plot. */
  title: string;
  data: ChartRow[];
  /** The key of each row's category: a month, an hour, an incident type. */
  index: string;
  /** "columns": a group of bars per category along the bottom; "rows": a row of bars per category down the side. */
  orientation: "columns" | "rows";
  /** Bars, measured on the main axis (left, or bottom for rows). */
  bars: TooltipSeries[];
  stacked?: boolean;
  /** Lines, measured on a second axis on the right (columns only). */
  lines?: TooltipSeries[];
  barAxisFormat: (value: number) => string;
  lineAxisFormat?: (value: number) => string;
  /** The category in the tooltip and the table. */
  indexFormat: (value: IndexValue) => string;
  /** The category under its column or beside its row. */
  indexTickFormat: (value: IndexValue) => string;
  height: number;
  /** Width of the category labels of rows. */
  indexAxisWidth?: number;
  /** Share of each category's band left empty between groups. */
  bandGap: number;
  /** Largest thickness of one bar, in pixels. */
  maxBarSize: number;
  /** Dims every other category (a cross-filter in force). */
  activeIndex?: IndexValue | null;
  /** Dims every other series. */
  activeCategory?: string | null;
  onValueClick?: (value: { index: IndexValue; category?: string }) => void;
  /** One line under the tooltip saying what a click does. */
  clickHint?: string;
};

const AXIS_HEIGHT = 24;
const TICK_GUTTER = 60;
const DIMMED = 0.3;
// One class per width of LABEL_WIDTHS, written out in full so the stylesheet has them.
const WIDTH_CLASS: Record<number, string> = {
  0: "",
  240: "hidden @min-[240px]:block",
  320: "hidden @min-[320px]:block",
  400: "hidden @min-[400px]:block",
  480: "hidden @min-[480px]:block",
  560: "hidden @min-[560px]:block",
  640: "hidden @min-[640px]:block",
  720: "hidden @min-[720px]:block",
  800: "hidden @min-[800px]:block",
  880: "hidden @min-[880px]:block",
  960: "hidden @min-[960px]:block",
  1040: "hidden @min-[1040px]:block",
  1120: "hidden @min-[1120px]:block",
  1200: "hidden @min-[1200px]:block",
};

const tickText: CSSProperties = { color: chartChrome.tick, fontSize: 12, lineHeight: "14px" };

type Box = { left: number; right: number; top: number; bottom: number };

function boxOf(props: CategoryPlotProps): Box {
  if (props.orientation === "rows") return { left: props.indexAxisWidth ?? 120, right: 16, top: 4, bottom: AXIS_HEIGHT };
  return { left: TICK_GUTTER, right: props.lines?.length ? 56 : 8, top: 8, bottom: AXIS_HEIGHT };
}

function numberAt(row: ChartRow | undefined, key: string): number | null {
  const value = row?.[key];
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

/** Each bar's extent along the value axis, as [start, end] values: side by side from zero, or stacked. */
function barExtents(row: ChartRow, bars: TooltipSeries[], stacked: boolean): Array<[number, number]> {
  let sum = 0;
  return bars.map((s) => {
    const value = numberAt(row, s.key) ?? 0;
    if (!stacked) return [0, value];
    const extent: [number, number] = [sum, sum + value];
    sum += value;
    return extent;
  });
}

/** A column of labels beside the plot, each centred on its height: value ticks, or category names that may wrap. */
function SideLabels({ side, width, top, height, labels, wrap = false }: { side: "left" | "right"; width: number; top: number; height: number; labels: Array<{ at: number; text: string }>; wrap?: boolean }) {
  return (
    <div aria-hidden="true" className="absolute" style={{ [side]: 0, width, top, height }}>
      {labels.map((label, i) => (
        <span
          key={i}
          className={`absolute -translate-y-1/2 ${side === "left" ? "right-0 text-right" : "left-0"} ${wrap ? "" : "whitespace-nowrap tabular-nums"}`}
          style={{ ...tickText, top: label.at, maxWidth: width }}
        >
          {label.text}
        </span>
      ))}
    </div>
  );
}

/**
 * The drawing of a category chart, rendered with the page (HTML boxes for bars, grid and labels, SVG for
 * lines), so the figures are on screen before any script runs. Positions along the categories are
 * percentages of the plot's width and values are pixels of its fixed height: nothing is measured.
 * Pointer and arrow keys show one category's values in a tooltip; a click or Enter selects it.
 */
export function CategoryPlot(props: CategoryPlotProps) {
  const { title, data, index, orientation, bars, stacked = false, lines = [], height, bandGap, maxBarSize, activeIndex = null, activeCategory = null, onValueClick, clickHint } = props;
  const [active, setActive] = useState<number | null>(null);
  const n = data.length;
  const box = boxOf(props);
  const plotHeight = height - box.top - box.bottom;
  const rows = orientation === "rows";

  const extents = data.map((row) => barExtents(row, bars, stacked));
  const barAxis = valueAxis(extents.flat().flat());
  const lineAxis = lines.length ? alignedAxis(data.flatMap((row) => lines.map((s) => numberAt(row, s.key) ?? 0)), barAxis) : null;
  const series = [...bars, ...lines];
  const clickable = Boolean(onValueClick);

  const indexAt = (event: PointerEvent<HTMLElement> | MouseEvent<HTMLElement>): number | null => {
    const rect = event.currentTarget.getBoundingClientRect();
    const share = rows ? (event.clientY - rect.top) / rect.height : (event.clientX - rect.left) / rect.width;
    if (!(share >= 0 && share <= 1) || n === 0) return null;
    return Math.min(n - 1, Math.floor(share * n));
  };
  const onPointerMove = (event: PointerEvent<HTMLElement>) => {
    const i = indexAt(event);
    if (i !== active) setActive(i);
  };
  const onClick = (event: MouseEvent<HTMLElement>) => {
    if (!onValueClick) return;
    const i = indexAt(event);
    const value = i === null ? undefined : data[i]?.[index];
    if (value === undefined || value === null) return;
    const category = (event.target as HTMLElement).dataset?.category;
    onValueClick(category ? { index: value, category } : { index: value });
  };
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (n === 0) return;
    const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[event.key];
    if (step !== undefined) setActive(active === null ? 0 : Math.max(0, Math.min(n - 1, active + step)));
    else if (event.key === "Home") setActive(0);
    else if (event.key === "End") setActive(n - 1);
    else if (event.key === "Escape") setActive(null);
    else if ((event.key === "Enter" || event.key === " ") && onValueClick && active !== null) {
      const value = data[active]?.[index];
      if (value !== undefined && value !== null) onValueClick({ index: value });
    } else return;
    event.preventDefault();
  };

  const dimmedIndex = (row: ChartRow) => activeIndex !== null && row[index] !== activeIndex;
  const opacity = (row: ChartRow, key: string) => (dimmedIndex(row) || (activeCategory !== null && key !== activeCategory) ? DIMMED : 1);

  // Bars across a category's band: side by side (each a share of the group, capped) or one stacked bar.
  const perGroup = stacked ? 1 : bars.length;
  const gap = perGroup > 1 ? 1 : 0;
  const band = 100 / Math.max(n, 1);
  const thickness = `min(${((band * (1 - bandGap)) / perGroup).toFixed(4)}%, ${maxBarSize}px)`;
  const rowBand = plotHeight / Math.max(n, 1);
  const rowThickness = Math.min((rowBand * (1 - bandGap)) / perGroup, maxBarSize);
  const zero = position(barAxis, 0);

  const drawnBars = data.flatMap((row, i) =>
    extents[i]!.flatMap(([from, to], j) => {
      if (from === to) return [];
      const s = bars[j]!;
      const slot = stacked ? 0 : j;
      const start = position(barAxis, Math.min(from, to));
      const end = position(barAxis, Math.max(from, to));
      const place: CSSProperties = rows
        ? {
            top: rowBand * (i + 0.5) + (slot - perGroup / 2) * rowThickness + gap,
            height: rowThickness - 2 * gap,
            left: `${start * 100}%`,
            width: `${(end - start) * 100}%`,
            borderRadius: stacked ? 0 : "0 3px 3px 0",
          }
        : {
            left: `calc(${bandCentre(i, n)}% + ${slot - perGroup / 2} * ${thickness} + ${gap}px)`,
            width: `calc(${thickness} - ${2 * gap}px)`,
            top: (1 - end) * plotHeight,
            height: (end - start) * plotHeight,
            borderRadius: stacked ? 0 : "3px 3px 0 0",
          };
      return (
        <div
          key={`${i}:${s.key}`}
          data-bar=""
          data-category={s.key}
          className="absolute"
          style={{
            ...place,
            background: chartColor(s.color),
            opacity: opacity(row, s.key),
            // A hairline in the surface colour separates stacked segments, the pale yellow one included.
            boxShadow: stacked ? `inset ${rows ? "-1px 0" : "0 1px"} 0 ${chartChrome.surface}` : undefined,
          }}
        />
      );
    }),
  );

  const lineY = (axis: ValueAxis, value: number) => (1 - position(axis, value)) * plotHeight;
  const indexLabels = data.map((row) => props.indexTickFormat(row[index] ?? ""));
  const shownFrom = labelWidths(indexLabels);

  const activeRow = active !== null ? data[active] : undefined;
  // Beside the hovered column (or the end of the hovered row's bars), on the side with more room.
  const anchor = active === null ? 0 : rows ? Math.max(zero, ...extents[active]!.map(([, to]) => position(barAxis, to))) * 100 : bandCentre(active, n);
  const sideways = anchor > 55 ? "calc(-100% - 14px)" : "14px";
  const tooltip = activeRow ? (
    <div
      className="pointer-events-none absolute z-10 w-max max-w-72"
      style={
        rows
          ? { top: rowBand * (active! + 0.5), left: `${anchor}%`, transform: `translate(${sideways}, ${active! >= n / 2 ? "-100%" : "0"})` }
          : { top: 0, left: `${anchor}%`, transform: `translateX(${sideways})` }
      }
    >
      <ChartTooltip label={props.indexFormat(activeRow[index] ?? "")} values={activeRow} series={series} hint={clickable ? clickHint : undefined} />
    </div>
  ) : null;

  return (
    <div className="relative select-none" style={{ height }}>
      {/* The value axis labels. */}
      {rows ? (
        <div aria-hidden="true" className="absolute" style={{ left: box.left, right: box.right, bottom: 0, height: box.bottom }}>
          {barAxis.ticks.map((t) => (
            <span key={t} className="absolute top-1.5 -translate-x-1/2 whitespace-nowrap tabular-nums" style={{ ...tickText, left: `${position(barAxis, t) * 100}%` }}>
              {props.barAxisFormat(t)}
            </span>
          ))}
        </div>
      ) : (
        <>
          <SideLabels side="left" width={box.left - 8} top={box.top} height={plotHeight} labels={barAxis.ticks.map((t) => ({ at: lineY(barAxis, t), text: props.barAxisFormat(t) }))} />
          {lineAxis ? (
            <SideLabels
              side="right"
              width={box.right - 8}
              top={box.top}
              height={plotHeight}
              labels={lineAxis.ticks.map((t) => ({ at: lineY(lineAxis, t), text: (props.lineAxisFormat ?? String)(t) }))}
            />
          ) : null}
        </>
      )}

      {/* The category labels. */}
      {rows ? (
        <SideLabels side="left" width={box.left - 8} top={box.top} height={plotHeight} labels={indexLabels.map((text, i) => ({ at: rowBand * (i + 0.5), text }))} wrap />
      ) : (
        // Labels thin out on a narrow plot (container queries on the axis' own width): nothing is measured.
        <div aria-hidden="true" className="@container absolute" style={{ left: box.left, right: box.right, bottom: 0, height: box.bottom }}>
          {indexLabels.map((label, i) =>
            shownFrom[i] === null ? null : (
              <span
                key={i}
                className={`absolute top-1.5 -translate-x-1/2 whitespace-nowrap ${WIDTH_CLASS[shownFrom[i]!]}`}
                style={{ ...tickText, left: `${bandCentre(i, n)}%` }}
              >
                {label}
              </span>
            ),
          )}
        </div>
      )}

      {/* The plot: grid, hovered band, bars, lines; it takes the pointer and the keyboard. */}
      <div
        role="group"
        aria-label={`${title}. Arrow keys read each value${clickable ? "; Enter filters the page by it" : ""}.`}
        tabIndex={n > 0 ? 0 : undefined}
        data-plot=""
        className={`absolute rounded-sm outline-none focus-visible:ring-2 focus-visible:ring-accent ${clickable ? "cursor-pointer" : ""}`}
        style={{ left: box.left, right: box.right, top: box.top, height: plotHeight }}
        onPointerMove={onPointerMove}
        onPointerLeave={() => setActive(null)}
        onBlur={() => setActive(null)}
        onClick={onClick}
        onKeyDown={onKeyDown}
      >
        <div aria-hidden="true" className="absolute inset-0">
          {barAxis.ticks.map((t) => (
            <div
              key={t}
              className="absolute"
              style={
                rows
                  ? { top: 0, bottom: 0, left: `${position(barAxis, t) * 100}%`, borderLeft: `1px ${t === 0 ? "solid" : "dashed"} ${chartChrome.grid}` }
                  : { left: 0, right: 0, top: lineY(barAxis, t), borderTop: `1px ${t === 0 ? "solid" : "dashed"} ${chartChrome.grid}` }
              }
            />
          ))}
          {active !== null ? (
            <div
              data-cursor=""
              className="absolute"
              style={{
                background: chartChrome.cursor,
                ...(rows ? { left: 0, right: 0, top: rowBand * active, height: rowBand } : { top: 0, bottom: 0, left: `${(active / n) * 100}%`, width: `${band}%` }),
              }}
            />
          ) : null}
        </div>
        <div className="absolute inset-0" style={{ zIndex: 1 }}>
          {drawnBars}
        </div>
        {lineAxis && !rows
          ? lines.map((s) => {
              const points = data.map((row, i) => [bandCentre(i, n), numberAt(row, s.key)] as const);
              const path = line<(typeof points)[number]>()
                .defined(([, v]) => v !== null)
                .x(([x]) => x)
                .y(([, v]) => lineY(lineAxis, v ?? 0))
                .curve(curveMonotoneX)(points);
              return (
                <div key={s.key} aria-hidden="true" className="pointer-events-none absolute inset-0" style={{ zIndex: 2 }}>
                  <svg className="absolute inset-0 overflow-visible" width="100%" height={plotHeight} viewBox={`0 0 100 ${plotHeight}`} preserveAspectRatio="none">
                    <path data-line={s.key} d={path ?? ""} fill="none" stroke={chartColor(s.color)} strokeWidth={2.25} vectorEffect="non-scaling-stroke" />
                  </svg>
                  {points.map(([x, v], i) =>
                    v === null ? null : (
                      <span
                        key={i}
                        data-dot={s.key}
                        className="absolute -translate-x-1/2 -translate-y-1/2 rounded-full"
                        style={{
                          left: `${x}%`,
                          top: lineY(lineAxis, v),
                          width: i === active ? 9 : 5,
                          height: i === active ? 9 : 5,
                          background: chartColor(s.color),
                          boxShadow: i === active ? `0 0 0 2px ${chartChrome.surface}` : undefined,
                        }}
                      />
                    ),
                  )}
                </div>
              );
            })
          : null}
        <div aria-live="polite">{tooltip}</div>
      </div>

      {/* The figures as a table, for screen readers. */}
      <table className="sr-only">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">Category</th>
            {series.map((s) => (
              <th key={s.key} scope="col">
                {s.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.map((row, i) => (
            <tr key={i}>
              <th scope="row">{props.indexFormat(row[index] ?? "")}</th>
              {series.map((s) => {
                const v = numberAt(row, s.key);
                return <td key={s.key}>{v === null ? "no data" : s.format(v)}</td>;
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
