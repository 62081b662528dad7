import { PAGE_COLUMN } from "@/components/pageColumn";

export default function Loading() {
  return (
    <div className={`${PAGE_COLUMN} py-6 sm:py-8`} role="status" aria-live="polite">
      <span className="sr-only">Loading the claim</span>
      <div className="animate-pulse" aria-hidden="true">
        <div className="h-5 w-40 rounded bg-surface-muted" />
        <div className="mt-6 h-3 w-16 rounded bg-surface-muted" />
        <div className="mt-3 h-8 w-56 rounded bg-surface-muted" />
        <div className="mt-3 h-4 w-96 max-w-full rounded bg-surface-muted" />
        <div className="mt-6 grid gap-5 lg:grid-cols-[minmax(0,1fr)_22rem]">
          <div className="flex flex-col gap-5">
            <div className="h-96 rounded-xl border border-border bg-surface" />
            <div className="h-[28rem] rounded-xl border border-border bg-surface" />
          </div>
          <div className="h-[30rem] rounded-xl border border-border bg-surface" />
        </div>
      </div>
    </div>
  );
}
