import "server-only";
import { z } from "zod";
import { ApiError } from "./errors";

/**
 * Reads a query string into a zod schema. A parameter given twice is an error rather than a silent
 * pick of one value (arrays where scalars belong).
 */
export function parseSearchParams<S extends z.ZodType>(url: URL, schema: S): z.infer<S> {
  const raw: Record<string, string> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(key);
    if (values.length > 1) throw new ApiError("invalid_parameter", `${key}: give this parameter once`);
    // Empty values mean "not set", as a form with a cleared field sends them.
    if (values[0] !== "") raw[key] = values[0]!;
  }
  return schema.parse(raw);
}
