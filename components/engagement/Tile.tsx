"use client";

import { Tile as DashboardTile, type TileProps as DashboardTileProps } from "@/components/dashboard/Tile";

export { ChartSkeleton, TableSkeleton, TileMessage, type TileCsv, type TileState } from "@/components/dashboard/Tile";

export type TileProps = Omit<DashboardTileProps, "dashboard" | "claimsHref">;

/** A tile of the Email Engagement dashboard. */
export function Tile({ emptyTitle = "No email activity matches these filters.", ...props }: TileProps) {
  return <DashboardTile dashboard="engagement" emptyTitle={emptyTitle} {...props} />;
}
