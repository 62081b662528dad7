import "server-only";
import type { NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";
import { ROLES } from "./access";
import { authConfig } from "./config";
import type { SessionUser } from "./options";

/** The signed-in user of a route handler's request, read from its session cookie (null without one). */
export async function getRequestUser(request: NextRequest): Promise<SessionUser | null> {
  const token = await getToken({ req: request, secret: authConfig().secret });
  const role = ROLES.find((r) => r === token?.role);
  if (!token?.sub || !token.email || !role) return null;
  return { id: token.sub, email: token.email, name: token.name ?? token.email, role };
}
