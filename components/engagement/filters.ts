import { createLoader, createParser, createSerializer, parseAsString, type inferParserType } from "nuqs/server";
import type { EngagementQuery } from "@/lib/api/engagementSchema";

// The Email Engagement view state as URL search parameters, read by the page (server) and the filters hook
// alike, so a copied link and the API query use the same keys.

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

const parseAsIsoDay = createParser<string>({
  parse: (value) => {
    if (!ISO_DAY.test(value)) return null;
    const day = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === value ? value : null;
  },
  serialize: (value) => value,
});

const parseAsCampaignId = createParser<number>({
  parse: (value) => {
    if (!/^\d{1,15}$/.test(value)) return null;
    const id = Number(value);
    return id > 0 ? id : null;
  },
  serialize: (value) => String(value),
});

export const engagementFilterParsers = {
  from: parseAsIsoDay,
  to: parseAsIsoDay,
  campaignId: parseAsCampaignId,
  country: parseAsString,
};

export type EngagementFilters = inferParserType<typeof engagementFilterParsers>;
export type EngagementFilterKey = keyof EngagementFilters;

export const engagementFilterKeys = Object.keys(engagementFilterParsers) as EngagementFilterKey[];

export const loadEngagementFilters = createLoader(engagementFilterParsers);

const serializeFilters = createSerializer(engagementFilterParsers);

/** The API query for these filters: only the set ones, and the dates only as a pair (the API wants both or neither). */
export function toEngagementQuery(filters: EngagementFilters): EngagementQuery {
  const query: EngagementQuery = {};
  if (filters.from && filters.to) {
    query.from = filters.from;
    query.to = filters.to;
  }
  if (filters.campaignId !== null) query.campaignId = filters.campaignId;
  if (filters.country) query.country = filters.country;
  return query;
}

/** `?from=...&to=...` for an API query, in the same order and encoding wherever it is built. */
export function engagementSearch(query: EngagementQuery): string {
  return serializeFilters({
    from: query.from ?? null,
    to: query.to ?? null,
    campaignId: query.campaignId ?? null,
    country: query.country ?? null,
  });
}

/** Names of parameters present in the URL whose value no filter accepts, so the page can say it ignored them. */
export function ignoredFilterParams(raw: Record<string, string | string[] | undefined>, parsed: EngagementFilters): EngagementFilterKey[] {
  return engagementFilterKeys.filter((key) => {
    const value = raw[key];
    return typeof value === "string" && value !== "" && parsed[key] === null;
  });
}
