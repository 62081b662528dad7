export type CheckState = "passed" | "failed" | "unknown";

export function checkState(passed: boolean | null): CheckState {
  return passed === true ? "passed" : passed === false ? "failed" : "unknown";
}

const STATE_WORDS = { passed: "passed", failed: "failed", unknown: "not known" } as const satisfies Record<CheckState, string>;

/** "Policy in force: failed": the accessible name and tooltip of a check mark. */
export function checkLabel(name: string, passed: boolean | null): string {
  return `${name}: ${STATE_WORDS[checkState(passed)]}`;
}

const STYLES = {
  passed: "bg-emerald-600/10 text-emerald-700 ring-emerald-600/25 dark:bg-emerald-400/10 dark:text-emerald-400 dark:ring-emerald-400/25",
  failed: "bg-danger/10 text-danger ring-danger/30",
  unknown: "bg-surface-muted text-subtle ring-border-strong",
} as const satisfies Record<CheckState, string>;

/**
 * A green tick, red cross or grey question mark. The shape carries the meaning as well as the colour, and the
 * rule's name and result are its accessible name and tooltip.
 */
export function CheckMark({ id, name, passed, size = "sm" }: { id?: string; name: string; passed: boolean | null; size?: "sm" | "md" }) {
  const state = checkState(passed);
  const label = checkLabel(name, passed);
  const box = size === "md" ? "size-6" : "size-5";
  const icon = size === "md" ? 14 : 12;
  return (
    <span
      role="img"
      aria-label={label}
      title={label}
      data-check={id}
      data-check-state={state}
      className={`inline-flex shrink-0 items-center justify-center rounded-full ring-1 ring-inset ${box} ${STYLES[state]}`}
    >
      <svg width={icon} height={icon} viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="2.25" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
        {state === "passed" ? <path d="m3.5 8.5 3 3 6-7" /> : null}
        {state === "failed" ? <path d="m4.5 4.5 7 7m0-7-7 7" /> : null}
        {state === "unknown" ? (
          <>
            <path d="M6 6.2a2 2 0 1 1 2.8 1.8c-.5.3-.8.7-.8 1.3v.4" strokeWidth="1.9" />
            <path d="M8 12.2v.1" strokeWidth="2.4" />
          </>
        ) : null}
      </svg>
    </span>
  );
}
