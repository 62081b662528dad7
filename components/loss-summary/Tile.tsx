"use client";

import { Tile as DashboardTile, type TileProps as DashboardTileProps } from "@/components/dashboard/Tile";

export { ChartSkeleton, type TileCsv, type TileState } from "@/components/dashboard/Tile";

export type TileProps = Omit<DashboardTileProps, "dashboard" | "emptyTitle" | "emptyDetail" | "badge"> & {
  claimsHref: string | null;
  csv: TileCsv | null;
  emptyMessage?: string;
};

type TileCsv = NonNullable<DashboardTileProps["csv"]>;

/** A tile of the Loss Summary dashboard. */
export function Tile({ emptyMessage = "No claims match these filters.", ...props }: TileProps) {
  return <DashboardTile dashboard="loss-summary" emptyTitle={emptyMessage} {...props} />;
}
