// GET /api/engagement: the Email Engagement page's KPIs, countries, trend and top campaigns for one view.
import { cachedJsonRoute } from "@/lib/api/cachedJsonRoute";
import { cachedEngagement } from "@/lib/api/dashboardBuilders";
import { engagementQuery } from "@/lib/api/engagementSchema";

export const dynamic = "force-dynamic";

export const GET = cachedJsonRoute(engagementQuery, cachedEngagement);
