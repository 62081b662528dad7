import { hashKey, type QueryKey } from "@tanstack/react-query";
import { NuqsTestingAdapter } from "nuqs/adapters/testing";
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { toClaimsQuery } from "@/components/claims/queueParams";
import { engagementFilterParsers, loadEngagementFilters, toEngagementQuery, type EngagementFilters } from "@/components/engagement/filters";
import { useClaimsFilters } from "@/hooks/useClaimsFilters";
import { claimsQueueOptions } from "@/hooks/useClaimsQueue";
import { engagementQueryOptions } from "@/hooks/useEngagement";
import { lossSummaryQueryOptions } from "@/hooks/useLossSummary";
import { loadLossSummaryFilters, lossSummaryFilterParsers, toLossSummaryQuery, type LossSummaryFilters } from "@/lib/lossSummaryFilters";
import { claimsQueuePrefetch, engagementPrefetch, lossSummaryPrefetch, prefetchDashboard } from "./dashboardPrefetch";

/** searchParams as Next.js hands them to a page: a repeated parameter becomes an array. */
function nextSearchParams(search: string): Record<string, string | string[]> {
  const raw: Record<string, string | string[]> = {};
  const params = new URLSearchParams(search);
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    raw[key] = values.length > 1 ? values : values[0]!;
  }
  return raw;
}

/** The filters as nuqs's useQueryStates reads them in the browser: the first value of each key, parsed, else null. */
function browserFilters<P extends Record<string, { parse: (value: string) => unknown }>>(parsers: P, search: string): Record<keyof P, unknown> {
  const params = new URLSearchParams(search);
  const entries = Object.entries(parsers).map(([key, parser]) => {
    const value = params.get(key);
    if (value === null) return [key, null];
    try {
      return [key, parser.parse(value) ?? null];
    } catch {
      return [key, null];
    }
  });
  return Object.fromEntries(entries) as Record<keyof P, unknown>;
}

const sameKey = (a: QueryKey, b: QueryKey) => expect(hashKey(a)).toBe(hashKey(b));

describe("Loss Summary prefetch key", () => {
  const urls = [
    "",
    "?from=2025-01-01&to=2025-12-31",
    "?from=2025-01-01",
    "?borough=Queens&severity=Total%20Loss&hour=0",
    "?from=2025-01-01&to=2025-12-31&make=Ford&incidentType=Vehicle%20Theft",
    "?utm_source=mail&tab=map",
    "?hour=24&severity=Bad&from=2025-02-30&to=2025-03-01",
    "?borough=Queens&borough=Bronx",
    "?policyType=",
  ];

  it.each(urls)("is the key the dashboard builds in the browser for %j", (search) => {
    const server = lossSummaryPrefetch(loadLossSummaryFilters(nextSearchParams(search))).queryKey;
    const client = lossSummaryQueryOptions(toLossSummaryQuery(browserFilters(lossSummaryFilterParsers, search) as LossSummaryFilters)).queryKey;
    sameKey(server, client);
  });

  it("leaves the period out when the URL has none, as the client does (the API picks the default)", () => {
    expect(lossSummaryPrefetch(loadLossSummaryFilters({})).queryKey).toEqual(["loss-summary", {}]);
    expect(lossSummaryPrefetch(loadLossSummaryFilters({ from: "2025-01-01" })).queryKey).toEqual(["loss-summary", {}]);
  });
});

describe("Email Engagement prefetch key", () => {
  const urls = [
    "",
    "?from=2025-06-01&to=2026-05-31",
    "?campaignId=5041",
    "?country=germany",
    "?from=2025-06-01&to=2026-05-31&campaignId=5041&country=Germany",
    "?utm_source=mail&view=table",
    "?campaignId=0&to=2025-13-01",
    "?country=France&country=Spain",
  ];

  it.each(urls)("is the key the dashboard builds in the browser for %j", (search) => {
    const server = engagementPrefetch(loadEngagementFilters(nextSearchParams(search))).queryKey;
    const client = engagementQueryOptions(toEngagementQuery(browserFilters(engagementFilterParsers, search) as EngagementFilters)).queryKey;
    sameKey(server, client);
  });

  it("leaves the period out when the URL has none", () => {
    expect(engagementPrefetch(loadEngagementFilters({ campaignId: "7" })).queryKey).toEqual(["engagement", { campaignId: 7 }]);
  });
});

/** The key the claims queue asks for in the browser: its URL hook (nuqs's own reading of the URL) as ClaimsQueue uses it. */
function clientClaimsKey(search: string): QueryKey {
  let key: QueryKey | undefined;
  function Queue() {
    const [filters] = useClaimsFilters();
    key = claimsQueueOptions(toClaimsQuery(filters)).queryKey;
    return null;
  }
  renderToString(createElement(NuqsTestingAdapter, { searchParams: search, children: createElement(Queue) }));
  if (!key) throw new Error("the queue did not render");
  return key;
}

describe("Claims queue prefetch key", () => {
  const urls = [
    "",
    "?sort=amountTotal&dir=asc",
    "?page=3&pageSize=25",
    "?failedCheck=policy_in_force&decisionStatus=undecided",
    "?suspicious=true&nextBestAction=investigate",
    "?q=%20K1%20",
    "?q=bad%20value!&decisionStatus=maybe",
    "?from=2023-01-01&to=2023-12-31&borough=QUEENS&severity=Major%20Damage&hour=8",
    "?from=2023-01-01&policyType=&make=Ford&incidentType=Vehicle%20Theft",
    "?suspicious=yes&sort=bogus&dir=up&page=0&pageSize=500",
    "?sort=claimNo&sort=amountTotal&page=2&page=5",
    "?failedCheck=Not-A-Rule&decisionStatus=decided&utm_source=mail",
    "?page=2&q=K&decisionStatus=decided&sort=severity&dir=asc&pageSize=100",
  ];

  it.each(urls)("is the key the queue builds in the browser for %j", (search) => {
    sameKey(claimsQueuePrefetch(nextSearchParams(search)).queryKey, clientClaimsKey(search));
  });

  it("differs between URLs that ask for different queues", () => {
    const keys = urls.map((search) => hashKey(claimsQueuePrefetch(nextSearchParams(search)).queryKey));
    // The three URLs with nothing readable beyond defaults ask for the default queue.
    expect(new Set(keys).size).toBe(urls.length - 2);
  });

  it("reads sort and paging with their defaults, and drops what the API could not take", () => {
    expect(claimsQueuePrefetch({}).queryKey).toEqual(["claims", { sort: "incidentDate", dir: "desc", page: 1, pageSize: 50 }]);
    expect(claimsQueuePrefetch({ sort: "amountTotal", page: "2", from: "2023-01-01", q: " K1 ", suspicious: "yes" }).queryKey).toEqual([
      "claims",
      { sort: "amountTotal", dir: "desc", page: 2, pageSize: 50, q: "K1" },
    ]);
  });
});

describe("prefetchDashboard", () => {
  it("hands over a successful answer under its key", async () => {
    const state = await prefetchDashboard({ queryKey: ["loss-summary", {}], queryFn: async () => ({ ok: true }) });
    expect(state.queries.map((q) => [q.queryKey, q.state.data])).toEqual([[["loss-summary", {}], { ok: true }]]);
  });

  it("hands over nothing when the answer fails, so the client fetches and shows its own error", async () => {
    const state = await prefetchDashboard({
      queryKey: ["engagement", {}],
      queryFn: async () => {
        throw new Error("warehouse unavailable");
      },
    });
    expect(state.queries).toEqual([]);
  });
});
