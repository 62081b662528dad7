"use client";

import { memo, useId, useMemo, useState } from "react";
import { formatCount, formatPercent } from "@/lib/format";
import type { WorldMapGeometry } from "@/lib/worldMap";
import { CountryMap, type CountryRow } from "./CountryMap";
import { countryLabel } from "./FiltersBar";
import { MapLegend } from "./MapLegend";
import { MAP_METRICS, colorClasses, mapValue, type MapMetric } from "./mapLayers";
import { METRIC_LABELS, UNKNOWN_COUNTRY } from "./metrics";
import { Tile } from "./Tile";
import { tileFrame, type EngagementView } from "./view";

function MapSkeleton() {
  return <div className="aspect-[960/470] w-full animate-pulse rounded-lg bg-surface-muted" aria-hidden="true" />;
}

const METRIC_HINTS: Record<MapMetric, string> = {
  clickRatio: "unique clicks ÷ unique opens",
  openRate: "unique opens ÷ sends",
  sends: "emails sent",
};

export const MapTile = memo(function MapTile({ view, geometry }: { view: EngagementView; geometry: WorldMapGeometry }) {
  const frame = tileFrame(view, "country-map", (data) => data.byCountry.every((r) => r.sends === 0));
  const [metric, setMetric] = useState<MapMetric>("clickRatio");
  const { data, country } = view;

  const shapeIds = useMemo(() => new Set(geometry.shapes.map((s) => s.isoN3)), [geometry]);
  const rows = data?.byCountry;
  const onMap = useMemo(() => rows?.filter((r) => r.isoN3 !== null && shapeIds.has(r.isoN3)) ?? [], [rows, shapeIds]);
  // Small states (Singapore) have no shape in the 110m world geometry: listed beside the map rather than lost.
  const offMap = useMemo(
    () => rows?.filter((r) => r.country !== UNKNOWN_COUNTRY && (r.isoN3 === null || !shapeIds.has(r.isoN3))) ?? [],
    [rows, shapeIds],
  );
  const unknown = rows?.find((r) => r.country === UNKNOWN_COUNTRY);
  const minUniqueOpens = data?.topCampaigns.minUniqueOpens ?? 0;
  const classes = useMemo(
    () => colorClasses(metric, onMap.map((r) => mapValue(r, metric, minUniqueOpens)).filter((v): v is number => v !== null)),
    [metric, onMap, minUniqueOpens],
  );
  const notRated = onMap.some((r) => mapValue(r, metric, minUniqueOpens) === null);

  return (
    <Tile
      {...frame}
      title="Engagement by country"
      className="lg:col-span-2"
      skeleton={<MapSkeleton />}
      actions={frame.state === "loaded" ? <MetricSwitcher metric={metric} onChange={setMetric} /> : null}
    >
      <p className="mb-3 text-xs leading-5 text-muted">
        Countries coloured by {METRIC_LABELS[metric].toLowerCase()} ({METRIC_HINTS[metric]}), in five classes from lowest to highest among the countries
        shown{metric === "clickRatio" ? `; a click ratio is rated from ${formatCount(minUniqueOpens)} unique opens` : ""}. Click a country to filter the
        page; click it again to clear.
      </p>
      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_15rem]">
        <figure aria-label={`Map of ${METRIC_LABELS[metric].toLowerCase()} by country`} className="flex min-w-0 flex-col gap-2.5">
          {data ? (
            <CountryMap
              geometry={geometry}
              rows={onMap}
              metric={metric}
              classes={classes}
              minUniqueOpens={minUniqueOpens}
              selectedCountry={country}
              onSelectCountry={view.toggleCountry}
              state={frame.updating ? "loading" : frame.state}
            />
          ) : null}
          <figcaption>
            <MapLegend metric={metric} classes={classes} notRated={notRated} minUniqueOpens={minUniqueOpens} />
          </figcaption>
        </figure>
        <aside aria-label="Countries without a shape on the map" className="flex flex-col gap-3">
          <OffMapCard
            title="No known country"
            detail="Leads with no matching account, and accounts with no billing country, count as Unknown."
            rows={unknown ? [unknown] : []}
            emptyText="Every send in this view matched a country."
            selected={country}
            onSelect={view.toggleCountry}
          />
          {offMap.length > 0 ? (
            <OffMapCard
              title="Too small for this map"
              detail="Countries with sends but no shape at this scale."
              rows={offMap}
              emptyText=""
              selected={country}
              onSelect={view.toggleCountry}
            />
          ) : null}
        </aside>
      </div>
    </Tile>
  );
});

function MetricSwitcher({ metric, onChange }: { metric: MapMetric; onChange: (metric: MapMetric) => void }) {
  const name = useId();
  return (
    <fieldset className="flex items-center gap-2">
      <legend className="sr-only">Colour the map by</legend>
      <span aria-hidden="true" className="text-xs text-muted">
        Colour by
      </span>
      <div className="inline-flex rounded-md border border-border bg-surface-muted p-0.5">
        {MAP_METRICS.map((m) => (
          <label
            key={m}
            className="cursor-pointer rounded-[5px] px-2 py-1 text-xs font-medium text-muted transition-colors has-[:checked]:bg-surface has-[:checked]:text-foreground has-[:checked]:shadow-sm has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-accent-strong hover:text-foreground"
          >
            <input type="radio" name={name} value={m} checked={metric === m} onChange={() => onChange(m)} className="sr-only" />
            {METRIC_LABELS[m]}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function OffMapCard({
  title,
  detail,
  rows,
  emptyText,
  selected,
  onSelect,
}: {
  title: string;
  detail: string;
  rows: readonly CountryRow[];
  emptyText: string;
  selected: string | null;
  onSelect: (country: string) => void;
}) {
  return (
    <div className="rounded-lg border border-border bg-surface-muted/60 p-3" data-off-map={title}>
      <p className="text-xs font-semibold text-foreground">{title}</p>
      <p className="mt-0.5 text-[11px] leading-4 text-subtle">{detail}</p>
      {rows.length === 0 ? (
        <p className="mt-2 text-xs text-muted">{emptyText}</p>
      ) : (
        <ul className="mt-2 flex flex-col gap-1.5">
          {rows.map((r) => {
            const pressed = r.country === selected;
            return (
              <li key={r.country}>
                <button
                  type="button"
                  aria-pressed={pressed}
                  onClick={() => onSelect(r.country)}
                  data-country={r.country}
                  className={`w-full rounded-md border px-2.5 py-2 text-left text-xs transition-colors ${
                    pressed ? "border-foreground/70 bg-surface ring-1 ring-foreground/70" : "border-border bg-surface hover:border-border-strong"
                  }`}
                >
                  <span className="flex items-baseline justify-between gap-2">
                    <span className="font-medium text-foreground">{countryLabel(r.country)}</span>
                    <span className="text-[11px] text-subtle">{pressed ? "Selected · clear" : "Filter"}</span>
                  </span>
                  <span className="mt-1 block tabular-nums text-muted">
                    {formatCount(r.sends)} sends · {formatCount(r.uniqueOpens)} unique opens
                  </span>
                  <span className="block tabular-nums text-muted">
                    Click ratio <span className="font-medium text-foreground">{formatPercent(r.clickRatio)}</span> · open rate{" "}
                    <span className="font-medium text-foreground">{formatPercent(r.openRate)}</span>
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
