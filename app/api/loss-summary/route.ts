// GET /api/loss-summary: every figure of the Loss Summary page for one period and set of filters.
import { cachedJsonRoute } from "@/lib/api/cachedJsonRoute";
import { cachedLossSummary } from "@/lib/api/dashboardBuilders";
import { lossSummaryQuery } from "@/lib/api/lossSummarySchema";

export const dynamic = "force-dynamic";

export const GET = cachedJsonRoute(lossSummaryQuery, cachedLossSummary);
