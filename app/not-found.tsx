import type { Metadata } from "next";
import Link from "next/link";
import { PAGE_COLUMN } from "@/components/pageColumn";

export const metadata: Metadata = { title: "Page not found" };

export default function NotFound() {
  return (
    <div className={`${PAGE_COLUMN} flex flex-col items-start py-20 sm:py-24`}>
      <p className="text-xs font-semibold uppercase tracking-[0.14em] text-accent-strong">404</p>
      <h1 className="mt-3 text-2xl font-semibold tracking-tight">Page not found</h1>
      <p className="mt-3 max-w-xl text-sm leading-6 text-muted">
        The page you asked for does not exist, or the record it pointed to is no longer available.
      </p>
      <Link
        href="/"
        className="mt-8 rounded-md bg-foreground px-4 py-2 text-sm font-medium text-background transition-opacity hover:opacity-90"
        prefetch={false}
      >
        All dashboards
      </Link>
    </div>
  );
}
