export default function Loading() {
  return (
    <div className="mx-auto w-full max-w-6xl px-4 py-8 sm:px-6 sm:py-10" role="status" aria-live="polite">
      <span className="sr-only">Loading Email Engagement</span>
      <div className="animate-pulse" aria-hidden="true">
        <div className="h-3 w-24 rounded bg-surface-muted" />
        <div className="mt-3 h-8 w-56 rounded bg-surface-muted" />
        <div className="mt-3 h-4 w-80 max-w-full rounded bg-surface-muted" />
        <div className="mt-6 h-[74px] rounded-xl border border-border bg-surface" />
        <div className="mt-5 grid gap-5">
          <div className="h-44 rounded-xl border border-border bg-surface" />
          <div className="h-[30rem] rounded-xl border border-border bg-surface" />
          <div className="h-96 rounded-xl border border-border bg-surface" />
        </div>
      </div>
    </div>
  );
}
