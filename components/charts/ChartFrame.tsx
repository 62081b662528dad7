"use client";

import type { ReactNode } from "react";
import { chartColor, chartPalette, type ChartColor } from "./palette";

export type LegendItem = { key: string; label: string; color: ChartColor; shape?: "square" | "line" };

/**
 * A labelled figure around a chart: the caption says what is plotted (and is the figure's accessible
 * name), the legend names the series. Legend items become toggle buttons when the chart filters by series.
 */
export function ChartFrame({
  title,
  caption,
  legend,
  activeLegendKey,
  onLegendClick,
  legendActionLabel,
  children,
}: {
  title: string;
  caption: string;
  legend: LegendItem[];
  activeLegendKey?: string | null;
  onLegendClick?: (key: string) => void;
  legendActionLabel?: (item: LegendItem) => string;
  children: ReactNode;
}) {
  return (
    <figure aria-label={title} className="flex min-w-0 flex-col gap-3">
      <figcaption className="text-xs leading-5 text-muted">{caption}</figcaption>
      {legend.length > 0 ? (
        <ul className="flex flex-wrap items-center gap-x-4 gap-y-1.5 text-xs text-muted" aria-label={`${title} legend`}>
          {legend.map((item) => {
            const swatch = <Swatch color={item.color} shape={item.shape ?? "square"} />;
            if (!onLegendClick) {
              return (
                <li key={item.key} className="flex items-center gap-1.5">
                  {swatch}
                  {item.label}
                </li>
              );
            }
            const pressed = activeLegendKey === item.key;
            return (
              <li key={item.key}>
                <button
                  type="button"
                  aria-pressed={pressed}
                  title={legendActionLabel?.(item)}
                  onClick={() => onLegendClick(item.key)}
                  className={`-mx-1.5 flex items-center gap-1.5 rounded px-1.5 py-0.5 transition-colors hover:bg-surface-muted hover:text-foreground ${
                    pressed ? "bg-surface-muted font-medium text-foreground" : ""
                  } ${activeLegendKey && !pressed ? "opacity-60" : ""}`}
                >
                  {swatch}
                  {item.label}
                </button>
              </li>
            );
          })}
        </ul>
      ) : null}
      {children}
    </figure>
  );
}

function Swatch({ color, shape }: { color: ChartColor; shape: "square" | "line" }) {
  const isPale = chartPalette[color].light.toUpperCase() === "#FFF380";
  if (shape === "line") {
    return <span aria-hidden="true" className="inline-block h-0.5 w-3.5 rounded-full" style={{ backgroundColor: chartColor(color) }} />;
  }
  return (
    <span
      aria-hidden="true"
      // A pale yellow swatch disappears on a white surface without an outline.
      className={`inline-block size-2.5 rounded-[3px] ${isPale ? "ring-1 ring-black/15 ring-inset" : ""}`}
      style={{ backgroundColor: chartColor(color) }}
    />
  );
}
