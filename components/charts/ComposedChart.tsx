"use client";

import { Bar, CartesianGrid, Cell, ComposedChart as RechartsComposedChart, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { ChartRow } from "./BarChart";
import { ChartFrame, type LegendItem } from "./ChartFrame";
import { ChartTooltip } from "./ChartTooltip";
import { chartChrome, chartColor, type ChartColor } from "./palette";
import { ActiveLabelSpy, useKeyboardSelect } from "./useKeyboardSelect";

type Key<Row> = Extract<keyof Row, string>;

export type ComposedChartProps<Row extends ChartRow, BarKey extends Key<Row>, LineKey extends Key<Row>> = {
  title: string;
  caption: string;
  data: Row[];
  index: Key<Row>;
  /** Bars, measured on the left axis. */
  bars: readonly BarKey[];
  /** Lines, measured on the right axis: a ratio beside amounts, or amounts beside counts. */
  lines: readonly LineKey[];
  labels: Record<BarKey | LineKey, string>;
  colors: Record<BarKey | LineKey, ChartColor>;
  barValueFormatter: (value: number) => string;
  barAxisFormatter?: (value: number) => string;
  lineValueFormatter: (value: number) => string;
  lineAxisFormatter?: (value: number) => string;
  indexFormatter?: (value: string | number) => string;
  /** Short form for crowded axes; the tooltip keeps the long one. */
  indexTickFormatter?: (value: string | number) => string;
  height?: number;
  activeIndex?: string | number | null;
  onValueClick?: (value: { index: string | number }) => void;
  clickHint?: string;
};

export function ComposedChart<Row extends ChartRow, BarKey extends Key<Row>, LineKey extends Key<Row>>({
  title,
  caption,
  data,
  index,
  bars,
  lines,
  labels,
  colors,
  barValueFormatter,
  barAxisFormatter = barValueFormatter,
  lineValueFormatter,
  lineAxisFormatter = lineValueFormatter,
  indexFormatter = String,
  indexTickFormatter = indexFormatter,
  height = 280,
  activeIndex = null,
  onValueClick,
  clickHint,
}: ComposedChartProps<Row, BarKey, LineKey>) {
  const legend: LegendItem[] = [
    ...bars.map((key) => ({ key, label: labels[key], color: colors[key], shape: "square" as const })),
    ...lines.map((key) => ({ key, label: labels[key], color: colors[key], shape: "line" as const })),
  ];
  const keyboard = useKeyboardSelect(onValueClick ? (value) => onValueClick({ index: value }) : undefined);
  const tick = { fill: chartChrome.tick, fontSize: 12 };

  return (
    <ChartFrame title={title} caption={caption} legend={legend}>
      <div onKeyDown={keyboard.onKeyDown} style={{ height }} className={onValueClick ? "[&_.recharts-surface]:cursor-pointer" : undefined}>
        <ResponsiveContainer width="100%" height="100%">
          <RechartsComposedChart
            title={title}
            desc={caption}
            data={data}
            accessibilityLayer
            margin={{ top: 4, right: 0, bottom: 0, left: 0 }}
            barGap={2}
            barCategoryGap="20%"
            onClick={
              onValueClick
                ? (state) => {
                    if (state.activeLabel !== undefined && state.activeLabel !== null) onValueClick({ index: state.activeLabel });
                  }
                : undefined
            }
          >
            <CartesianGrid stroke={chartChrome.grid} strokeDasharray="3 3" vertical={false} />
            <XAxis
              dataKey={index}
              tickFormatter={indexTickFormatter}
              tick={tick}
              axisLine={{ stroke: chartChrome.grid }}
              tickLine={false}
              interval="preserveStartEnd"
              minTickGap={12}
            />
            <YAxis yAxisId="bars" orientation="left" tickFormatter={barAxisFormatter} tick={tick} axisLine={false} tickLine={false} width={60} />
            <YAxis yAxisId="lines" orientation="right" tickFormatter={lineAxisFormatter} tick={tick} axisLine={false} tickLine={false} width={56} />
            <Tooltip
              cursor={{ fill: chartChrome.cursor }}
              isAnimationActive={false}
              content={({ active, label, payload }) => (
                <ChartTooltip
                  active={active}
                  label={label}
                  payload={payload}
                  formatIndex={indexFormatter}
                  series={[
                    ...bars.map((key) => ({ key, label: labels[key], color: colors[key], format: barValueFormatter })),
                    ...lines.map((key) => ({ key, label: labels[key], color: colors[key], format: lineValueFormatter })),
                  ]}
                  hint={clickHint}
                />
              )}
            />
            {bars.map((key) => (
              <Bar
                key={key}
                yAxisId="bars"
                dataKey={key}
                name={labels[key]}
                fill={chartColor(colors[key])}
                radius={[3, 3, 0, 0]}
                maxBarSize={28}
                isAnimationActive={false}
                onClick={
                  onValueClick
                    ? (item, _i, event) => {
                        // The bar knows its row at once; the chart's handler relies on the tooltip having caught up with the pointer.
                        event.stopPropagation();
                        const value = (item.payload as Row | undefined)?.[index];
                        if (value !== undefined && value !== null) onValueClick({ index: value });
                      }
                    : undefined
                }
              >
                {data.map((row) => (
                  <Cell key={String(row[index])} fillOpacity={activeIndex !== null && row[index] !== activeIndex ? 0.3 : 1} />
                ))}
              </Bar>
            ))}
            {lines.map((key) => (
              <Line
                key={key}
                yAxisId="lines"
                dataKey={key}
                name={labels[key]}
                type="monotone"
                stroke={chartColor(colors[key])}
                strokeWidth={2.25}
                dot={{ r: 2.5, fill: chartColor(colors[key]), strokeWidth: 0 }}
                activeDot={{ r: 4.5, stroke: chartChrome.surface, strokeWidth: 2 }}
                // A month without premium has no ratio: a gap, not a drop to zero.
                connectNulls={false}
                isAnimationActive={false}
              />
            ))}
            <ActiveLabelSpy onChange={keyboard.report} />
          </RechartsComposedChart>
        </ResponsiveContainer>
      </div>
    </ChartFrame>
  );
}
