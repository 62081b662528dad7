import { createLoader, createParser, createSerializer, parseAsString, parseAsStringLiteral, type inferParserType } from "nuqs/server";
import type { LossSummaryQuery } from "@/lib/api/lossSummarySchema";
import { INCIDENT_TYPES, SEVERITIES } from "@/lib/api/lossSummaryValues";

// The Loss Summary view state as URL search parameters. Shared by the page (server), the filters hook and
// the drill-through links, so a copied link, the API query and the claims queue all read the same keys.

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

const parseAsIsoDay = createParser<string>({
  parse: (value) => {
    if (!ISO_DAY.test(value)) return null;
    const day = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === value ? value : null;
  },
  serialize: (value) => value,
});

const parseAsHour = createParser<number>({
  parse: (value) => {
    if (!/^\d{1,2}$/.test(value)) return null;
    const hour = Number(value);
    return hour <= 23 ? hour : null;
  },
  serialize: (value) => String(value),
});

export const lossSummaryFilterParsers = {
  from: parseAsIsoDay,
  to: parseAsIsoDay,
  policyType: parseAsString,
  borough: parseAsString,
  make: parseAsString,
  incidentType: parseAsStringLiteral(INCIDENT_TYPES),
  severity: parseAsStringLiteral(SEVERITIES),
  hour: parseAsHour,
};

export type LossSummaryFilters = inferParserType<typeof lossSummaryFilterParsers>;
export type LossSummaryFilterKey = keyof LossSummaryFilters;

export const lossSummaryFilterKeys = Object.keys(lossSummaryFilterParsers) as LossSummaryFilterKey[];

export const loadLossSummaryFilters = createLoader(lossSummaryFilterParsers);

const serializeFilters = createSerializer(lossSummaryFilterParsers);

/** The API query for these filters: only the set ones, and the dates only as a pair (the API wants both or neither). */
export function toLossSummaryQuery(filters: LossSummaryFilters): LossSummaryQuery {
  const query: LossSummaryQuery = {};
  if (filters.from && filters.to) {
    query.from = filters.from;
    query.to = filters.to;
  }
  if (filters.policyType) query.policyType = filters.policyType;
  if (filters.borough) query.borough = filters.borough;
  if (filters.make) query.make = filters.make;
  if (filters.incidentType) query.incidentType = filters.incidentType;
  if (filters.severity) query.severity = filters.severity;
  if (filters.hour !== null) query.hour = filters.hour;
  return query;
}

/** `?from=...&to=...` for a query, in the same order and encoding wherever it is built. */
export function lossSummarySearch(query: LossSummaryQuery): string {
  return serializeFilters({
    from: query.from ?? null,
    to: query.to ?? null,
    policyType: query.policyType ?? null,
    borough: query.borough ?? null,
    make: query.make ?? null,
    incidentType: query.incidentType ?? null,
    severity: query.severity ?? null,
    hour: query.hour ?? null,
  });
}

/**
 * The claims queue with the same filters. The period is always explicit: a page showing the API's default
 * period must not hand the claims queue a link that means "whatever the default is later".
 */
export function claimsHref(query: LossSummaryQuery, period: { from: string; to: string } | undefined): string {
  const withPeriod = query.from || !period ? query : { ...query, from: period.from, to: period.to };
  return `/claims${lossSummarySearch(withPeriod)}`;
}

/** Names of parameters present in the URL whose value no filter accepts, so the page can say it ignored them. */
export function ignoredFilterParams(raw: Record<string, string | string[] | undefined>, parsed: LossSummaryFilters): LossSummaryFilterKey[] {
  return lossSummaryFilterKeys.filter((key) => {
    const value = raw[key];
    return typeof value === "string" && value !== "" && parsed[key] === null;
  });
}
