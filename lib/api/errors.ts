import "server-only";
import { randomUUID } from "node:crypto";
import { NextResponse } from "next/server";
import { z } from "zod";
import { logger } from "../logger";
import { WarehouseError } from "../warehouse/types";

export type ApiErrorCode =
  | "invalid_parameter"
  | "unprocessable"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "no_gold_build"
  | "warehouse_unavailable"
  | "warehouse_starting"
  | "warehouse_timeout"
  | "warehouse_misconfigured"
  | "internal_error";

const STATUS: Record<ApiErrorCode, number> = {
  invalid_parameter: 400,
  unprocessable: 422,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  no_gold_build: 503,
  warehouse_unavailable: 503,
  warehouse_starting: 503,
  warehouse_timeout: 504,
  warehouse_misconfigured: 500,
  internal_error: 500,
};

/** The one error type of the API; its message is shown to the caller, so it never carries internals. */
export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/** An ApiError for something that does not exist (an unknown claim): a page shows its not-found page for it. */
export const isNotFound = (err: unknown): boolean => err instanceof ApiError && err.code === "not_found";

export function errorResponse(code: ApiErrorCode, message: string, requestId?: string, extraHeaders: Record<string, string> = {}): NextResponse {
  const headers = { ...(requestId ? { "x-request-id": requestId } : {}), ...extraHeaders };
  return NextResponse.json({ error: { code, message } }, { status: STATUS[code], headers });
}

/** A caller's name for something, shortened so an error never echoes a huge input back. */
export function quoteName(name: string): string {
  return name.length > 60 ? `${name.slice(0, 57)}...` : name;
}

/** A zod issue as a sentence naming the parameter, e.g. "from: must be a date as YYYY-MM-DD". */
export function describeZodError(error: z.ZodError): string {
  const issue = error.issues[0]!;
  const where = issue.path.length > 0 ? issue.path.map((p) => quoteName(String(p))).join(".") : "request";
  const message =
    issue.code === "unrecognized_keys" ? `unknown parameter ${issue.keys.slice(0, 3).map((k) => `'${quoteName(k)}'`).join(", ")}` : issue.message.slice(0, 200);
  return `${where}: ${message}`;
}

/**
 * Warehouse failures the caller can act on. Their messages are written by lib/warehouse for people (they
 * name a setting or a table, never a secret or a stack), so they are passed on; the cause goes to the log.
 */
function warehouseErrorResponse(err: WarehouseError, requestId: string): NextResponse | null {
  switch (err.code) {
    case "aborted":
      return errorResponse("warehouse_unavailable", "The request was cancelled.", requestId);
    case "starting": {
      const retryAfter = String(err.retryAfterSeconds ?? 10);
      return errorResponse("warehouse_starting", "The warehouse is starting; this can take a few minutes. Try again shortly.", requestId, { "retry-after": retryAfter });
    }
    case "unavailable":
      logger.warn({ err, requestId }, "warehouse unavailable");
      return errorResponse("warehouse_unavailable", err.message, requestId);
    case "timeout":
      logger.warn({ err, requestId }, "warehouse query timed out");
      return errorResponse("warehouse_timeout", err.message, requestId);
    case "auth_failed":
    case "missing_table":
      logger.error({ err, requestId }, "warehouse misconfigured");
      return errorResponse("warehouse_misconfigured", err.message, requestId);
    default:
      return null;
  }
}

/** The one catch: every route handler funnels its failures here. */
export function handleApiError(err: unknown, requestId: string = randomUUID()): NextResponse {
  if (err instanceof ApiError) return errorResponse(err.code, err.message, requestId);
  if (err instanceof z.ZodError) return errorResponse("invalid_parameter", describeZodError(err), requestId);
  if (err instanceof WarehouseError && err.code === "no_gold_build") return errorResponse("no_gold_build", "No gold build is available yet.", requestId);
  if (err instanceof WarehouseError) {
    const answer = warehouseErrorResponse(err, requestId);
    if (answer) return answer;
  }
  logger.error({ err, requestId }, "unhandled API error");
  return errorResponse("internal_error", `Something went wrong on our side (reference ${requestId}).`, requestId);
}
