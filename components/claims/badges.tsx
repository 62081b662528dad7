import { formatNextBestAction } from "./labels";

/** The pipeline's next best action: releasing funds only when every check passed. */
export function NextBestActionBadge({ action, size = "sm" }: { action: string; size?: "sm" | "md" }) {
  const release = action === "release funds";
  return (
    <span
      data-next-best-action={action}
      className={`inline-flex items-center gap-1.5 whitespace-nowrap rounded-full font-medium ring-1 ring-inset ${size === "md" ? "px-3 py-1 text-sm" : "px-2 py-0.5 text-xs"} ${
        release
          ? "bg-emerald-600/10 text-emerald-800 ring-emerald-600/25 dark:bg-emerald-400/10 dark:text-emerald-300 dark:ring-emerald-400/25"
          : "bg-amber-500/12 text-amber-800 ring-amber-600/30 dark:bg-amber-400/10 dark:text-amber-300 dark:ring-amber-400/25"
      }`}
    >
      <span aria-hidden="true" className={`size-1.5 rounded-full ${release ? "bg-emerald-600 dark:bg-emerald-400" : "bg-amber-500"}`} />
      {formatNextBestAction(action)}
    </span>
  );
}

export function SuspiciousBadge({ compact = false }: { compact?: boolean }) {
  return (
    <span
      title="Flagged as suspicious activity when the claim was reported"
      className={`inline-flex items-center gap-1 whitespace-nowrap rounded-full bg-danger/10 font-medium text-danger ring-1 ring-inset ring-danger/25 ${compact ? "px-1.5 py-px text-[10px]" : "px-2 py-0.5 text-xs"}`}
    >
      <svg width="10" height="10" viewBox="0 0 16 16" fill="currentColor" aria-hidden="true">
        <path d="M8 1.5 15 14H1z" />
      </svg>
      Suspicious
    </span>
  );
}
