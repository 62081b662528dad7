"use client";

import { CartesianGrid, Line, LineChart, ReferenceArea, ReferenceDot, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { ChartRow } from "./BarChart";
import { ChartFrame, type LegendItem } from "./ChartFrame";
import { chartChrome, chartColor, type ChartColor } from "./palette";

type Key<Row> = Extract<keyof Row, string>;

export type TimeSeriesChartProps<Row extends ChartRow> = {
  /** Accessible name of the figure. */
  title: string;
  /** What is plotted, shown above the chart. */
  caption: string;
  data: Row[];
  /** A numeric time (ms) per row, in ascending order. */
  x: Key<Row>;
  y: Key<Row>;
  label: string;
  color: ChartColor;
  xTickFormatter: (value: number) => string;
  yTickFormatter?: (value: number) => string;
  /** A horizontal limit line, e.g. a legal speed. */
  threshold?: { value: number; label: string };
  /** A shaded stretch of time, e.g. the window a rule reads; named in the legend. */
  band?: { from: number; to: number; label: string };
  /** A moment marked with a vertical line, e.g. the incident. */
  marker?: { at: number; label: string };
  /** The row the rest of the page points at (a replay slider, a map hover), highlighted here. */
  activeIndex: number | null;
  /** Hovering the chart points the rest of the page at a row. */
  onActiveIndexChange?: (index: number) => void;
  height?: number;
};

/**
 * One series over time, with an optional limit line, shaded window and marked moment, and a highlighted row
 * that the page controls, so the chart and another view (a map, a slider) point at the same moment.
 */
export function TimeSeriesChart<Row extends ChartRow>({
  title,
  caption,
  data,
  x,
  y,
  label,
  color,
  xTickFormatter,
  yTickFormatter = (value) => String(value),
  threshold,
  band,
  marker,
  activeIndex,
  onActiveIndexChange,
  height = 240,
}: TimeSeriesChartProps<Row>) {
  const legend: LegendItem[] = [{ key: y, label, color, shape: "line" }];
  if (threshold) legend.push({ key: "threshold", label: threshold.label, color: "totalLoss", shape: "line" });
  if (band) legend.push({ key: "band", label: band.label, color: "gold", shape: "square" });
  const tick = { fill: chartChrome.tick, fontSize: 12 };
  const active = activeIndex !== null ? data[activeIndex] : undefined;
  const activeX = active ? Number(active[x]) : null;
  const activeY = active && typeof active[y] === "number" ? Number(active[y]) : null;
  const maxY = data.reduce((max, row) => (typeof row[y] === "number" ? Math.max(max, Number(row[y])) : max), 0);
  const yMax = Math.max(maxY, threshold ? threshold.value : 0) * 1.1 || 1;

  return (
    <ChartFrame title={title} caption={caption} legend={legend}>
      <div style={{ height }} className={onActiveIndexChange ? "[&_.recharts-surface]:cursor-crosshair" : undefined}>
        <ResponsiveContainer width="100%" height="100%">
          <LineChart
            title={title}
            desc={caption}
            data={data}
            margin={{ top: 8, right: 12, bottom: 0, left: 0 }}
            onMouseMove={(state) => {
              const index = Number(state.activeTooltipIndex);
              if (onActiveIndexChange && state.activeTooltipIndex !== undefined && state.activeTooltipIndex !== null && Number.isInteger(index)) {
                onActiveIndexChange(index);
              }
            }}
          >
            <CartesianGrid stroke={chartChrome.grid} strokeDasharray="3 3" vertical={false} />
            <XAxis
              dataKey={x}
              type="number"
              scale="time"
              domain={["dataMin", "dataMax"]}
              tickFormatter={(value: number) => xTickFormatter(value)}
              tick={tick}
              axisLine={{ stroke: chartChrome.grid }}
              tickLine={false}
              minTickGap={24}
            />
            <YAxis domain={[0, Math.ceil(yMax / 10) * 10]} tickFormatter={(value: number) => yTickFormatter(value)} tick={tick} axisLine={false} tickLine={false} width={44} />
            {band ? (
              <ReferenceArea
                x1={band.from}
                x2={band.to}
                ifOverflow="hidden"
                fill={chartColor("gold")}
                fillOpacity={0.14}
                stroke="none"
              />
            ) : null}
            {threshold ? (
              <ReferenceLine
                y={threshold.value}
                stroke={chartColor("totalLoss")}
                strokeDasharray="5 4"
                strokeWidth={1.5}
                ifOverflow="extendDomain"
              />
            ) : null}
            {marker ? (
              <ReferenceLine
                x={marker.at}
                stroke={chartColor("totalLoss")}
                strokeWidth={1.5}
                label={{ value: marker.label, position: "insideTopRight", fill: chartColor("totalLoss"), fontSize: 11 }}
              />
            ) : null}
            {/* The tooltip only tracks the pointer; the page shows the moment's values beside the chart. */}
            <Tooltip cursor={{ stroke: chartChrome.axis, strokeDasharray: "3 3" }} content={() => null} isAnimationActive={false} />
            <Line dataKey={y} name={label} type="linear" stroke={chartColor(color)} strokeWidth={2} dot={false} activeDot={false} connectNulls={false} isAnimationActive={false} />
            {activeX !== null ? <ReferenceLine x={activeX} stroke={chartColor("ink")} strokeWidth={1.25} /> : null}
            {activeX !== null && activeY !== null ? (
              <ReferenceDot x={activeX} y={activeY} r={5} fill={chartColor(color)} stroke={chartChrome.surface} strokeWidth={2} ifOverflow="visible" />
            ) : null}
          </LineChart>
        </ResponsiveContainer>
      </div>
    </ChartFrame>
  );
}
