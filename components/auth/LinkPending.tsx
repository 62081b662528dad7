"use client";

import { useLinkStatus } from "next/link";

/**
 * Inside a Link: a pulsing dot while the page it opens is on its way. Pages arrive with their figures
 * (no loading screen in between), so the link itself says the click was taken.
 */
export function LinkPending() {
  const { pending } = useLinkStatus();
  return (
    <span
      aria-hidden="true"
      data-pending={pending ? "" : undefined}
      className={`ml-1.5 inline-block size-1.5 rounded-full bg-accent align-middle transition-opacity ${pending ? "animate-pulse opacity-100" : "opacity-0"}`}
    />
  );
}
