import path from "node:path";
import type { Role } from "../lib/auth/access";

/** Where the signed-in session of a demo role is kept between the setup project and the tests. */
export function storageStateFor(role: Role): string {
  return path.join(import.meta.dirname, ".auth", `${role}.json`);
}
