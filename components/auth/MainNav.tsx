import { connection } from "next/server";
import Link from "next/link";
import { dashboards } from "@/components/home/DashboardDirectory";
import { getSessionUser } from "@/lib/auth/session";
import { canOpen } from "@/lib/auth/access";
import { LinkPending } from "./LinkPending";

/** The dashboards the signed-in role may open; the server refuses the others anyway. */
export async function MainNav() {
  // Per request: the header depends on the session, so it is never prerendered.
  await connection();
  const user = await getSessionUser();
  if (!user) return null;
  return (
    <nav aria-label="Main" className="order-last -mx-3 w-[calc(100%+1.5rem)] min-w-0 overflow-x-auto sm:order-none sm:mx-0 sm:w-auto">
      <ul className="flex items-center gap-1 whitespace-nowrap">
        {[...dashboards, { name: "Audit log", href: "/admin/audit" }]
          .filter((d) => canOpen(user.role, d.href))
          .map((dashboard) => (
            <li key={dashboard.href}>
              <Link
                href={dashboard.href}
                className="block rounded-md px-3 py-1.5 text-sm font-medium text-muted transition-colors hover:bg-surface-muted hover:text-foreground"
                prefetch={false}
              >
                {dashboard.name}
                <LinkPending />
              </Link>
            </li>
          ))}
      </ul>
    </nav>
  );
}
