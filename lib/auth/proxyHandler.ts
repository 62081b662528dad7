import { NextResponse, type NextRequest } from "next/server";
import { ROLES, decideAccess, type Role } from "./access";
import { authConfig } from "./config";
import { readSessionToken } from "./sessionToken";
import { forwardedIdentity } from "./forwardedIdentity";

const json = (status: number, code: string, message: string, requestId: string) =>
  NextResponse.json({ error: { code, message } }, { status, headers: { "x-request-id": requestId } });

/** A state-changing API call must come from a page of this site (CSRF): Origin, or Sec-Fetch-Site, must say so. */
function crossSite(request: NextRequest): boolean {
  if (["GET", "HEAD", "OPTIONS"].includes(request.method)) return false;
  const origin = request.headers.get("origin");
  // The host the browser used (nextUrl may name the server's own bind address instead).
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (origin) {
    try {
      return new URL(origin).host !== host;
    } catch {
      return true;
    }
  }
  const site = request.headers.get("sec-fetch-site");
  return site !== null && site !== "same-origin" && site !== "none";
}

/** Who is asking: from the session cookie, or in databricks-apps mode from the headers the Apps proxy forwards. */
async function requestIdentity(request: NextRequest): Promise<{ role: Role | null; identified: boolean }> {
  const config = authConfig();
  if (config.mode === "databricks-apps") {
    const identity = forwardedIdentity(request.headers, config.roleMap);
    return { role: identity?.role ?? null, identified: identity !== null };
  }
  const token = await readSessionToken(request, config.secret);
  const role = ROLES.find((r) => r === token?.role) ?? null;
  return { role, identified: role !== null };
}

/** Every page and API request passes here: sign-in, the role table in access.ts, and the CSRF check. */
export async function handleProxy(request: NextRequest): Promise<NextResponse> {
  const requestId = request.headers.get("x-request-id") ?? crypto.randomUUID();
  const { pathname, search } = request.nextUrl;
  const isApi = pathname.startsWith("/api/");
  const { role, identified } = await requestIdentity(request);
  let decision = decideAccess(pathname, request.method, role);
  // Known to the identity provider but given no role by AUTH_ROLE_MAP: refused, not sent to sign in again.
  if (decision === "sign-in" && identified) decision = "forbidden";
  if (authConfig().mode === "databricks-apps" && pathname.startsWith("/api/auth/")) decision = "no-route";

  if (decision === "no-route") {
    if (isApi) return json(404, "not_found", `No API route ${pathname}.`, requestId);
  } else if (decision === "method-not-allowed") {
    return json(405, "method_not_allowed", `${request.method} is not supported on ${pathname}.`, requestId);
  } else if (decision === "sign-in") {
    if (isApi) return json(401, "unauthorized", "Sign in to use this API.", requestId);
    const signIn = new URL("/signin", request.url);
    signIn.searchParams.set("callbackUrl", `${pathname}${search}`);
    return NextResponse.redirect(signIn);
  } else if (decision === "forbidden") {
    if (isApi) {
      const message = role ? `Your role (${role}) may not use ${pathname}.` : "No Goldlens role is mapped to your account; ask an administrator to add you to AUTH_ROLE_MAP.";
      return json(403, "forbidden", message, requestId);
    }
    return NextResponse.rewrite(new URL("/forbidden", request.url), { status: 403 });
  }
  if (isApi && !pathname.startsWith("/api/auth/") && crossSite(request)) {
    return json(403, "forbidden", "Cross-site requests are refused.", requestId);
  }
  const headers = new Headers(request.headers);
  headers.set("x-request-id", requestId);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("x-request-id", requestId);
  if (!isApi) response.headers.set("content-security-policy", contentSecurityPolicy());
  return response;
}

/**
 * The map's worker is a file of this site started from a blob URL, charts use inline styles, and Next's
 * bootstrap is inline script. A basemap from MAP_STYLE_URL adds its origin to what the page may fetch.
 */
export function contentSecurityPolicy(): string {
  const mapOrigin = process.env.MAP_STYLE_URL ? ` ${new URL(process.env.MAP_STYLE_URL).origin}` : "";
  return [
    "default-src 'self'",
    "script-src 'self' 'unsafe-inline'",
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob:${mapOrigin}`,
    "font-src 'self' data:",
    `connect-src 'self'${mapOrigin}`,
    "worker-src 'self' blob:",
    "child-src 'self' blob:",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ].join("; ");
}
