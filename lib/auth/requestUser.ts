import "server-only";
import type { NextRequest } from "next/server";
import { ROLES } from "./access";
import { authConfig } from "./config";
import { readSessionToken } from "./sessionToken";
import { ensureExternalUser } from "./externalUsers";
import { forwardedIdentity } from "./forwardedIdentity";
import type { SessionUser } from "./options";

/** The signed-in user of a route handler's request (null without one). */
export async function getRequestUser(request: NextRequest): Promise<SessionUser | null> {
  const config = authConfig();
  if (config.mode === "databricks-apps") return forwardedUser(request.headers);
  const token = await readSessionToken(request, config.secret);
  const role = ROLES.find((r) => r === token?.role);
  if (!token?.sub || !token.email || !role) return null;
  return { id: token.sub, email: token.email, name: token.name ?? token.email, role };
}

/** databricks-apps mode: the forwarded identity, with its app database row. */
export async function forwardedUser(headers: Headers): Promise<SessionUser | null> {
  const config = authConfig();
  if (config.mode !== "databricks-apps") return null;
  const identity = forwardedIdentity(headers, config.roleMap);
  if (!identity?.role) return null;
  const id = await ensureExternalUser(identity.email, identity.name, identity.role);
  return { id, email: identity.email, name: identity.name, role: identity.role };
}
