import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ACCESS_RULES, accessRuleFor, decideAccess, type Role } from "./access";

const appDir = path.resolve(import.meta.dirname, "../../app");

/** Every page and route handler under app/, as the route it serves (route groups dropped). */
function appRoutes(): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(appDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !/^(page|route)\.tsx?$/.test(entry.name)) continue;
    const rel = path.relative(appDir, entry.parentPath).split(path.sep).filter((s) => s && !/^\(.*\)$/.test(s));
    found.push(`/${rel.join("/")}`);
  }
  return found.sort();
}

describe("access table", () => {
  it("has a rule for every page and API route in the app, and no rule for a route that does not exist", () => {
    const routes = appRoutes();
    expect(routes.length).toBeGreaterThan(5);
    for (const route of routes) expect(accessRuleFor(route)?.route, `${route} has no access rule`).toBe(route);
    for (const rule of ACCESS_RULES) expect(routes, `rule for ${rule.route} names no app route`).toContain(rule.route);
  });

  const cases: Array<[string, string, Role | null, string]> = [
    ["/loss-summary", "GET", null, "sign-in"],
    ["/loss-summary", "GET", "executive", "allow"],
    ["/loss-summary", "GET", "marketing", "forbidden"],
    ["/api/claims/CLM0000001", "GET", "executive", "forbidden"],
    ["/api/claims/CLM0000001", "GET", "investigator", "allow"],
    ["/api/claims/CLM0000001/images/CLM0000001_1.svg", "GET", "marketing", "forbidden"],
    ["/api/claims/CLM0000001/decisions", "POST", "investigator", "allow"],
    ["/api/claims/CLM0000001/decisions", "DELETE", "admin", "method-not-allowed"],
    ["/api/engagement/accounts", "GET", "investigator", "forbidden"],
    ["/api/engagement/accounts", "GET", "marketing", "allow"],
    ["/api/decisions", "GET", "marketing", "forbidden"],
    ["/api/decisions", "GET", "admin", "allow"],
    ["/", "GET", null, "sign-in"],
    ["/signin", "GET", null, "allow"],
    ["/api/nothing-here", "GET", "admin", "no-route"],
    ["/api/claims/export", "GET", "investigator", "allow"],
    ["/api/claims/export", "GET", "executive", "forbidden"],
    ["/api/exports", "POST", "marketing", "allow"],
    ["/api/exports", "GET", "marketing", "method-not-allowed"],
    ["/admin/audit", "GET", "investigator", "forbidden"],
    ["/admin/audit", "GET", "admin", "allow"],
    ["/api/admin/audit", "GET", "executive", "forbidden"],
    ["/api/claims/A/B/C/D", "GET", "admin", "no-route"],
  ];
  it.each(cases)("%s %s as %s: %s", (route, method, role, expected) => {
    expect(decideAccess(route, method, role)).toBe(expected);
  });
});
