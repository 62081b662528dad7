"use client";

import { Bar, CartesianGrid, Cell, BarChart as RechartsBarChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ChartFrame, type LegendItem } from "./ChartFrame";
import { ChartTooltip } from "./ChartTooltip";
import { chartChrome, chartColor, type ChartColor } from "./palette";
import { ActiveLabelSpy, useKeyboardSelect } from "./useKeyboardSelect";

export type ChartRow = Record<string, string | number | null>;
type Key<Row> = Extract<keyof Row, string>;

export type BarChartProps<Row extends ChartRow, Category extends Key<Row>> = {
  /** Accessible name of the figure. */
  title: string;
  /** What is plotted, shown under the tile title. */
  caption: string;
  data: Row[];
  index: Key<Row>;
  categories: readonly Category[];
  categoryLabels?: Partial<Record<Category, string>>;
  colors: Record<Category, ChartColor>;
  /** Values in tooltips (full precision). */
  valueFormatter?: (value: number) => string;
  /** Values on the value axis (compact). */
  axisFormatter?: (value: number) => string;
  indexFormatter?: (value: string | number) => string;
  /** "vertical" lays the bars out horizontally, one row per index value (as recharts and Tremor name it). */
  layout?: "horizontal" | "vertical";
  type?: "stacked" | "grouped";
  height?: number;
  /** Width of the category axis when the layout is vertical. */
  indexAxisWidth?: number;
  /** Highlights one index value (a cross-filter in force) by dimming the others. */
  activeIndex?: string | number | null;
  onValueClick?: (value: { index: string | number; category?: Category }) => void;
  activeCategory?: string | null;
  onCategoryClick?: (category: Category) => void;
  /** One line under the tooltip saying what a click does. */
  clickHint?: string;
};

const defaultFormat = (value: number) => value.toLocaleString("en-US");

type CategoryTickProps = { x?: number | string; y?: number | string; payload?: { value: string | number } };

/**
 * Category labels beside horizontal bars, broken into lines of whole words: recharts' own wrapping
 * measures text with a different font than the page draws and can leave a long label cut off.
 */
