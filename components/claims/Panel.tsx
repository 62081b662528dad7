import { useId, type ReactNode } from "react";

export type PanelState = "loading" | "loaded" | "empty" | "error";

/**
 * A titled card of the claims pages. `data-state` is what tests wait on: "loading" while newer data is on its
 * way, even when the previous data stays visible.
 */
export function Panel({
  id,
  title,
  state,
  updating = false,
  actions,
  className = "",
  bodyClassName = "px-5 pb-5 pt-3",
  children,
}: {
  id: string;
  title: ReactNode;
  state: PanelState;
  updating?: boolean;
  actions?: ReactNode;
  className?: string;
  bodyClassName?: string;
  children: ReactNode;
}) {
  const titleId = useId();
  const dataState: PanelState = updating ? "loading" : state;
  return (
    <section
      aria-labelledby={titleId}
      aria-busy={dataState === "loading"}
      data-tile={id}
      data-state={dataState}
      className={`flex min-w-0 flex-col rounded-xl border border-border bg-surface shadow-[0_1px_2px_rgb(0_0_0/0.04)] ${className}`}
    >
      <header className="flex flex-wrap items-center gap-x-3 gap-y-2 px-5 pt-4">
        <h2 id={titleId} className="mr-auto text-sm font-semibold tracking-tight text-foreground">
          {title}
        </h2>
        {updating ? (
          <span aria-live="polite" className="inline-flex items-center gap-1.5 text-xs text-subtle">
            <span aria-hidden="true" className="size-1.5 animate-pulse rounded-full bg-accent" />
            Updating
          </span>
        ) : null}
        {actions}
      </header>
      <div className={`flex min-w-0 flex-1 flex-col ${bodyClassName}`}>{children}</div>
    </section>
  );
}

/** A message filling a panel: nothing to show, or something failed, with what to do next. */
export function PanelMessage({ tone, title, detail, children }: { tone: "error" | "empty"; title: string; detail?: ReactNode; children?: ReactNode }) {
  return (
    <div role={tone === "error" ? "alert" : undefined} className="flex min-h-40 flex-1 flex-col items-center justify-center gap-2 px-4 py-8 text-center">
      <span
        aria-hidden="true"
        className={`flex size-8 items-center justify-center rounded-full ${tone === "error" ? "bg-danger/10 text-danger" : "bg-surface-muted text-subtle"}`}
      >
        <svg width="16" height="16" viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="1.75">
          {tone === "error" ? (
            <>
              <path d="M8 4.5v4M8 11.2v.1" strokeLinecap="round" />
              <circle cx="8" cy="8" r="6.5" />
            </>
          ) : (
            <>
              <circle cx="7" cy="7" r="4.5" />
              <path d="m10.5 10.5 3 3" strokeLinecap="round" />
            </>
          )}
        </svg>
      </span>
      <p className="text-sm font-medium text-foreground">{title}</p>
      {detail ? <p className="max-w-md text-xs leading-5 text-muted">{detail}</p> : null}
      {children ? <div className="mt-2 flex items-center gap-2">{children}</div> : null}
    </div>
  );
}

export const buttonClass = {
  primary:
    "inline-flex items-center justify-center gap-1.5 rounded-md bg-foreground px-3 py-1.5 text-xs font-medium text-background transition-opacity hover:opacity-90 disabled:pointer-events-none disabled:opacity-50",
  secondary:
    "inline-flex items-center justify-center gap-1.5 rounded-md border border-border bg-surface px-3 py-1.5 text-xs font-medium text-foreground transition-colors hover:bg-surface-muted disabled:pointer-events-none disabled:opacity-50",
  ghost:
    "inline-flex items-center justify-center gap-1.5 rounded-md px-2 py-1 text-xs font-medium text-muted transition-colors hover:bg-surface-muted hover:text-foreground disabled:pointer-events-none disabled:opacity-40",
} as const;

export const fieldClass =
  "h-9 w-full min-w-0 rounded-md border border-border bg-surface px-2.5 text-sm text-foreground shadow-[inset_0_1px_1px_rgb(0_0_0/0.03)] transition-colors hover:border-border-strong disabled:opacity-60 aria-[invalid=true]:border-danger";
