"use client";

import { basemapColors } from "@/components/maps/offlineStyle";
import { notRatedColor, type ColorClass, type MapMetric } from "./mapLayers";
import { formatCount } from "@/lib/format";
import { METRIC_LABELS } from "./metrics";

/** The legend under the map: the classes of the chosen metric, then what uncoloured land means. */
export function MapLegend({
  metric,
  classes,
  notRated,
  minUniqueOpens,
}: {
  metric: MapMetric;
  classes: readonly ColorClass[];
  /** Some country on the map has sends but is not rated. */
  notRated: boolean;
  minUniqueOpens: number;
}) {
  return (
    <div className="flex flex-wrap items-center gap-x-5 gap-y-2 text-[11px] leading-4 text-muted">
      <div className="flex flex-wrap items-center gap-x-2.5 gap-y-1">
        <span className="font-medium text-foreground">{METRIC_LABELS[metric]}</span>
        <ul className="flex flex-wrap items-center gap-x-2 gap-y-1" aria-label={`${METRIC_LABELS[metric]} colour scale`}>
          {classes.map((c) => (
            <li key={c.label} className="flex items-center gap-1">
              <Swatch color={c.color} />
              <span className="whitespace-nowrap tabular-nums">{c.label}</span>
            </li>
          ))}
        </ul>
      </div>
      <ul className="flex flex-wrap items-center gap-x-3 gap-y-1">
        {notRated ? (
          <li className="flex items-center gap-1">
            <Swatch color={notRatedColor} />
            <span>{metric === "clickRatio" ? `Fewer than ${formatCount(minUniqueOpens)} unique opens` : "Not rated"}</span>
          </li>
        ) : null}
        <li className="flex items-center gap-1">
          <Swatch color={basemapColors.land} />
          <span>No sends</span>
        </li>
      </ul>
    </div>
  );
}

function Swatch({ color }: { color: string }) {
  return <span aria-hidden="true" className="inline-block size-2.5 shrink-0 rounded-[2px] ring-1 ring-black/15" style={{ backgroundColor: color }} />;
}