function CategoryTick({ x = 0, y = 0, payload, format }: CategoryTickProps & { format: (value: string | number) => string }) {
  const words = format(payload?.value ?? "").split(" ");
  const lines: string[] = [];
  for (const word of words) {
    const last = lines.at(-1);
    if (last !== undefined && (last + " " + word).length <= 14) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  const lineHeight = 14;
  return (
    <text x={Number(x) - 6} y={Number(y)} textAnchor="end" fill={chartChrome.tick} fontSize={12}>
      {lines.map((line, i) => (
        <tspan key={i} x={Number(x) - 6} dy={i === 0 ? -((lines.length - 1) * lineHeight) / 2 + 4 : lineHeight}>
          {line}
        </tspan>
      ))}
    </text>
  );
}

export function BarChart<Row extends ChartRow, Category extends Key<Row>>({
  title,
  caption,
  data,
  index,
  categories,
  categoryLabels,
  colors,
  valueFormatter = defaultFormat,
  axisFormatter = valueFormatter,
  indexFormatter = String,
  layout = "horizontal",
  type = "grouped",
  height = 260,
  indexAxisWidth = 120,
  activeIndex = null,
  onValueClick,
  activeCategory = null,
  onCategoryClick,
  clickHint,
}: BarChartProps<Row, Category>) {
  const labelOf = (category: Category) => categoryLabels?.[category] ?? category;
  const legend: LegendItem[] = categories.map((category) => ({ key: category, label: labelOf(category), color: colors[category] }));
  const keyboard = useKeyboardSelect(onValueClick ? (value) => onValueClick({ index: value }) : undefined);
  const horizontalBars = layout === "vertical";
  const clickable = Boolean(onValueClick);

  const indexAxisProps = {
    dataKey: index,
    type: "category" as const,
    tickFormatter: indexFormatter,
    tick: { fill: chartChrome.tick, fontSize: 12 },
    axisLine: { stroke: chartChrome.grid },
    tickLine: false,
    interval: "preserveStartEnd" as const,
  };
  const valueAxisProps = {
    type: "number" as const,
    tickFormatter: axisFormatter,
    tick: { fill: chartChrome.tick, fontSize: 12 },
    axisLine: false,
    tickLine: false,
    allowDecimals: false,
  };

  return (
    <ChartFrame
      title={title}
      caption={caption}
      legend={categories.length > 1 || onCategoryClick ? legend : []}
      activeLegendKey={activeCategory}
      onLegendClick={onCategoryClick ? (key) => onCategoryClick(key as Category) : undefined}
      legendActionLabel={(item) => `Filter the page by ${item.label}`}
    >
      <div onKeyDown={keyboard.onKeyDown} style={{ height }} className={clickable ? "[&_.recharts-bar-rectangle]:cursor-pointer" : undefined}>
        <ResponsiveContainer width="100%" height="100%">
          <RechartsBarChart
            title={title}
            desc={caption}
            data={data}
            layout={layout}
            accessibilityLayer
            margin={{ top: 4, right: 8, bottom: 0, left: 0 }}
            barCategoryGap={horizontalBars ? "22%" : "18%"}
            onClick={
              onValueClick
                ? (state) => {
                    if (state.activeLabel !== undefined && state.activeLabel !== null) onValueClick({ index: state.activeLabel });
                  }
                : undefined
            }
          >
            <CartesianGrid stroke={chartChrome.grid} strokeDasharray="3 3" horizontal={!horizontalBars} vertical={horizontalBars} />
            {horizontalBars ? (
              <>
                <XAxis {...valueAxisProps} />
                <YAxis {...indexAxisProps} width={indexAxisWidth} interval={0} tick={(props: CategoryTickProps) => <CategoryTick {...props} format={indexFormatter} />} />
              </>
            ) : (
              <>
                <XAxis {...indexAxisProps} />
                <YAxis {...valueAxisProps} width={56} />
              </>
            )}
            <Tooltip
              cursor={{ fill: chartChrome.cursor }}
              isAnimationActive={false}
              content={({ active, label, payload }) => (
                <ChartTooltip
                  active={active}
                  label={label}
                  payload={payload}
                  formatIndex={indexFormatter}
                  series={categories.map((category) => ({ key: category, label: labelOf(category), color: colors[category], format: valueFormatter }))}
                  hint={clickHint}
                />
              )}
            />
            {categories.map((category) => (
              <Bar
                key={category}
                dataKey={category}
                name={labelOf(category)}
                stackId={type === "stacked" ? "stack" : undefined}
                fill={chartColor(colors[category])}
                // A hairline in the surface colour separates stacked segments, the pale yellow one included.
                stroke={type === "stacked" ? chartChrome.surface : undefined}
                strokeWidth={type === "stacked" ? 1 : 0}
                radius={type === "stacked" ? 0 : horizontalBars ? [0, 3, 3, 0] : [3, 3, 0, 0]}
                maxBarSize={horizontalBars ? 28 : 36}
                isAnimationActive={false}
                onClick={
                  onValueClick
                    ? (item, _i, event) => {
                        // The chart's own click handler would report the same point again without the series.
                        event.stopPropagation();
                        const row = item.payload as Row | undefined;
                        const value = row?.[index];
                        if (value !== undefined && value !== null) onValueClick({ index: value, category });
                      }
                    : undefined
                }
              >
                {data.map((row) => {
                  const dimmed =
                    (activeIndex !== null && row[index] !== activeIndex) || (activeCategory !== null && category !== activeCategory);
                  return <Cell key={String(row[index])} fillOpacity={dimmed ? 0.3 : 1} />;
                })}
              </Bar>
            ))}
            <ActiveLabelSpy onChange={keyboard.report} />
          </RechartsBarChart>
        </ResponsiveContainer>
      </div>
    </ChartFrame>
  );
}
