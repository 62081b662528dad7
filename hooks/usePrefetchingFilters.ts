import { useCallback, useEffect, useRef } from "react";

/** Filters where any key may be null: cleared (the URL drops it, and it reads as its default). */
export type Clearable<F> = { [K in keyof F]: F[K] | null };
/** A change of filters: the keys it sets, null for the ones it clears. */
export type FilterPatch<F> = Partial<Clearable<F>>;

type UrlFilterSetter<F, O> = (value: FilterPatch<F> | null | ((latest: F) => FilterPatch<F>), options?: O) => unknown;

/**
 * A dashboard's filter setters that ask for the next view's figures at once, in the event handler: the
 * request is on its way while React renders the change instead of after it, and the dashboard's own query
 * then finds it in flight. `prefetch` gets the current filters with the change laid over them (cleared keys
 * as null); `options` go to the URL setter unchanged.
 */
export function usePrefetchingFilters<F extends Record<string, unknown>, O = never>(
  filters: F,
  setUrlFilters: UrlFilterSetter<F, O>,
  prefetch: (next: Clearable<F>) => void,
) {
  const latest = useRef(filters);
  useEffect(() => {
    latest.current = filters;
  }, [filters]);
  const latestPrefetch = useRef(prefetch);
  useEffect(() => {
    latestPrefetch.current = prefetch;
  }, [prefetch]);

  /** Changes the filters by what `patchFor` makes of the current ones. */
  const update = useCallback(
    (patchFor: (current: F) => FilterPatch<F>, options?: O) => {
      latestPrefetch.current({ ...latest.current, ...patchFor(latest.current) });
      void setUrlFilters(patchFor, options);
    },
    [setUrlFilters],
  );
  const setFilters = useCallback((patch: FilterPatch<F>, options?: O) => update(() => patch, options), [update]);
  const clearAll = useCallback(() => {
    latestPrefetch.current(Object.fromEntries(Object.keys(latest.current).map((key) => [key, null])) as Clearable<F>);
    void setUrlFilters(null);
  }, [setUrlFilters]);
  return { setFilters, clearAll, update };
}
