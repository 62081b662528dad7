/**
 * What a failure of the Databricks driver means for the app. The driver throws several unrelated error
 * types (an HTTP status wrapped as a Thrift exception, its own retry budget running out, node-fetch
 * network errors, statement errors carrying the warehouse's message), so they are recognised by shape.
 */
export type DatabricksFailure =
  | { kind: "starting"; retryAfterMs?: number }
  | { kind: "transient"; reason: string; retryAfterMs?: number }
  | { kind: "auth" }
  | { kind: "missing_table"; table?: string }
  | { kind: "session_lost" }
  | { kind: "failed" };

interface HttpResponseLike {
  status: number;
  headers: { get(name: string): string | null };
}

/** Raised by the app's own OAuth token request when the token endpoint refuses the client. */
export class DatabricksAuthError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DatabricksAuthError";
  }
}

const NETWORK_CODES = new Set(["ECONNRESET", "ECONNREFUSED", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH", "ENETUNREACH", "EAI_AGAIN", "ENOTFOUND"]);
const NETWORK_MESSAGE = /socket hang up|premature close|ECONNRESET|ECONNREFUSED|network|aborted/i;
// Databricks' own words for a warehouse that is not up yet: in the x-thriftserver-error-message header
// of a 503, or in a statement error when the session was accepted before the warehouse was ready.
const STARTING = /TEMPORARILY_UNAVAILABLE|warehouse is starting|is temporarily unavailable|Couldn't create directory .*local_disk/i;
const SESSION_LOST = /Invalid SessionHandle|INVALID_HANDLE|has not been initialized or had already closed|session.*(expired|closed)/i;
const MISSING = /\[(TABLE_OR_VIEW_NOT_FOUND|SCHEMA_NOT_FOUND|CATALOG_NOT_FOUND)\]/;

function responseOf(err: unknown): HttpResponseLike | undefined {
  const candidates = [err, (err as { payload?: unknown } | null)?.payload];
  for (const c of candidates) {
    const response = (c as { response?: unknown } | null)?.response;
    if (response && typeof (response as HttpResponseLike).status === "number" && typeof (response as HttpResponseLike).headers?.get === "function") {
      return response as HttpResponseLike;
    }
  }
  return undefined;
}

function retryAfterMs(response: HttpResponseLike): number | undefined {
  const seconds = Number(response.headers.get("retry-after"));
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : undefined;
}

function isNetworkError(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && depth < 4; depth += 1) {
    const x = e as { code?: unknown; type?: unknown; message?: unknown; payload?: unknown; cause?: unknown };
    if (typeof x.code === "string" && NETWORK_CODES.has(x.code)) return true;
    if (x.type === "system") return true;
    if (typeof x.message === "string" && NETWORK_MESSAGE.test(x.message)) return true;
    e = x.payload ?? x.cause;
  }
  return false;
}

function messageOf(err: unknown): string {
  const parts: string[] = [];
  for (let e: unknown = err, depth = 0; e && depth < 4; depth += 1) {
    const x = e as { message?: unknown; errorMessage?: unknown; displayMessage?: unknown; response?: { errorMessage?: unknown; displayMessage?: unknown }; payload?: unknown; cause?: unknown };
    for (const m of [x.message, x.errorMessage, x.displayMessage, x.response?.errorMessage, x.response?.displayMessage]) if (typeof m === "string") parts.push(m);
    e = x.payload ?? x.cause;
  }
  return parts.join(" | ");
}

export function classifyDatabricksError(err: unknown): DatabricksFailure {
  if (err instanceof DatabricksAuthError || (err as { name?: unknown } | null)?.name === "AuthenticationError") return { kind: "auth" };
  const response = responseOf(err);
  if (response) {
    const status = response.status;
    if (status === 401 || status === 403) return { kind: "auth" };
    const thriftMessage = response.headers.get("x-thriftserver-error-message") ?? "";
    if (STARTING.test(thriftMessage)) return { kind: "starting", retryAfterMs: retryAfterMs(response) };
    if (status === 429 || status === 502 || status === 503 || status === 504) return { kind: "transient", reason: `HTTP ${status}`, retryAfterMs: retryAfterMs(response) };
  }
  const message = messageOf(err);
  const missing = MISSING.exec(message);
  if (missing) {
    const table = /The (?:table or view|schema|catalog) (`[^`]+`(?:\.`[^`]+`)*)/.exec(message)?.[1];
    return { kind: "missing_table", table };
  }
  if (STARTING.test(message)) return { kind: "starting" };
  if (SESSION_LOST.test(message)) return { kind: "session_lost" };
  if (isNetworkError(err)) return { kind: "transient", reason: "the connection was dropped" };
  return { kind: "failed" };
}
