import { useQueryStates } from "nuqs";
import { engagementFilterParsers } from "@/components/engagement/filters";

/**
 * The Email Engagement filters, read from and written to the URL. Each change is a history entry so
 * back/forward step through the views; shallow, because the data comes from the API, not a server render.
 */
export function useEngagementFilters() {
  return useQueryStates(engagementFilterParsers, { history: "push", shallow: true });
}
