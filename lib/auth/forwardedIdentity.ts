import { resolveRole, type RoleMap } from "./roleMap";
import type { Role } from "./access";

// Databricks Apps puts its own proxy in front of the app and forwards who signed in as headers.
// They are trusted only in AUTH_MODE=databricks-apps; in every other mode they are ignored.
export interface ForwardedIdentity {
  email: string;
  name: string;
  role: Role | null;
}

const EMAIL = /^[^@\s]{1,100}@[^@\s]{1,150}$/;

export function forwardedIdentity(headers: Headers, roleMap: RoleMap): ForwardedIdentity | null {
  const email = headers.get("x-forwarded-email")?.trim().toLowerCase();
  if (!email || !EMAIL.test(email)) return null;
  const name = headers.get("x-forwarded-preferred-username")?.trim().slice(0, 200) || email;
  return { email, name, role: resolveRole(roleMap, email) };
}
