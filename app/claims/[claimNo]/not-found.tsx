import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Claim not found" };

export default function ClaimNotFound() {
  return (
    <div className="mx-auto flex w-full max-w-6xl flex-col items-start px-6 py-20 sm:py-24" data-testid="claim-not-found">
      <p className="text-xs font-semibold uppercase tracking-[0.14em] text-accent-strong">404</p>
      <h1 className="mt-3 text-2xl font-semibold tracking-tight">No such claim</h1>
      <p className="mt-3 max-w-xl text-sm leading-6 text-muted">
        There is no claim with this number in the current gold tables. Check the number, or find the claim in the queue by the start of its claim or
        policy number.
      </p>
      <Link href="/claims" prefetch={false} className="mt-8 rounded-md bg-foreground px-4 py-2 text-sm font-medium text-background transition-opacity hover:opacity-90">
        Claims queue
      </Link>
    </div>
  );
}
