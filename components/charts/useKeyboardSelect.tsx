"use client";

import { useCallback, useEffect, useRef, type KeyboardEvent } from "react";
import { useActiveTooltipLabel } from "recharts";

/**
 * Lets keyboard users cross-filter: recharts' accessibility layer moves the active point with the arrow
 * keys, and Enter or Space then selects it as a click would.
 */
export function useKeyboardSelect(onSelect: ((index: string | number) => void) | undefined) {
  const activeLabel = useRef<string | number | null>(null);
  const report = useCallback((label: string | number | null) => {
    activeLabel.current = label;
  }, []);
  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLElement>) => {
      if (!onSelect || (event.key !== "Enter" && event.key !== " ")) return;
      if (activeLabel.current === null) return;
      event.preventDefault();
      onSelect(activeLabel.current);
    },
    [onSelect],
  );
  return { report, onKeyDown };
}

/** Rendered inside a chart, where recharts' hooks can read which point is active. */
export function ActiveLabelSpy({ onChange }: { onChange: (label: string | number | null) => void }) {
  const label = useActiveTooltipLabel();
  useEffect(() => {
    onChange(label ?? null);
  }, [label, onChange]);
  return null;
}
