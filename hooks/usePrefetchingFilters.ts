import { useCallback, useEffect, useRef } from "react";

type UrlFilterSetter<F> = (value: Partial<F> | null | ((latest: F) => Partial<F>)) => unknown;

/**
 * A dashboard's filter setters that ask for the next view's figures at once, in the event handler: the
 * request is on its way while React renders the change instead of after it, and the dashboard's own query
 * then finds it in flight. `prefetch` gets the filters as they will be once the URL has changed.
 */
export function usePrefetchingFilters<F extends Record<string, unknown>>(filters: F, setUrlFilters: UrlFilterSetter<F>, prefetch: (next: F) => void) {
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
    (patchFor: (current: F) => Partial<F>) => {
      latestPrefetch.current({ ...latest.current, ...patchFor(latest.current) });
      void setUrlFilters(patchFor);
    },
    [setUrlFilters],
  );
  const setFilters = useCallback((patch: Partial<F>) => update(() => patch), [update]);
  const clearAll = useCallback(() => {
    latestPrefetch.current(Object.fromEntries(Object.keys(latest.current).map((key) => [key, null])) as F);
    void setUrlFilters(null);
  }, [setUrlFilters]);
  return { setFilters, clearAll, update };
}
