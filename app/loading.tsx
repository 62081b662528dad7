export default function Loading() {
  return (
    <div className="mx-auto w-full max-w-6xl px-6 py-12 sm:py-16" role="status" aria-live="polite">
      <span className="sr-only">Loading</span>
      <div className="animate-pulse" aria-hidden="true">
        <div className="h-3 w-24 rounded bg-surface-muted" />
        <div className="mt-4 h-8 w-2/3 max-w-md rounded bg-surface-muted" />
        <div className="mt-3 h-4 w-1/2 max-w-sm rounded bg-surface-muted" />
        <div className="mt-10 grid gap-5 md:grid-cols-3">
          {[0, 1, 2].map((key) => (
            <div key={key} className="h-52 rounded-xl border border-border bg-surface" />
          ))}
        </div>
      </div>
    </div>
  );
}
