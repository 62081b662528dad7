import { HydrationBoundary, QueryClient, QueryClientProvider, type DehydratedState } from "@tanstack/react-query";
import type { NextRequest } from "next/server";
import { NuqsTestingAdapter } from "nuqs/adapters/testing";
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestAppDatabase } from "@/lib/testing/appDatabase";
import { buildFixtureWarehouse, claim } from "@/lib/testing/rawFixture";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Warehouse } from "@/lib/warehouse/types";

// The queue renders outside Next here: its URL comes from the nuqs testing adapter and the router is not used.
let currentSearch = "";
vi.mock("next/navigation", () => ({
  useSearchParams: () => new URLSearchParams(currentSearch),
  useRouter: () => ({ push: () => {}, replace: () => {}, prefetch: () => {} }),
  usePathname: () => "/claims",
}));

// The pages' prefetch against the API routes over one fixture gold build and app database. Modules that
// reach the warehouse or the database are imported after DATA_DIR and DATABASE_URL point at the fixture.
let warehouse: Warehouse;
let prisma: PrismaClient;
let GET: (request: NextRequest) => Promise<Response>;
let claimsGET: (request: NextRequest) => Promise<Response>;
let detailGET: RouteHandler;
let telematicsGET: RouteHandler;
let prefetch: typeof import("./dashboardPrefetch");
let filters: typeof import("@/lib/lossSummaryFilters");
let request: typeof import("next/server");
let claimsQueueOptions: typeof import("@/hooks/useClaimsQueue").claimsQueueOptions;
let ClaimsQueue: typeof import("@/components/claims/ClaimsQueue").ClaimsQueue;
let ClaimCase: typeof import("@/components/claims/ClaimCase").ClaimCase;
let claimDetailOptions: typeof import("@/hooks/useClaimDetail").claimDetailOptions;
let claimTelematicsOptions: typeof import("@/hooks/useClaimTelematics").claimTelematicsOptions;
let logger: typeof import("@/lib/logger").logger;
let decidedBy: string;
let investigator: { id: string; email: string };

