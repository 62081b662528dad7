import type { CSSProperties } from "react";

/** Where a map tooltip points, in CSS pixels from the map box's top-left corner, and which way it opens. */
export type TooltipAnchor = { x: number; y: number; flipX: boolean; flipY: boolean };

type Box = { left: number; top: number; width: number; height: number };

// Roughly the largest tooltip: near the right or bottom edge it opens the other way instead of being cut off.
const ROOM = { width: 240, height: 150 };

/** The anchor for a point on screen (a pointer, the middle of a focused shape) over a map box. */
export function tooltipAnchor(box: Box, clientX: number, clientY: number): TooltipAnchor {
  const x = clientX - box.left;
  const y = clientY - box.top;
  return { x, y, flipX: x > box.width - ROOM.width, flipY: y > box.height - ROOM.height };
}

/** Inline style for an absolutely positioned tooltip inside the map box, 12 px off its anchor. */
export function tooltipStyle({ x, y, flipX, flipY }: TooltipAnchor): CSSProperties {
  return {
    left: x,
    top: y,
    transform: `translate(${flipX ? "calc(-100% - 12px)" : "12px"}, ${flipY ? "calc(-100% - 12px)" : "12px"})`,
  };
}
