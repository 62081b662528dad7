import { useQueryStates } from "nuqs";
import { claimsFilterParsers } from "@/components/claims/queueParams";

/**
 * The claims queue's filters, search, sort and page, read from and written to the URL (on the queue and on
 * every case opened from it). Each change is a history entry so back/forward step through the views;
 * shallow, because the data comes from the API, not a server render.
 */
export function useClaimsFilters() {
  return useQueryStates(claimsFilterParsers, { history: "push", shallow: true });
}
