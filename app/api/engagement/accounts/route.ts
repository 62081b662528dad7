// GET /api/engagement/accounts: engagement per account for one view (usually one country).
import { cachedJsonRoute } from "@/lib/api/cachedJsonRoute";
import { cachedEngagementAccounts } from "@/lib/api/dashboardBuilders";
import { engagementQuery } from "@/lib/api/engagementSchema";

export const dynamic = "force-dynamic";

export const GET = cachedJsonRoute(engagementQuery, cachedEngagementAccounts);
