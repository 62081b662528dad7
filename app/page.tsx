import { Suspense } from "react";
import { DashboardDirectory } from "@/components/home/DashboardDirectory";
import { DataStatus } from "@/components/home/DataStatus";
import { getSessionUser } from "@/lib/auth/session";
import { canOpen } from "@/lib/auth/access";
import { PAGE_COLUMN } from "@/components/pageColumn";

export default async function HomePage() {
  const user = await getSessionUser();
  return (
    <div className={`${PAGE_COLUMN} py-12 sm:py-16`}>
      <div className="flex flex-col gap-6 sm:flex-row sm:items-end sm:justify-between">
        <div className="max-w-2xl">
          <p className="text-xs font-semibold uppercase tracking-[0.14em] text-accent-strong">Dashboards</p>
          <h1 className="mt-3 text-3xl font-semibold tracking-tight text-foreground sm:text-4xl">
            Insurance and engagement figures, one definition each
          </h1>
          <p className="mt-4 text-base leading-7 text-muted">
            Every dashboard reads the same gold tables, so a loss ratio, a claim check or a click ratio means the same
            thing wherever it appears.
          </p>
        </div>
        <Suspense fallback={null}>
          <DataStatus />
        </Suspense>
      </div>
      <div className="mt-10">
        <DashboardDirectory visible={(href) => user !== null && canOpen(user.role, href)} />
      </div>
    </div>
  );
}
