import { z } from "zod";
import { isoDate } from "./defineQuery";

// Shared pieces of query parameter schemas.
export const dateRange = { from: isoDate, to: isoDate };
export const optionalText = z.string().trim().min(1).max(100).nullable().default(null);
