/** The state of an SVG map's figures, as its `data-state` says. */
export type MapFiguresState = "loading" | "loaded" | "empty" | "error";

/**
 * What lies over an SVG map while its figures are not drawn: a small badge while they load (the shapes stay
 * visible), a note when there are none for the view, an alert when they failed.
 */
export function MapStateOverlay({ state, emptyMessage }: { state: MapFiguresState; emptyMessage: string }) {
  if (state === "loading") {
    return (
      <div className="pointer-events-none absolute left-2 top-2 z-[1] inline-flex items-center gap-1.5 rounded-full border border-border bg-surface/95 px-2.5 py-1 text-[11px] text-muted shadow-sm">
        <span aria-hidden="true" className="size-1.5 animate-pulse rounded-full bg-accent" />
        Loading figures
      </div>
    );
  }
  if (state === "loaded") return null;
  return (
    <div className="pointer-events-none absolute inset-0 z-[1] flex items-center justify-center p-6">
      <div role={state === "error" ? "alert" : undefined} className="max-w-xs rounded-md border border-border bg-surface/95 px-4 py-3 text-center shadow-sm">
        <p className="text-sm font-medium text-foreground">{state === "error" ? "The map figures could not be loaded" : emptyMessage}</p>
        <p className="mt-1 text-xs leading-5 text-muted">{state === "error" ? "The rest of the dashboard may still show figures." : "Widen the period or remove a filter."}</p>
      </div>
    </div>
  );
}
