import "server-only";
import { cachedBuilder } from "./cachedJsonRoute";
import { buildEngagement, buildEngagementAccounts } from "./engagement";
import { buildLossSummary } from "./lossSummary";

// The dashboards' builders behind their response caches, shared by the API routes and the pages' server prefetch.

export const cachedLossSummary = cachedBuilder("loss-summary", buildLossSummary);
export const cachedEngagement = cachedBuilder("engagement", buildEngagement);
export const cachedEngagementAccounts = cachedBuilder("engagement-accounts", buildEngagementAccounts);
