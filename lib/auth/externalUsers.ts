import "server-only";
import { prisma } from "../db";
import type { Role } from "./access";

// Users signed in by OIDC or Databricks Apps get an app database row on first sight, so their
// decisions and audit events point at a user; the role follows the current mapping.
const known = new Map<string, { id: string; role: Role; name: string; seenAt: number }>();
const RECHECK_MS = 5 * 60 * 1000;

export async function ensureExternalUser(email: string, name: string, role: Role): Promise<string> {
  const key = email.toLowerCase();
  const cached = known.get(key);
  if (cached && cached.role === role && cached.name === name && Date.now() - cached.seenAt < RECHECK_MS) return cached.id;
  const user = await prisma.user.upsert({
    where: { email: key },
    create: { email: key, name, role },
    update: { name, role },
    select: { id: true },
  });
  known.set(key, { id: user.id, role, name, seenAt: Date.now() });
  return user.id;
}
