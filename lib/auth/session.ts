import "server-only";
import { getServerSession } from "next-auth";
import { headers } from "next/headers";
import { ROLES } from "./access";
import { authConfig } from "./config";
import { authOptions, type SessionUser } from "./options";
import { forwardedUser } from "./requestUser";

/** The signed-in user of the current request, or null. */
export async function getSessionUser(): Promise<SessionUser | null> {
  if (authConfig().mode === "databricks-apps") return forwardedUser(await headers());
  const session = await getServerSession(authOptions());
  const u = session?.user as { id?: string; email?: string | null; name?: string | null; role?: string | null } | undefined;
  const role = ROLES.find((r) => r === u?.role);
  if (!u?.id || !u.email || !role) return null;
  return { id: u.id, email: u.email, name: u.name ?? u.email, role };
}
