import "server-only";
import { getServerSession } from "next-auth";
import { ROLES } from "./access";
import { authOptions, type SessionUser } from "./options";

/** The signed-in user of the current request, or null. */
export async function getSessionUser(): Promise<SessionUser | null> {
  const session = await getServerSession(authOptions());
  const u = session?.user as { id?: string; email?: string | null; name?: string | null; role?: string | null } | undefined;
  const role = ROLES.find((r) => r === u?.role);
  if (!u?.id || !u.email || !role) return null;
  return { id: u.id, email: u.email, name: u.name ?? u.email, role };
}
