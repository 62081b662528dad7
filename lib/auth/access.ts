// Who may open what: the one table the proxy enforces for every page and API route.

export const ROLES = ["executive", "investigator", "marketing", "admin"] as const;
export type Role = (typeof ROLES)[number];

type Access = "public" | "signed-in" | readonly Role[];

export interface AccessRule {
  /** A route as the app folder names it, e.g. /api/claims/[claimNo]; [name] is one path segment, [...name] the rest. */
  route: string;
  access: Access;
  /** Methods the route answers; others get 405. */
  methods?: readonly string[];
}

const EXECUTIVE_VIEW = ["executive", "investigator", "admin"] as const satisfies readonly Role[];
const CLAIMS = ["investigator", "admin"] as const satisfies readonly Role[];
const ENGAGEMENT = ["executive", "marketing", "admin"] as const satisfies readonly Role[];
const ADMIN = ["admin"] as const satisfies readonly Role[];

export const ACCESS_RULES: readonly AccessRule[] = [
  { route: "/signin", access: "public" },
  { route: "/forbidden", access: "signed-in" },
  { route: "/api/auth/[...nextauth]", access: "public", methods: ["GET", "POST"] },
  { route: "/", access: "signed-in" },
  { route: "/loss-summary", access: EXECUTIVE_VIEW },
  { route: "/api/loss-summary", access: EXECUTIVE_VIEW, methods: ["GET"] },
  { route: "/engagement", access: ENGAGEMENT },
  { route: "/claims", access: CLAIMS },
  { route: "/claims/[claimNo]", access: CLAIMS },
  { route: "/api/claims", access: CLAIMS, methods: ["GET"] },
  // Before [claimNo], which would match it too: the first matching rule applies.
  { route: "/api/claims/export", access: CLAIMS, methods: ["GET"] },
  { route: "/api/claims/[claimNo]", access: CLAIMS, methods: ["GET"] },
  { route: "/api/claims/[claimNo]/telematics", access: CLAIMS, methods: ["GET"] },
  { route: "/api/claims/[claimNo]/images/[imageName]", access: CLAIMS, methods: ["GET"] },
  { route: "/api/claims/[claimNo]/decisions", access: CLAIMS, methods: ["GET", "POST"] },
  { route: "/api/decisions", access: CLAIMS, methods: ["GET"] },
  { route: "/api/engagement", access: ENGAGEMENT, methods: ["GET"] },
  { route: "/api/engagement/accounts", access: ENGAGEMENT, methods: ["GET"] },
  { route: "/api/exports", access: "signed-in", methods: ["POST"] },
  { route: "/admin/audit", access: ADMIN },
  { route: "/api/admin/audit", access: ADMIN, methods: ["GET"] },
];

function compile(route: string): RegExp {
  const pattern = route
    .split("/")
    .map((segment) => {
      if (/^\[\.\.\.[^\]]+\]$/.test(segment)) return ".+";
      if (/^\[[^\]]+\]$/.test(segment)) return "[^/]+";
      return segment.replace(/[.*+?^${}()|\\]/g, "\\$&");
    })
    .join("/");
  return new RegExp(`^${pattern === "" ? "/" : pattern}/?$`);
}

const COMPILED = ACCESS_RULES.map((rule) => ({ rule, regex: compile(rule.route) }));

/** The rule for a path, or null when no rule covers it (the proxy then refuses it). */
export function accessRuleFor(pathname: string): AccessRule | null {
  return COMPILED.find((c) => c.regex.test(pathname))?.rule ?? null;
}

export type AccessDecision = "allow" | "sign-in" | "forbidden" | "no-route" | "method-not-allowed";

export function decideAccess(pathname: string, method: string, role: Role | null): AccessDecision {
  const rule = accessRuleFor(pathname);
  if (!rule) return "no-route";
  if (rule.methods && method !== "HEAD" && method !== "OPTIONS" && !rule.methods.includes(method)) return "method-not-allowed";
  if (rule.access === "public") return "allow";
  if (!role) return "sign-in";
  if (rule.access === "signed-in") return "allow";
  return rule.access.includes(role) ? "allow" : "forbidden";
}

export function canOpen(role: Role, route: string): boolean {
  return decideAccess(route, "GET", role) === "allow";
}
