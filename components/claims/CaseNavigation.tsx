"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import type { ClaimNeighbours } from "@/hooks/useClaimNeighbours";
import { formatCount } from "@/lib/format";
import { queueHref, type ClaimsFilters } from "./queueParams";

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

/**
 * Back to the queue the case was opened from, and the claims before and after it there. J and K step through
 * the queue, as in a mail client, unless the investigator is typing.
 */
export function CaseNavigation({
  filters,
  neighbours,
  previousHref,
  nextHref,
}: {
  filters: ClaimsFilters;
  neighbours: ClaimNeighbours;
  previousHref: string | null;
  nextHref: string | null;
}) {
  const router = useRouter();

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.metaKey || event.ctrlKey || event.altKey || isTyping(event.target)) return;
      const target = event.key === "j" ? nextHref : event.key === "k" ? previousHref : null;
      if (!target) return;
      event.preventDefault();
      router.push(target);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [router, nextHref, previousHref]);

  let where: string;
  if (neighbours.status === "loading") where = "Finding its place in the queue…";
  else if (neighbours.status === "error") where = "The queue could not be loaded";
  else if (neighbours.position !== null && neighbours.total !== null) where = `${formatCount(neighbours.position)} of ${formatCount(neighbours.total)} in the queue`;
  else if (neighbours.leftQueue) where = "No longer in this queue (its filters no longer match)";
  else where = "Not on this page of the queue";

  return (
    <nav aria-label="Queue" className="flex flex-wrap items-center gap-x-4 gap-y-2">
      <Link href={queueHref(filters)} prefetch={false} className="inline-flex items-center gap-1 rounded-md py-1 pr-2 text-sm font-medium text-accent-strong hover:underline">
        <svg width="14" height="14" viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="1.75" aria-hidden="true">
          <path d="M13 8H3M7 4 3 8l4 4" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
        Claims queue
      </Link>
      <p className="mr-auto text-xs tabular-nums text-muted" aria-live="polite" data-testid="queue-position">
        {where}
      </p>
      <div className="flex items-center gap-1.5">
        <StepLink href={previousHref} label="Previous claim" shortcut="K" direction="previous" />
        <StepLink href={nextHref} label="Next claim" shortcut="J" direction="next" />
      </div>
    </nav>
  );
}

function StepLink({ href, label, shortcut, direction }: { href: string | null; label: string; shortcut: string; direction: "previous" | "next" }) {
  const content = (
    <>
      {direction === "previous" ? <span aria-hidden="true">‹</span> : null}
      {direction === "previous" ? "Previous" : "Next"}
      <kbd className="hidden rounded border border-border px-1 font-sans text-[10px] text-subtle sm:inline">{shortcut}</kbd>
      {direction === "next" ? <span aria-hidden="true">›</span> : null}
    </>
  );
  const className =
    "inline-flex items-center gap-1.5 rounded-md border border-border bg-surface px-2.5 py-1.5 text-xs font-medium text-foreground transition-colors hover:bg-surface-muted";
  if (!href) {
    return (
      <span aria-disabled="true" className={`${className} pointer-events-none opacity-40`} title={`No ${direction} claim in this queue`}>
        {content}
      </span>
    );
  }
  return (
    <Link href={href} prefetch={false} aria-label={label} aria-keyshortcuts={shortcut.toLowerCase()} title={`${label} (${shortcut})`} className={className} data-step={direction}>
      {content}
    </Link>
  );
}
