"use client";

import { formatBorough, formatPercent } from "@/lib/format";
import { PolicyMap } from "./PolicyMap";
import { usePolicyMapGeometry } from "./PolicyMapGeometryContext";
import { Tile } from "./Tile";
import { tileFrame, type LossSummaryView } from "./view";

function MapSkeleton() {
  return <div className="h-[26rem] w-full animate-pulse rounded-lg bg-surface-muted" aria-hidden="true" />;
}

// The map is SVG drawn with the page, over its own basemap: LossSummary still passes the MapLibre style URL, unused here.
export function MapTile({ view }: { view: LossSummaryView }) {
  const geometry = usePolicyMapGeometry();
  const frame = tileFrame(
    view,
    "policy-map",
    (data) => data.map.zips.length === 0 && data.map.boroughs.length === 0,
    (data) => {
      const boroughs = new Map(data.map.boroughs.map((b) => [b.borough, b]));
      return data.map.zips.map((zip) => {
        const borough = boroughs.get(zip.borough);
        return {
          ...zip,
          boroughEarnedPremium: borough?.earnedPremium ?? null,
          boroughIncurredLosses: borough?.incurredLosses ?? null,
          boroughLossRatio: borough?.lossRatio ?? null,
          boroughClaimCount: borough?.claimCount ?? null,
        };
      });
    },
  );
  const { data, filters, setFilters } = view;
  return (
    <Tile {...frame} title="Where the policies are" className="lg:col-span-2" skeleton={<MapSkeleton />} emptyMessage="No policies match these filters.">
      <figure aria-label="Map of policies by zip code and loss ratio by borough" className="flex flex-col gap-3">
        <figcaption className="text-xs leading-5 text-muted">
          Policies in force during the period by zip code, and loss ratio by borough. Click a borough to filter the page.
          {filters.borough ? (
            <>
              {" "}
              Showing <strong className="font-medium text-foreground">{formatBorough(filters.borough)}</strong>
              {(() => {
                const selected = data?.map.boroughs.find((b) => b.borough === filters.borough);
                return selected ? <>, loss ratio {formatPercent(selected.lossRatio)}</> : null;
              })()}
              .
            </>
          ) : null}
        </figcaption>
        {data ? (
          <PolicyMap
            geometry={geometry}
            zips={data.map.zips}
            boroughs={data.map.boroughs}
            selectedBorough={filters.borough}
            onSelectBorough={(borough) => setFilters({ borough: borough === filters.borough ? null : borough })}
            state={frame.updating ? "loading" : frame.state}
          />
        ) : null}
      </figure>
    </Tile>
  );
}
