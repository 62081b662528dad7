"use client";

/** One filter in force: what it is, its value as people read it, and the change that removes it. */
export type FilterChip<Patch> = { key: string; label: string; value: string; clear: Patch };

/**
 * The filters in force as removable chips, with "Clear all"; nothing at all when none is set. A long value
 * (a campaign name, a search) is cut short on screen and read in full by the button's label.
 */
export function FilterChips<Patch>({ chips, onRemove, onClearAll }: { chips: readonly FilterChip<Patch>[]; onRemove: (clear: Patch) => void; onClearAll: () => void }) {
  if (chips.length === 0) return null;
  return (
    <div className="flex flex-wrap items-center gap-2" aria-label="Active filters" role="group">
      <span className="mr-1 text-xs font-medium text-muted">Filtered by</span>
      <ul className="contents">
        {chips.map((chip) => (
          <li key={chip.key} data-filter-chip={chip.key} className="min-w-0 max-w-full">
            <button
              type="button"
              onClick={() => onRemove(chip.clear)}
              aria-label={`Remove filter ${chip.label}: ${chip.value}`}
              title={`${chip.label}: ${chip.value}`}
              className="group inline-flex max-w-full items-center gap-1.5 rounded-full border border-border bg-surface py-1 pl-3 pr-2 text-left text-xs text-foreground transition-colors hover:border-border-strong hover:bg-surface-muted"
            >
              <span className="min-w-0 truncate">
                <span className="text-muted">{chip.label}:</span> <span className="font-medium">{chip.value}</span>
              </span>
              <span aria-hidden="true" className="text-sm leading-none text-subtle group-hover:text-foreground">
                ×
              </span>
            </button>
          </li>
        ))}
      </ul>
      <button type="button" onClick={onClearAll} className="rounded-md px-2 py-1 text-xs font-medium text-accent-strong hover:bg-accent-soft">
        Clear all
      </button>
    </div>
  );
}
