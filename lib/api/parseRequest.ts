import "server-only";
import { z } from "zod";
import { ApiError, describeZodError, quoteName } from "./errors";

/**
 * Reads a query string into a zod schema. A parameter given twice is an error rather than a silent
 * pick of one value (arrays where scalars belong).
 */
export function parseSearchParams<S extends z.ZodType>(url: URL, schema: S): z.infer<S> {
  const raw: Record<string, string> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(key);
    if (values.length > 1) throw new ApiError("invalid_parameter", `${quoteName(key)}: give this parameter once`);
    // Empty values mean "not set", as a form with a cleared field sends them.
    if (values[0] !== "") raw[key] = values[0]!;
  }
  return schema.parse(raw);
}

/** Most a JSON body of this API may weigh; a decision or an export record is a few hundred bytes. */
export const MAX_JSON_BODY_BYTES = 64 * 1024;

/**
 * Reads a JSON request body into a zod schema: too large or not JSON -> 400 invalid_parameter, valid JSON
 * of the wrong shape -> 422 unprocessable, each message naming the field.
 */
export async function parseJsonBody<S extends z.ZodType>(request: Request, schema: S): Promise<z.infer<S>> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_JSON_BODY_BYTES) throw new ApiError("invalid_parameter", `body: must be at most ${MAX_JSON_BODY_BYTES / 1024} kB`);
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_JSON_BODY_BYTES) throw new ApiError("invalid_parameter", `body: must be at most ${MAX_JSON_BODY_BYTES / 1024} kB`);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new ApiError("invalid_parameter", "body: must be a JSON object");
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new ApiError("unprocessable", describeZodError(parsed.error));
  return parsed.data;
}
