import type { EngagementResponse } from "@/lib/api/engagementSchema";
import type { EngagementFilters } from "./filters";
import type { TileProps, TileState } from "./Tile";

/** What every tile needs from the page: the one response, the filters and what to do about them. */
export type EngagementView = {
  data: EngagementResponse | undefined;
  filters: EngagementFilters;
  /** The selected country as the data spells it (the URL may carry another letter case); null for none. */
  country: string | null;
  updating: boolean;
  errorMessage: string | null;
  /** The API refused the filters themselves. */
  rejectedFilters: boolean;
  retry: () => void;
  /** null when no filter is set. */
  clearFilters: (() => void) | null;
  setFilters: (patch: Partial<EngagementFilters>) => void;
  /** Selects a country, or clears the selection when it is the one already selected. */
  toggleCountry: (country: string) => void;
};

/** The props a tile takes from the view: its state from the shared query. */
export function tileFrame(
  view: EngagementView,
  id: string,
  isEmpty: (data: EngagementResponse) => boolean,
): Pick<TileProps, "id" | "state" | "updating" | "errorMessage" | "rejectedFilters" | "onRetry" | "onClearFilters"> {
  const { data } = view;
  let state: TileState;
  if (!data) state = view.errorMessage !== null ? "error" : "loading";
  else state = isEmpty(data) ? "empty" : "loaded";
  return {
    id,
    state,
    updating: view.updating,
    errorMessage: view.errorMessage,
    rejectedFilters: view.rejectedFilters,
    onRetry: view.retry,
    onClearFilters: view.clearFilters,
  };
}

/** engagement-countries-2025-06-01-2026-05-31-campaign-5041.csv */
export function csvFileName(table: string, data: Pick<EngagementResponse, "period" | "filters">): string {
  const parts = ["engagement", table, data.period.from, data.period.to];
  if (data.filters.campaignId !== null) parts.push(`campaign-${data.filters.campaignId}`);
  if (data.filters.country !== null && table !== "countries") parts.push(data.filters.country.toLowerCase().replace(/[^a-z0-9]+/g, "-"));
  return `${parts.join("-")}.csv`;
}
