import { useQueryStates } from "nuqs";
import { lossSummaryFilterParsers } from "@/lib/lossSummaryFilters";

/**
 * Every Loss Summary view setting, read from and written to the URL. Each change is a history entry so
 * back/forward step through the views; shallow, because the data comes from the API, not a server render.
 */
export function useLossSummaryFilters() {
  return useQueryStates(lossSummaryFilterParsers, { history: "push", shallow: true });
}
