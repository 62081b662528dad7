import { connection } from "next/server";
import { getSessionUser } from "@/lib/auth/session";
import { authConfig } from "@/lib/auth/config";
import { SignOutButton } from "./SignOutButton";

const ROLE_LABELS = { executive: "Executive", investigator: "Investigator", marketing: "Marketing", admin: "Admin" } as const;

/** Whose view this is: the signed-in user, their role, sign-out, and the demo badge in demo mode. */
export async function UserMenu() {
  // Per request: the header depends on the session, so it is never prerendered.
  await connection();
  const user = await getSessionUser();
  const mode = authConfig().mode;
  const demo = mode === "demo";
  return (
    <div className="ml-auto flex items-center gap-3 text-sm text-muted">
      {demo && (
        <span className="hidden rounded-full border border-accent-strong/40 px-2 py-0.5 text-[11px] font-semibold uppercase tracking-wide text-accent-strong sm:inline">
          Demo mode
        </span>
      )}
      {user ? (
        <>
          <span className="hidden text-right leading-tight md:block">
            <span className="block text-foreground">{user.name}</span>
            <span className="block text-xs">{ROLE_LABELS[user.role]}</span>
          </span>
          {/* Behind Databricks Apps the workspace owns the session. */}
          {mode !== "databricks-apps" && <SignOutButton />}
        </>
      ) : null}
    </div>
  );
}
