import type { z } from "zod";
import { apiErrorBody } from "@/lib/api/lossSummarySchema";
import { isWarehouseStarting, keepWaitingForWarehouse } from "./warehouseStarting";

/** A failed Claims API call, carrying the API's status, error code and message. */
export class ClaimsApiError extends Error {
  readonly status: number;
  readonly code: string;
  /** The error body as sent, for errors that carry more than a message (a 409 carries the newer decision). */
  readonly body: unknown;

  constructor(status: number, code: string, message: string, body: unknown = null) {
    super(message);
    this.name = "ClaimsApiError";
    this.status = status;
    this.code = code;
    this.body = body;
  }
}

/** A 4xx will not change on a second try; a dropped connection or a 5xx might; a starting warehouse will. */
export function retryUnlessRefused(failures: number, error: unknown): boolean {
  if (isWarehouseStarting(error)) return keepWaitingForWarehouse(failures);
  return !(error instanceof ClaimsApiError && error.status >= 400 && error.status < 500) && failures < 1;
}

/** The server's own words for an error, or a sentence about the connection when it never answered. */
export function describeClaimsError(error: unknown): string {
  if (error instanceof ClaimsApiError) return error.message;
  return "The server could not be reached. Check the connection and try again.";
}

export async function readClaimsApi<T>(response: Response, schema: z.ZodType<T>, what: string): Promise<T> {
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const parsed = apiErrorBody.safeParse(body);
    if (parsed.success) throw new ClaimsApiError(response.status, parsed.data.error.code, parsed.data.error.message, body);
    // The conflict body has a `current` field beside the error, which the strict error schema refuses.
    const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
    if (error && typeof error.code === "string" && typeof error.message === "string") {
      throw new ClaimsApiError(response.status, error.code, error.message, body);
    }
    throw new ClaimsApiError(response.status, "http_error", `The server answered ${response.status}.`, body);
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    // A shape the page was not built for must not be drawn as if it were right.
    console.error(`${what} response does not match the contract`, parsed.error.issues);
    throw new ClaimsApiError(response.status, "bad_response", "The server sent data in an unexpected shape.", body);
  }
  return parsed.data;
}

export async function getClaimsApi<T>(url: string, schema: z.ZodType<T>, what: string, signal?: AbortSignal): Promise<T> {
  const response = await fetch(url, { signal, headers: { accept: "application/json" } });
  return readClaimsApi(response, schema, what);
}
