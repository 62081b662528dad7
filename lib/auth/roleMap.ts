import { ROLES, type Role } from "./access";

// Who gets which role when identities come from outside (OIDC or Databricks Apps).
// AUTH_ROLE_MAP is a comma-separated list of `pattern=role` entries, where pattern is
//   an exact email            ana@insurer.com=investigator
//   every address of a domain *@insurer.com=executive
//   a group or role claim     group:claims-team=investigator
// The most specific match wins: exact email, then group, then domain; AUTH_DEFAULT_ROLE covers the rest.
// Several groups matching different roles resolve to the role listed first in the map.

export interface RoleMapEntry {
  kind: "email" | "group" | "domain";
  value: string;
  role: Role;
}

export interface RoleMap {
  entries: readonly RoleMapEntry[];
  defaultRole: Role | null;
}

const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);

/** Parses AUTH_ROLE_MAP; a malformed entry throws with the entry and what is wrong with it. */
export function parseRoleMap(text: string, defaultRole: string | undefined = undefined): RoleMap {
  const entries: RoleMapEntry[] = [];
  for (const raw of text.split(",")) {
    const entry = raw.trim();
    if (entry === "") continue;
    const eq = entry.lastIndexOf("=");
    if (eq <= 0) throw new Error(`AUTH_ROLE_MAP entry "${entry}" is not pattern=role`);
    const pattern = entry.slice(0, eq).trim();
    const role = entry.slice(eq + 1).trim().toLowerCase();
    if (!isRole(role)) throw new Error(`AUTH_ROLE_MAP entry "${entry}": role must be one of ${ROLES.join(", ")}`);
    if (pattern.startsWith("group:")) {
      const group = pattern.slice("group:".length).trim();
      if (group === "") throw new Error(`AUTH_ROLE_MAP entry "${entry}" names an empty group`);
      entries.push({ kind: "group", value: group, role });
    } else if (pattern.startsWith("*@")) {
      const domain = pattern.slice(2).toLowerCase();
      if (!/^[a-z0-9.-]+\.[a-z]{2,}$/.test(domain)) throw new Error(`AUTH_ROLE_MAP entry "${entry}" has an invalid domain`);
      entries.push({ kind: "domain", value: domain, role });
    } else if (/^[^@\s]+@[^@\s]+$/.test(pattern)) {
      entries.push({ kind: "email", value: pattern.toLowerCase(), role });
    } else {
      throw new Error(`AUTH_ROLE_MAP entry "${entry}": pattern must be an email, *@domain or group:<name>`);
    }
  }
  let fallback: Role | null = null;
  if (defaultRole !== undefined && defaultRole !== "") {
    const role = defaultRole.trim().toLowerCase();
    if (!isRole(role)) throw new Error(`AUTH_DEFAULT_ROLE must be one of ${ROLES.join(", ")}`);
    fallback = role;
  }
  return { entries, defaultRole: fallback };
}

/** The role of an identity, or null when nothing maps it (the user is then refused). */
export function resolveRole(map: RoleMap, email: string, groups: readonly string[] = []): Role | null {
  const address = email.trim().toLowerCase();
  const exact = map.entries.find((e) => e.kind === "email" && e.value === address);
  if (exact) return exact.role;
  const group = map.entries.find((e) => e.kind === "group" && groups.includes(e.value));
  if (group) return group.role;
  // A claim holding a role name itself (e.g. roles: ["investigator"]) counts when no group entry matched.
  const named = groups.map((g) => g.toLowerCase()).find(isRole);
  if (named) return named;
  const domain = address.slice(address.lastIndexOf("@") + 1);
  const byDomain = map.entries.find((e) => e.kind === "domain" && e.value === domain);
  if (byDomain) return byDomain.role;
  return map.defaultRole;
}
