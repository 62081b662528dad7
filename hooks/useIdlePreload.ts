import { useEffect } from "react";

/**
 * Starts `load` (a dynamic import) once the page is idle after its first draw, so a module that is only
 * needed on the first interaction is already there when it comes.
 */
export function useIdlePreload(load: () => Promise<unknown>) {
  useEffect(() => {
    const start = () => void load().catch(() => undefined);
    if (typeof window.requestIdleCallback === "function") {
      const id = window.requestIdleCallback(start, { timeout: 2000 });
      return () => window.cancelIdleCallback(id);
    }
    const id = window.setTimeout(start, 200);
    return () => window.clearTimeout(id);
  }, [load]);
}
