import { z } from "zod";

/**
 * POST /api/exports: the record of a CSV made in the browser from figures already on screen (dashboard
 * tiles). The claims queue, which carries personal data, is exported by the server instead.
 */
export const exportRecord = z
  .object({
    dashboard: z.enum(["loss-summary", "engagement"]),
    /** The tile, e.g. incidents-by-type or countries. */
    tile: z.string().regex(/^[a-z0-9-]{1,60}$/, "must be a tile id (a-z, 0-9, -)"),
    fileName: z.string().regex(/^[A-Za-z0-9._-]{1,200}\.csv$/, "must be a .csv file name"),
    rows: z.number().int().min(0).max(10_000_000),
    /** The view's filters as the URL holds them. */
    filters: z.record(z.string().regex(/^[A-Za-z]{1,40}$/), z.string().max(500)).refine((f) => Object.keys(f).length <= 30, "too many filters"),
  })
  .strict();

export type ExportRecord = z.infer<typeof exportRecord>;
