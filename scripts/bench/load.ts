import http from "node:http";
import { summarize, type Summary } from "./stats";

export interface LoadOptions {
  /** Server origin, e.g. http://127.0.0.1:3200. */
  origin: string;
  /** The path of each request in turn (query string included); called once per request sent. */
  nextPath: () => string;
  connections: number;
  durationSeconds: number;
  headers: Record<string, string>;
  /** A request still unanswered after this long counts as an error. */
  timeoutMs?: number;
}

export interface LoadResult extends Summary {
  connections: number;
  seconds: number;
  requests: number;
  /** Transport errors, time-outs and answers that were not 2xx. */
  errors: number;
  non2xx: number;
  rps: number;
  bytesPerResponse: number;
  statusCodes: Record<string, number>;
}

function get(agent: http.Agent, url: URL, headers: Record<string, string>, timeoutMs: number): Promise<{ status: number; bytes: number; serverTiming: string | null }> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent, headers, timeout: timeoutMs }, (res) => {
      let bytes = 0;
      res.on("data", (chunk: Buffer) => (bytes += chunk.length));
      const serverTiming = res.headers["server-timing"];
      res.on("end", () => resolve({ status: res.statusCode ?? 0, bytes, serverTiming: typeof serverTiming === "string" ? serverTiming : null }));
      res.on("error", reject);
    });
    req.on("timeout", () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on("error", reject);
  });
}

/** The route handler's own time from an answer's Server-Timing header (`app;dur=12.34;...`), or null. */
export function handlerMs(serverTiming: string | null): number | null {
  const dur = /(?:^|,)\s*app;dur=(\d+(?:\.\d+)?)/.exec(serverTiming ?? "");
  return dur ? Number(dur[1]) : null;
}

// One keep-alive connection for the single timed requests, as a 1-client load run has.
const singleAgent = new http.Agent({ keepAlive: true, maxSockets: 1 });

/**
 * One GET timed from sending to the last byte, with the load runs' own client (a keep-alive connection, no
 * compression asked for), so its time compares with theirs; Node's fetch adds milliseconds of its own. Throws
 * on an answer that is not 2xx, or not `expectStatus` when one is given. Gives the route handler's own time
 * as well, from the answer's Server-Timing header (null when it has none: a refused request).
 */
export async function timedGet(
  origin: string,
  path: string,
  headers: Record<string, string>,
  { timeoutMs = 30_000, expectStatus }: { timeoutMs?: number; expectStatus?: number } = {},
): Promise<{ ms: number; handlerMs: number | null }> {
  const sent = performance.now();
  const res = await get(singleAgent, new URL(path, origin), headers, timeoutMs);
  const ms = performance.now() - sent;
  const expected = expectStatus === undefined ? res.status >= 200 && res.status < 300 : res.status === expectStatus;
  if (!expected) throw new Error(`GET ${path}: HTTP ${res.status}${expectStatus === undefined ? "" : `, expected ${expectStatus}`}`);
  return { ms, handlerMs: handlerMs(res.serverTiming) };
}

/** Closes the connection timedGet keeps open (before the server it talks to is restarted, and at the end). */
export function closeTimedConnection(): void {
  singleAgent.destroy();
}

/**
 * Closed-loop HTTP load on loopback: `connections` keep-alive clients each send a request, wait for its
 * answer and send the next, until the time is up. Requests in flight at the end are waited for and
 * counted (a load tool that drops them would hide exactly the slowest answers).
 */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.connections });
  const latencies: number[] = [];
  const statusCodes: Record<string, number> = {};
  let bytes = 0;
  let errors = 0;
  let non2xx = 0;
  const started = performance.now();
  const deadline = started + options.durationSeconds * 1000;
  const client = async () => {
    while (performance.now() < deadline) {
      const url = new URL(options.nextPath(), options.origin);
      const sent = performance.now();
      try {
        const res = await get(agent, url, options.headers, timeoutMs);
        latencies.push(performance.now() - sent);
        statusCodes[res.status] = (statusCodes[res.status] ?? 0) + 1;
        bytes += res.bytes;
        if (res.status < 200 || res.status >= 300) non2xx += 1;
      } catch {
        errors += 1;
        statusCodes.error = (statusCodes.error ?? 0) + 1;
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: options.connections }, client));
  } finally {
    agent.destroy();
  }
  const seconds = (performance.now() - started) / 1000;
  return {
    ...summarize(latencies),
    connections: options.connections,
    seconds,
    requests: latencies.length + errors,
    errors: errors + non2xx,
    non2xx,
    rps: latencies.length / seconds,
    bytesPerResponse: latencies.length ? bytes / latencies.length : 0,
    statusCodes,
  };
}
