"use client";

import Link from "next/link";
import { useEffect } from "react";
import { PAGE_COLUMN } from "@/components/pageColumn";

/** Next's error boundary props: `retry` asks the server again and re-renders; `reset` only re-renders. */
export type ErrorBoundaryProps = { error: unknown; retry: () => void };

/**
 * What a route's error boundary shows: what could not be shown, "Try again", and a way out. Server errors
 * reach the browser with a generic message; the digest is what links them to the server log.
 */
export function ErrorView({
  error,
  retry,
  eyebrow,
  title,
  what,
  detail = "Trying again usually helps; if it keeps happening, share the reference below with your administrator.",
  exit,
}: ErrorBoundaryProps & {
  eyebrow: string;
  title: string;
  /** What was being prepared, e.g. "the dashboard". */
  what: string;
  /** What to do about it, after "Something went wrong while preparing …". */
  detail?: string;
  exit: { href: string; label: string };
}) {
  useEffect(() => {
    console.error(error);
  }, [error]);

  const digest = error instanceof Error && "digest" in error && typeof error.digest === "string" ? error.digest : undefined;

  return (
    <div className={`${PAGE_COLUMN} flex flex-col items-start py-20 sm:py-24`} role="alert">
      <p className="text-xs font-semibold uppercase tracking-[0.14em] text-danger">{eyebrow}</p>
      <h1 className="mt-3 text-2xl font-semibold tracking-tight">{title}</h1>
      <p className="mt-3 max-w-xl text-sm leading-6 text-muted">
        Something went wrong while preparing {what}. {detail}
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
        <Link href={exit.href} prefetch={false} className="rounded-md border border-border px-4 py-2 text-sm font-medium text-foreground hover:bg-surface-muted">
          {exit.label}
        </Link>
      </div>
    </div>
  );
}
