export default function Loading() {
  return (
    <div className="mx-auto w-full max-w-7xl px-4 py-8 sm:px-6 sm:py-10" role="status" aria-live="polite">
      <span className="sr-only">Loading the claims queue</span>
      <div className="animate-pulse" aria-hidden="true">
        <div className="h-3 w-32 rounded bg-surface-muted" />
        <div className="mt-3 h-8 w-48 rounded bg-surface-muted" />
        <div className="mt-3 h-4 w-96 max-w-full rounded bg-surface-muted" />
        <div className="mt-6 grid grid-cols-2 gap-2 sm:grid-cols-4 lg:grid-cols-7">
          {Array.from({ length: 7 }, (_, i) => (
            <div key={i} className="h-[66px] rounded-lg border border-border bg-surface" />
          ))}
        </div>
        <div className="mt-5 h-36 rounded-xl border border-border bg-surface" />
        <div className="mt-5 h-[28rem] rounded-xl border border-border bg-surface" />
      </div>
    </div>
  );
}
