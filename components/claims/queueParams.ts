import { createLoader, createParser, createSerializer, parseAsStringLiteral, type inferParserType } from "nuqs/server";
import { SORT_KEYS, type ClaimsQuery } from "@/lib/api/claimsSchema";
import { lossSummaryFilterParsers } from "@/lib/lossSummaryFilters";
import type { Clearable, FilterPatch } from "@/hooks/usePrefetchingFilters";

// The claims queue's view state as URL search parameters: the Loss Summary's drill-through filters (same
// keys, same parsing, so its "View claims" links land here unchanged), the investigation filters, search,
// sort and page. The case page carries the same parameters so it knows which queue it was opened from.

export const NEXT_BEST_ACTIONS = ["release funds", "investigate"] as const;
export const DECISION_STATUSES = ["decided", "undecided"] as const;
export const PAGE_SIZES = [25, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 50;

/** What the API accepts as a claim or policy number prefix. */
export const SEARCH_PATTERN = /^[A-Za-z0-9_./-]{1,40}$/;

const parseAsRuleId = createParser<string>({
  parse: (value) => (/^[a-z][a-z0-9_]{0,62}$/.test(value) ? value : null),
  serialize: (value) => value,
});

const parseAsSearch = createParser<string>({
  parse: (value) => {
    const trimmed = value.trim();
    return SEARCH_PATTERN.test(trimmed) ? trimmed : null;
  },
  serialize: (value) => value,
});

// nuqs' own boolean parser reads anything but "true" as false; a mistyped link must not filter at all.
const parseAsStrictBoolean = createParser<boolean>({
  parse: (value) => (value === "true" ? true : value === "false" ? false : null),
  serialize: (value) => String(value),
});

const positiveInteger = (max: number) =>
  createParser<number>({
    parse: (value) => {
      if (!/^\d{1,6}$/.test(value)) return null;
      const n = Number(value);
      return n >= 1 && n <= max ? n : null;
    },
    serialize: (value) => String(value),
  });

export const claimsFilterParsers = {
  ...lossSummaryFilterParsers,
  failedCheck: parseAsRuleId,
  suspicious: parseAsStrictBoolean,
  nextBestAction: parseAsStringLiteral(NEXT_BEST_ACTIONS),
  decisionStatus: parseAsStringLiteral(DECISION_STATUSES),
  q: parseAsSearch,
  sort: parseAsStringLiteral(SORT_KEYS).withDefault("incidentDate"),
  dir: parseAsStringLiteral(["asc", "desc"] as const).withDefault("desc"),
  page: positiveInteger(100_000).withDefault(1),
  pageSize: positiveInteger(200).withDefault(DEFAULT_PAGE_SIZE),
};

export type ClaimsFilters = inferParserType<typeof claimsFilterParsers>;
export type ClaimsFilterKey = keyof ClaimsFilters;
export type SortKey = ClaimsFilters["sort"];

/** Filters that narrow the queue (not sort or paging): the ones a chip can remove. */
export const narrowingKeys = [
  "from",
  "to",
  "policyType",
  "borough",
  "make",
  "incidentType",
  "severity",
  "hour",
  "failedCheck",
  "suspicious",
  "nextBestAction",
  "decisionStatus",
  "q",
] as const satisfies readonly ClaimsFilterKey[];

/** The filters the counters switch between; the counters themselves are counted without them. */
export const quickFilterKeys = ["failedCheck", "suspicious", "nextBestAction", "decisionStatus"] as const satisfies readonly ClaimsFilterKey[];

export type ClaimsFilterPatch = FilterPatch<ClaimsFilters>;

/** Every narrowing filter cleared; sort and page size kept. */
export const clearedFilters: ClaimsFilterPatch = Object.fromEntries([...narrowingKeys.map((key) => [key, null]), ["page", null]]);

/** The API query for the filters in the URL. Dates go only as a pair: the API wants both or neither. */
export function toClaimsQuery(filters: ClaimsFilters): ClaimsQuery {
  const query: ClaimsQuery = { sort: filters.sort, dir: filters.dir, page: filters.page, pageSize: filters.pageSize };
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
  if (filters.failedCheck) query.failedCheck = filters.failedCheck;
  if (filters.suspicious !== null) query.suspicious = filters.suspicious;
  if (filters.nextBestAction) query.nextBestAction = filters.nextBestAction;
  if (filters.decisionStatus) query.decisionStatus = filters.decisionStatus;
  if (filters.q) query.q = filters.q;
  return query;
}

/** `from=...&sort=...` for GET /api/claims, keys in a fixed order so equal queries share a cache entry. */
export function claimsApiSearch(query: ClaimsQuery): string {
  const params = new URLSearchParams();
  for (const key of Object.keys(claimsFilterParsers) as ClaimsFilterKey[]) {
    const value = query[key];
    if (value !== undefined && value !== null) params.set(key, String(value));
  }
  return params.toString();
}

const serializeFilters = createSerializer(claimsFilterParsers);

/** `?...` holding the queue's view (defaults left out), for links between the queue and its cases. */
export function queueSearch(filters: Partial<ClaimsFilters>): string {
  return serializeFilters(filters);
}

const loadFilters = createLoader(claimsFilterParsers);

/**
 * The filters as the queue will read them from the URL once `next` is written there: a cleared key reads as
 * its default, and a value the URL would not keep is dropped. What the queue asks the API for after a change
 * is therefore known before the URL has changed.
 */
export function filtersAfter(next: Clearable<ClaimsFilters>): ClaimsFilters {
  return loadFilters(serializeFilters(next));
}

export function caseHref(claimNo: string, filters: Partial<ClaimsFilters>): string {
  return `/claims/${encodeURIComponent(claimNo)}${queueSearch(filters)}`;
}

export function queueHref(filters: Partial<ClaimsFilters>): string {
  return `/claims${queueSearch(filters)}`;
}

/** Only one of the two dates is set: the queue is not narrowed by date until the other one is. */
export function hasHalfDateRange(filters: Pick<ClaimsFilters, "from" | "to">): boolean {
  return (filters.from === null) !== (filters.to === null);
}
