import Link from "next/link";

export const metadata = { title: "Not available for your role" };

export default function ForbiddenPage() {
  return (
    <div className="mx-auto w-full max-w-xl px-6 py-20 text-center">
      <p className="text-xs font-semibold uppercase tracking-[0.14em] text-accent-strong">403</p>
      <h1 className="mt-3 text-2xl font-semibold tracking-tight text-foreground">This page is not available for your role</h1>
      <p className="mt-3 text-muted">Your account can open the dashboards listed on the home page. Ask an administrator if you need more access.</p>
      <Link href="/" prefetch={false} className="mt-6 inline-block rounded-md border border-border px-4 py-2 text-sm font-medium hover:border-border-strong">
        Back to the dashboards
      </Link>
    </div>
  );
}
