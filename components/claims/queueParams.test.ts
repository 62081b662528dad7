import { createLoader } from "nuqs/server";
import { describe, expect, it } from "vitest";
import { claimsQuery } from "@/lib/api/claimsSchema";
import { claimsApiSearch, claimsFilterParsers, caseHref, filtersAfter, queueHref, toClaimsQuery } from "./queueParams";

const load = createLoader(claimsFilterParsers);

describe("the queue's URL parameters", () => {
  it("read the Loss Summary drill-through as it sends it", () => {
    const filters = load("?from=2025-07-01&to=2026-06-30&policyType=COMP&borough=BROOKLYN&make=BMW&incidentType=Parked+Car&severity=Total+Loss&hour=8");
    expect(toClaimsQuery(filters)).toEqual({
      from: "2025-07-01",
      to: "2026-06-30",
      policyType: "COMP",
      borough: "BROOKLYN",
      make: "BMW",
      incidentType: "Parked Car",
      severity: "Total Loss",
      hour: 8,
      sort: "incidentDate",
      dir: "desc",
      page: 1,
      pageSize: 50,
    });
  });

  it("send the API only what it accepts: dates as a pair, no unparseable values", () => {
    const filters = load("?from=2025-07-01&hour=25&severity=Bad&suspicious=maybe&failedCheck=DROP+TABLE&q=%3Cscript%3E&page=0");
    const query = toClaimsQuery(filters);
    expect(query).toEqual({ sort: "incidentDate", dir: "desc", page: 1, pageSize: 50 });
    expect(claimsQuery.safeParse(Object.fromEntries(new URLSearchParams(claimsApiSearch(query)))).success).toBe(true);
  });

  it("build an API query string the API's own schema accepts", () => {
    const filters = load("?failedCheck=severity_consistent&suspicious=true&nextBestAction=investigate&decisionStatus=undecided&q=CLM75&sort=amountTotal&dir=asc&page=3&pageSize=25");
    const search = claimsApiSearch(toClaimsQuery(filters));
    expect(search).toBe("failedCheck=severity_consistent&suspicious=true&nextBestAction=investigate&decisionStatus=undecided&q=CLM75&sort=amountTotal&dir=asc&page=3&pageSize=25");
    const parsed = claimsQuery.parse(Object.fromEntries(new URLSearchParams(search)));
    expect(parsed).toMatchObject({ failedCheck: "severity_consistent", suspicious: true, page: 3, pageSize: 25 });
  });

  it("carry the queue's view into a case link and back, leaving defaults out", () => {
    const filters = load("?failedCheck=policy_in_force&sort=incidentDate&dir=desc&page=2");
    expect(caseHref("CLM1/2", filters)).toBe("/claims/CLM1%2F2?failedCheck=policy_in_force&page=2");
    expect(queueHref(filters)).toBe("/claims?failedCheck=policy_in_force&page=2");
  });
});

describe("filtersAfter", () => {
  const current = load("?borough=BROOKLYN&sort=amountTotal&dir=asc&page=3&pageSize=25");

  it("reads a cleared key as its default and keeps the rest", () => {
    const next = filtersAfter({ ...current, severity: "Total Loss", page: null, dir: null });
    expect(next).toMatchObject({ borough: "BROOKLYN", severity: "Total Loss", sort: "amountTotal", dir: "desc", page: 1, pageSize: 25 });
  });

  it("drops what the URL would not keep, as the queue reading it back would", () => {
    expect(filtersAfter({ ...current, q: " CLM75 " }).q).toBe("CLM75");
    expect(filtersAfter({ ...current, q: "<script>" }).q).toBeNull();
    expect(filtersAfter({ ...current, hour: 8 }).hour).toBe(8);
  });
});
