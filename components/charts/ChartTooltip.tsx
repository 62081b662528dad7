import { chartColor, type ChartColor } from "./palette";

export type TooltipSeries = { key: string; label: string; color: ChartColor; format: (value: number) => string };

/** Tooltip body in the page's own surface colours, so it reads in light and dark mode alike. */
export function ChartTooltip({
  label,
  values,
  series,
  hint,
}: {
  /** The index value, formatted. */
  label: string;
  values: Record<string, string | number | null | undefined>;
  series: TooltipSeries[];
  hint?: string;
}) {
  return (
    <div className="min-w-40 rounded-lg border border-border bg-surface px-3 py-2 text-xs shadow-[0_8px_24px_-8px_rgb(0_0_0/0.25)]">
      <p className="mb-1.5 font-medium text-foreground">{label}</p>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
        {series.map((s) => {
          const value = values[s.key];
          return (
            <div key={s.key} className="contents">
              <dt className="flex items-center gap-1.5 text-muted">
                <span aria-hidden="true" className="inline-block size-2 rounded-[2px]" style={{ backgroundColor: chartColor(s.color) }} />
                {s.label}
              </dt>
              <dd className="text-right font-medium tabular-nums text-foreground">{typeof value === "number" ? s.format(value) : "no data"}</dd>
            </div>
          );
        })}
      </dl>
      {hint ? <p className="mt-2 border-t border-border pt-1.5 text-[11px] text-subtle">{hint}</p> : null}
    </div>
  );
}
