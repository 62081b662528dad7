import { z } from "zod";

// Pieces the API schemas share: a calendar date, and the rules of a from/to period.

export const MAX_RANGE_YEARS = 20;

export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date as YYYY-MM-DD").refine((s) => {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}, "is not a real calendar date");

/** from and to come together, from is not after to, and the range is at most MAX_RANGE_YEARS. */
export function checkPeriod(q: { from?: string; to?: string }, ctx: z.RefinementCtx) {
  if ((q.from === undefined) !== (q.to === undefined)) {
    ctx.addIssue({ code: "custom", path: [q.from === undefined ? "from" : "to"], message: "from and to go together" });
  }
  if (q.from && q.to) {
    if (q.from > q.to) ctx.addIssue({ code: "custom", path: ["from"], message: "must not be after to" });
    if ((Date.parse(q.to) - Date.parse(q.from)) / (365.25 * 86_400_000) > MAX_RANGE_YEARS) {
      ctx.addIssue({ code: "custom", path: ["to"], message: `range must be at most ${MAX_RANGE_YEARS} years` });
    }
  }
}
