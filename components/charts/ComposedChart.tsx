"use client";

import { CategoryPlot, type ChartRow } from "./CategoryPlot";
import { ChartFrame, type LegendItem } from "./ChartFrame";
import type { ChartColor } from "./palette";

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

  return (
    <ChartFrame title={title} caption={caption} legend={legend}>
      <CategoryPlot
        title={title}
        data={data}
        index={index}
        orientation="columns"
        bars={bars.map((key) => ({ key, label: labels[key], color: colors[key], format: barValueFormatter }))}
        lines={lines.map((key) => ({ key, label: labels[key], color: colors[key], format: lineValueFormatter }))}
        barAxisFormat={barAxisFormatter}
        lineAxisFormat={lineAxisFormatter}
        indexFormat={indexFormatter}
        indexTickFormat={indexTickFormatter}
        height={height}
        bandGap={0.2}
        maxBarSize={28}
        activeIndex={activeIndex}
        onValueClick={onValueClick ? ({ index: value }) => onValueClick({ index: value }) : undefined}
        clickHint={clickHint}
      />
    </ChartFrame>
  );
}
