"use client";

import Link from "next/link";
import { useEffect } from "react";

export default function ClaimsQueueError({ error, retry }: { error: unknown; retry: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);

  const digest = error instanceof Error && "digest" in error && typeof error.digest === "string" ? error.digest : undefined;

  return (
    <div className="mx-auto flex w-full max-w-6xl flex-col items-start px-6 py-20 sm:py-24" role="alert">
      <p className="text-xs font-semibold uppercase tracking-[0.14em] text-danger">Claims queue</p>
      <h1 className="mt-3 text-2xl font-semibold tracking-tight">The claims queue could not be shown</h1>
      <p className="mt-3 max-w-xl text-sm leading-6 text-muted">
        Something went wrong while preparing the queue. Trying again usually helps; if it keeps happening, share the reference below with your
        administrator.
      </p>
      {digest ? <p className="mt-4 rounded-md bg-surface-muted px-3 py-1.5 font-mono text-xs text-muted">Reference {digest}</p> : null}
      <div className="mt-8 flex items-center gap-3">
        <button
          type="button"
          onClick={() => retry()}
          className="rounded-md bg-foreground px-4 py-2 text-sm font-medium text-background transition-opacity hover:opacity-90"
        >
          Try again
        </button>
        <Link href="/claims" prefetch={false} className="rounded-md border border-border px-4 py-2 text-sm font-medium text-foreground hover:bg-surface-muted">
          Reset filters
        </Link>
      </div>
    </div>
  );
}