beforeAll(async () => {
  const built = await buildFixtureWarehouse({
    policies: [
      { policyNo: "100000001", eff: "01-01-2023", expiry: "01-01-2024", premium: 365, borough: "BROOKLYN", policyType: "COMP" },
      { policyNo: "200000002", eff: "01-01-2023", expiry: "01-01-2024", premium: 500, sumInsured: "20000.0", borough: "QUEENS", policyType: "COMP" },
    ],
    claims: [
      claim({ claim_no: "C1", policy_no: "100000001", claim_date: "2023-03-12", incident: { date: "2023-03-10", hour: 8, type: "Multi-vehicle Collision", severity: "Major Damage" }, claim_amount: { total: 100, injury: 10, property: 20, vehicle: 70 } }),
      claim({ claim_no: "C2", policy_no: "100000001", claim_date: "2024-01-02", incident: { date: "2024-01-01", hour: 9, severity: "Minor Damage" } }),
      claim({ claim_no: "C3", policy_no: "200000002", suspicious_activity: true, claim_date: "2023-05-02", incident: { date: "2023-05-01", hour: 17 }, claim_amount: { total: 25000, injury: 0, property: 5000, vehicle: 20000 } }),
    ],
    // C1's vehicle (policy 100000001) on the morning of its incident.
    telematics: [
      ["CH100000001", 40.7, -73.9, "2023-03-10 08:10:00", 31],
      ["CH100000001", 40.71, -73.91, "2023-03-10 08:16:00", 24],
      ["CH100000001", 40.72, -73.92, "2023-03-10 08:20:00", 0],
    ],
  });
  warehouse = built.warehouse;
  const db = await createTestAppDatabase();
  prisma = db.prisma;
  process.env.DATA_DIR = built.dataDir;
  process.env.DATABASE_URL = db.url;
  // The claim route reads its viewer from the session cookie, signed with this.
  process.env.NEXTAUTH_SECRET = "test-secret-that-is-long-enough-for-jwt-signing";
  ({ GET } = await import("@/app/api/loss-summary/route"));
  ({ GET: claimsGET } = await import("@/app/api/claims/route"));
  ({ GET: detailGET } = await import("@/app/api/claims/[claimNo]/route"));
  ({ GET: telematicsGET } = await import("@/app/api/claims/[claimNo]/telematics/route"));
  prefetch = await import("./dashboardPrefetch");
  filters = await import("@/lib/lossSummaryFilters");
  request = await import("next/server");
  ({ claimsQueueOptions } = await import("@/hooks/useClaimsQueue"));
  ({ ClaimsQueue } = await import("@/components/claims/ClaimsQueue"));
  ({ ClaimCase } = await import("@/components/claims/ClaimCase"));
  ({ claimDetailOptions } = await import("@/hooks/useClaimDetail"));
  ({ claimTelematicsOptions } = await import("@/hooks/useClaimTelematics"));
  ({ logger } = await import("@/lib/logger"));
  const { recordDecision } = await import("@/lib/decisions");
  const user = await prisma.user.findUniqueOrThrow({ where: { email: "investigator@goldlens.local" } });
  const { decision } = await recordDecision(prisma, { claimNo: "C1", decision: "refer_fraud", note: "Seen before", expectedVersion: 0, idempotencyKey: "prefetch-test-1", userId: user.id });
  decidedBy = decision.decidedBy;
  investigator = { id: user.id, email: user.email };
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

afterAll(async () => {
  await warehouse.close();
  await prisma.$disconnect();
});

describe("the Loss Summary prefetch", () => {
  it("is what the API route then answers the client, from the same cache", async () => {
    const state = await prefetch.prefetchDashboard(prefetch.lossSummaryPrefetch(filters.loadLossSummaryFilters({ borough: "brooklyn", utm_source: "mail" })));
    expect(state.queries).toHaveLength(1);
    const response = await GET(new request.NextRequest("http://localhost/api/loss-summary?borough=brooklyn"));
    expect(response.headers.get("x-cache")).toBe("hit");
    expect(state.queries[0]!.state.data).toEqual(await response.json());
  });

  it("is left out when the API would refuse the query", async () => {
    const state = await prefetch.prefetchDashboard(prefetch.lossSummaryPrefetch(filters.loadLossSummaryFilters({ borough: "Atlantis" })));
    expect(state.queries).toEqual([]);
  });
});

/** searchParams as Next.js hands them to a page. */
const pageParams = (search: string) => Object.fromEntries(new URLSearchParams(search));

type RouteHandler = (request: NextRequest, context: { params: Promise<{ claimNo: string }> }) => Promise<Response>;

/**
 * The client hooks' fetch answered by a route handler (status and body as sent); `claimNoAt` picks the
 * claim number out of the URL's path for routes under /api/claims/{claimNo}. Returns the URLs fetched.
 */
function fetchThrough(handler: RouteHandler, claimNoAt = -1): string[] {
  const fetched: string[] = [];
  vi.stubGlobal("fetch", async (url: string, init?: RequestInit) => {
    fetched.push(url);
    const claimNo = decodeURIComponent(new URL(url, "http://localhost").pathname.split("/").at(claimNoAt)!);
    return handler(new request.NextRequest(new URL(url, "http://localhost"), { headers: init?.headers, signal: init?.signal ?? undefined }), {
      params: Promise.resolve({ claimNo }),
    });
  });
  return fetched;
}

/** The client queue's own query for this key, its fetch answered by GET /api/claims (status and body as sent). */
async function clientAnswer(queryKey: readonly unknown[]): Promise<unknown> {
  const [, query] = queryKey as ReturnType<typeof claimsQueueOptions>["queryKey"];
  const fetched = fetchThrough(claimsGET);
  const data = await new QueryClient().fetchQuery({ ...claimsQueueOptions(query), retry: false });
  expect(fetched).toHaveLength(1);
  expect(fetched[0]).toMatch(/^\/api\/claims\?/);
  return data;
}

describe("the claims queue prefetch", () => {
  const searches = [
    "",
    "sort=amountTotal&dir=asc",
    "sort=claimNo&dir=asc&pageSize=2&page=2",
    "decisionStatus=decided",
    "decisionStatus=undecided&suspicious=true",
    "failedCheck=policy_in_force",
    "q=C3",
    "borough=QUEENS&from=2023-01-01&to=2023-12-31&utm_source=mail",
  ];

  it.each(searches)("is what GET /api/claims answers the client for %j", async (search) => {
    const { queryKey, queryFn } = prefetch.claimsQueuePrefetch(pageParams(search));
    const state = await prefetch.prefetchDashboard({ queryKey, queryFn });
    expect(state.queries).toHaveLength(1);
    expect(state.queries[0]!.queryKey).toEqual(queryKey);
    expect(state.queries[0]!.state.data).toEqual(await clientAnswer(queryKey));
  });

  it("answers the filters in the URL, not the default queue", async () => {
    const rowsFor = async (search: string) => {
      const state = await prefetch.prefetchDashboard(prefetch.claimsQueuePrefetch(pageParams(search)));
      return (state.queries[0]!.state.data as { rows: Array<{ claimNo: string; decision: unknown }> }).rows;
    };
    expect((await rowsFor("")).map((r) => r.claimNo).sort()).toEqual(["C1", "C2", "C3"]);
    expect((await rowsFor("q=C3")).map((r) => r.claimNo)).toEqual(["C3"]);
    expect((await rowsFor("sort=claimNo&dir=asc&pageSize=2&page=2")).map((r) => r.claimNo)).toEqual(["C3"]);
    const decided = await rowsFor("decisionStatus=decided");
    expect(decided.map((r) => r.claimNo)).toEqual(["C1"]);
    expect(decided[0]!.decision).toMatchObject({ decision: "refer_fraud", version: 1, decidedBy });
  });

  it.each(["failedCheck=no_such_rule", "from=2023-12-31&to=2023-01-01", "policyType=%3Cscript%3E"])(
    "is left out and logged when the API refuses %j, so the client fetches and shows the API's error",
    async (search) => {
      const warn = vi.spyOn(logger, "warn");
      const { queryKey, queryFn } = prefetch.claimsQueuePrefetch(pageParams(search));
      const state = await prefetch.prefetchDashboard({ queryKey, queryFn });
      expect(state.queries).toEqual([]);
      expect(warn).toHaveBeenCalledTimes(1);
      await expect(clientAnswer(queryKey)).rejects.toMatchObject({ name: "ClaimsApiError", status: 400 });
    },
  );

  it("puts the counters and the queue, with their decisions, in the first HTML", async () => {
    const render = (search: string, state: DehydratedState) => {
      currentSearch = search;
      const queue = createElement(HydrationBoundary, { state }, createElement(ClaimsQueue));
      return renderToString(
        createElement(QueryClientProvider, { client: new QueryClient() }, createElement(NuqsTestingAdapter, { searchParams: search, children: queue })),
      );
    };
    const search = "sort=claimNo&dir=asc";
    const html = render(search, await prefetch.prefetchDashboard(prefetch.claimsQueuePrefetch(pageParams(search))));
    expect(html).toMatch(/data-tile="counters" data-state="loaded"/);
    expect(html).toMatch(/data-tile="queue" data-state="loaded"/);
    const rows = [...html.matchAll(/data-claim-row="([^"]+)"/g)].map((m) => m[1]);
    expect(rows).toEqual(["C1", "C2", "C3"]);
    const c1 = html.slice(html.indexOf('data-claim-row="C1"'), html.indexOf('data-claim-row="C2"'));
    expect(c1).toContain(decidedBy);
    expect(html.slice(html.indexOf('data-claim-row="C2"'))).toContain("Undecided");

    // Without a prefetched answer the page renders as before and the client fetches.
    const refused = render("failedCheck=no_such_rule", await prefetch.prefetchDashboard(prefetch.claimsQueuePrefetch(pageParams("failedCheck=no_such_rule"))));
    expect(refused).toMatch(/data-tile="counters" data-state="loading"/);
    expect(refused).toMatch(/data-tile="queue" data-state="loading"/);
  });
});

describe("the claim case prefetch", () => {
  const views = (claimNo: string) => prisma.auditEvent.findMany({ where: { action: "claim.viewed", target: claimNo }, orderBy: { id: "asc" } });

  it("is what GET /api/claims/{claimNo} answers the client hook", async () => {
    const state = await prefetch.prefetchDashboard(prefetch.claimCasePrefetch("C1", investigator, "req-same"));
    expect(state.queries).toHaveLength(1);
    expect(state.queries[0]!.queryKey).toEqual(claimDetailOptions("C1").queryKey);
    fetchThrough(detailGET);
    const fromClient = await new QueryClient().fetchQuery({ ...claimDetailOptions("C1"), retry: false });
    expect(state.queries[0]!.state.data).toEqual(fromClient);
    // C1's decision comes with it, as the decision panel needs it.
    expect((fromClient as { decision: { version: number; decidedBy: string } }).decision).toMatchObject({ version: 1, decidedBy });
  });

  it("hands over the trip's telematics as GET /api/claims/{claimNo}/telematics answers the client hook", async () => {
    const { state, failures } = await prefetch.prefetchPage(prefetch.claimTelematicsPrefetch("C1"));
    expect(failures).toEqual([null]);
    expect(state.queries[0]!.queryKey).toEqual(claimTelematicsOptions("C1").queryKey);
    fetchThrough(telematicsGET, -2);
    const fromClient = await new QueryClient().fetchQuery({ ...claimTelematicsOptions("C1"), retry: false });
    expect(state.queries[0]!.state.data).toEqual(fromClient);
    // The path and its three points.
    expect((fromClient as { features: unknown[] }).features).toHaveLength(4);
  });

  it("puts the view on record once, under the viewer and the page's request id", async () => {
    const before = (await views("C3")).length;
    const { state, failures } = await prefetch.prefetchPage(prefetch.claimCasePrefetch("C3", investigator, "req-case-page"));
    expect(failures).toEqual([null]);
    expect(state.queries).toHaveLength(1);
    const after = await views("C3");
    expect(after).toHaveLength(before + 1);
    expect(after.at(-1)).toMatchObject({ userId: investigator.id, actorEmail: investigator.email, requestId: "req-case-page" });
  });

  it("answers an unknown claim with not_found, hands over nothing, records no view and logs no warning", async () => {
    const warn = vi.spyOn(logger, "warn");
    const { state, failures } = await prefetch.prefetchPage(prefetch.claimCasePrefetch("C404", investigator, "req-unknown"));
    expect((await import("./errors")).isNotFound(failures[0])).toBe(true);
    expect(state.queries).toEqual([]);
    expect(await views("C404")).toEqual([]);
    expect(warn).not.toHaveBeenCalled();
  });

  it("puts the claim, its details and its decision in the first HTML instead of the loading screen", async () => {
    const render = (state: DehydratedState) => {
      currentSearch = "";
      const page = createElement(HydrationBoundary, { state }, createElement(ClaimCase, { claimNo: "C1", viewerEmail: investigator.email }));
      return renderToString(createElement(QueryClientProvider, { client: new QueryClient() }, createElement(NuqsTestingAdapter, { searchParams: "", children: page })));
    };
    const { state } = await prefetch.prefetchPage(prefetch.claimCasePrefetch("C1", investigator, "req-html"), prefetch.claimTelematicsPrefetch("C1"));
    const html = render(state);
    expect(html).toMatch(/data-tile="claim" data-state="loaded"/);
    for (const tile of ["claim-details", "policy-details", "driver-details", "vehicle-details", "assessment", "decision", "telematics"]) {
      expect(html).toMatch(new RegExp(`data-tile="${tile}"[^>]*data-state="loaded"`));
    }
    expect(html).toContain("100000001");
    expect(html).toContain(decidedBy);

    // Without a prefetched answer the page shows its loading screen and the client fetches, as before.
    expect(render({ mutations: [], queries: [] })).toMatch(/data-tile="claim" data-state="loading"/);
  });
});
