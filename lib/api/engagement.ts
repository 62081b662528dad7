import "server-only";
import type { Warehouse } from "../warehouse/types";
import { getEngagementOptions } from "../queries/getEngagementOptions";
import { getEngagementTotals } from "../queries/getEngagementTotals";
import { getEngagementByCountry } from "../queries/getEngagementByCountry";
import { getEngagementTrend } from "../queries/getEngagementTrend";
import { getTopCampaigns } from "../queries/getTopCampaigns";
import { getAccountEngagement } from "../queries/getAccountEngagement";
import { ApiError } from "./errors";
import { liveGoldStatus } from "./goldStatus";
import { defaultPeriod, previousPeriod } from "./periods";
import { perBuild } from "./perBuild";
import {
  engagementAccountsResponse,
  engagementResponse,
  type EngagementAccountsResponse,
  type EngagementMetrics,
  type EngagementQuery,
  type EngagementResponse,
} from "./engagementSchema";

/** Campaigns need this many unique opens before their click ratio may rank them. */
export const TOP_CAMPAIGNS_MIN_UNIQUE_OPENS = 30;
export const ACCOUNTS_LIMIT = 500;
const DAILY_TREND_MAX_DAYS = 92;

type MetricsRow = { sends: number; opens: number; unique_opens: number; clicks: number; unique_clicks: number; open_rate: number | null; click_ratio: number | null };

const metrics = (r: MetricsRow | undefined): EngagementMetrics => ({
  sends: r?.sends ?? 0,
  opens: r?.opens ?? 0,
  uniqueOpens: r?.unique_opens ?? 0,
  clicks: r?.clicks ?? 0,
  uniqueClicks: r?.unique_clicks ?? 0,
  openRate: r?.open_rate ?? null,
  clickRatio: r?.click_ratio ?? null,
});

interface Resolved {
  status: { build_id: string; built_at: string; engagement_as_of: string | null };
  period: { from: string; to: string };
  filters: { campaignId: number | null; country: string | null };
  options: EngagementResponse["options"];
}

/** The campaigns and countries the filters offer: they change only with the gold build, so read once per build. */
const engagementOptions = perBuild(async (warehouse): Promise<EngagementResponse["options"]> => {
  const rows = await getEngagementOptions.run(warehouse, {});
  return {
    campaigns: rows.filter((r) => r.kind === "campaign" && r.id !== null).map((r) => ({ campaignId: r.id!, campaignName: r.name })),
    countries: rows.filter((r) => r.kind === "country").map((r) => r.name),
  };
});

/** Period defaults and filter values checked against what the data holds (unknown values are a 400). */
async function resolve(warehouse: Warehouse, query: EngagementQuery): Promise<Resolved> {
  const [status, options] = await Promise.all([liveGoldStatus(warehouse), engagementOptions(warehouse)]);
  if (!status) throw new ApiError("no_gold_build", "The gold build has no build information.");
  if (query.campaignId !== undefined && !options.campaigns.some((c) => c.campaignId === query.campaignId)) {
    throw new ApiError("invalid_parameter", `campaignId: unknown campaign ${query.campaignId}`);
  }
  let country: string | null = null;
  if (query.country !== undefined) {
    country = options.countries.find((c) => c.toLowerCase() === query.country!.toLowerCase()) ?? null;
    if (!country) throw new ApiError("invalid_parameter", `country: unknown value '${query.country}'`);
  }
  const period = query.from && query.to ? { from: query.from, to: query.to } : defaultPeriod(status.engagement_as_of);
  return { status, period, filters: { campaignId: query.campaignId ?? null, country }, options };
}

/** Everything the Email Engagement page shows but the account table, in one response. */
export async function buildEngagement(warehouse: Warehouse, query: EngagementQuery, signal?: AbortSignal): Promise<EngagementResponse> {
  const { status, period, filters, options } = await resolve(warehouse, query);
  const opts = { signal };
  const previous = previousPeriod(period);
  const days = (Date.parse(period.to) - Date.parse(period.from)) / 86_400_000 + 1;
  const grain = days <= DAILY_TREND_MAX_DAYS ? "day" : "week";
  const params = { ...period, ...filters };
  const [[totals], [previousTotals], countries, trend, campaigns] = await Promise.all([
    getEngagementTotals.run(warehouse, params, opts),
    getEngagementTotals.run(warehouse, { ...params, ...previous }, opts),
    getEngagementByCountry.run(warehouse, { ...params, country: null }, opts),
    getEngagementTrend.run(warehouse, { ...params, grain }, opts),
    getTopCampaigns.run(warehouse, { ...params, minUniqueOpens: TOP_CAMPAIGNS_MIN_UNIQUE_OPENS, limit: 10 }, opts),
  ]);
  return engagementResponse.parse({
    asOf: { buildId: status.build_id, builtAt: status.built_at, engagementAsOf: status.engagement_as_of },
    period,
    previousPeriod: previous,
    filters,
    totals: metrics(totals),
    previous: metrics(previousTotals),
    byCountry: countries.map((r) => ({ country: r.country, isoA3: r.iso_a3, isoN3: r.iso_n3, ...metrics(r) })),
    trend: { grain, points: trend.map((r) => ({ date: r.date, ...metrics(r) })) },
    topCampaigns: {
      minUniqueOpens: TOP_CAMPAIGNS_MIN_UNIQUE_OPENS,
      rows: campaigns.map((r) => ({ campaignId: r.campaign_id, campaignName: r.campaign_name, ...metrics(r) })),
    },
    options,
  });
}

/** Engagement per account for the period and filters (usually one country). */
export async function buildEngagementAccounts(warehouse: Warehouse, query: EngagementQuery, signal?: AbortSignal): Promise<EngagementAccountsResponse> {
  const { period, filters } = await resolve(warehouse, query);
  const rows = await getAccountEngagement.run(warehouse, { ...period, ...filters, limit: ACCOUNTS_LIMIT }, { signal });
  return engagementAccountsResponse.parse({
    period,
    filters,
    rows: rows.map((r) => ({ accountId: r.account_id, accountName: r.account_name, country: r.country, ...metrics(r) })),
    truncated: (rows[0]?.matched ?? 0) > rows.length,
  });
}
