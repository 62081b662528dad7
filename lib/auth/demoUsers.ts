import type { Role } from "./access";

/** The seeded users of demo mode, one per role. */
export const demoUsers: ReadonlyArray<{ email: string; name: string; role: Role }> = [
  { email: "exec@goldlens.local", name: "Demo Executive", role: "executive" },
  { email: "investigator@goldlens.local", name: "Demo Investigator", role: "investigator" },
  { email: "marketing@goldlens.local", name: "Demo Marketing Manager", role: "marketing" },
  { email: "admin@goldlens.local", name: "Demo Admin", role: "admin" },
];
