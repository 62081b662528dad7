import type { LossSummaryResponse } from "@/lib/api/lossSummarySchema";
import type { LossSummaryFilters } from "@/lib/lossSummaryFilters";
import { csvFileName } from "./csv";
import type { TileCsv, TileProps, TileState } from "./Tile";

/** What every tile needs from the page: the one response, the filters and what to do about them. */
export type LossSummaryView = {
  data: LossSummaryResponse | undefined;
  filters: LossSummaryFilters;
  updating: boolean;
  errorMessage: string | null;
  /** The API refused the filters themselves. */
  rejectedFilters: boolean;
  retry: () => void;
  /** null when no filter is set. */
  clearFilters: (() => void) | null;
  /** null when the viewer's role may not open the claims queue. */
  claimsHref: string | null;
  setFilters: (patch: Partial<LossSummaryFilters>) => void;
};

type CsvRows = TileCsv["rows"];

/** The props a tile takes from the view: its state from the shared query, and its CSV. */
export function tileFrame(
  view: LossSummaryView,
  id: string,
  isEmpty: (data: LossSummaryResponse) => boolean,
  rows: (data: LossSummaryResponse) => ReturnType<CsvRows>,
): Pick<TileProps, "id" | "state" | "updating" | "errorMessage" | "rejectedFilters" | "onRetry" | "onClearFilters" | "claimsHref" | "csv"> {
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
    claimsHref: view.claimsHref,
    csv: data ? { fileName: csvFileName(id, data.period), rows: () => rows(data) } : null,
  };
}
