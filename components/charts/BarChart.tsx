"use client";

import { CategoryPlot, type ChartRow } from "./CategoryPlot";
import { ChartFrame, type LegendItem } from "./ChartFrame";
import type { ChartColor } from "./palette";

export type { ChartRow };
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
  const horizontalBars = layout === "vertical";

  return (
    <ChartFrame
      title={title}
      caption={caption}
      legend={categories.length > 1 || onCategoryClick ? legend : []}
      activeLegendKey={activeCategory}
      onLegendClick={onCategoryClick ? (key) => onCategoryClick(key as Category) : undefined}
      legendActionLabel={(item) => `Filter the page by ${item.label}`}
    >
      <CategoryPlot
        title={title}
        data={data}
        index={index}
        orientation={horizontalBars ? "rows" : "columns"}
        bars={categories.map((category) => ({ key: category, label: labelOf(category), color: colors[category], format: valueFormatter }))}
        stacked={type === "stacked"}
        barAxisFormat={axisFormatter}
        indexFormat={indexFormatter}
        indexTickFormat={indexFormatter}
        height={height}
        indexAxisWidth={indexAxisWidth}
        bandGap={horizontalBars ? 0.22 : 0.18}
        maxBarSize={horizontalBars ? 28 : 36}
        activeIndex={activeIndex}
        activeCategory={activeCategory}
        onValueClick={onValueClick ? ({ index: value, category }) => onValueClick({ index: value, category: category as Category | undefined }) : undefined}
        clickHint={clickHint}
      />
    </ChartFrame>
  );
}
