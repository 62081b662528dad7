import autocannon from "autocannon";
import { summarize, type Summary } from "./stats";

export interface LoadOptions {
  /** Server origin, e.g. http://127.0.0.1:3200. */
  origin: string;
  /** The path of each request in turn (query string included); called once per request sent. */
  nextPath: () => string;
  connections: number;
  durationSeconds: number;
  headers: Record<string, string>;
}

export interface LoadResult extends Summary {
  connections: number;
  seconds: number;
  requests: number;
  /** Transport errors and time-outs, plus answers that were not 2xx. */
  errors: number;
  non2xx: number;
  rps: number;
  bytesPerResponse: number;
  statusCodes: Record<string, number>;
}

/** Loopback HTTP load for a bounded time; latencies are kept per response so any percentile can be read. */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const latencies: number[] = [];
  const statusCodes: Record<string, number> = {};
  let bytes = 0;
  let finish!: (result: autocannon.Result) => void;
  let fail!: (err: Error) => void;
  const done = new Promise<autocannon.Result>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  const instance = autocannon(
    {
      url: options.origin,
      connections: options.connections,
      duration: options.durationSeconds,
      timeout: 10,
      headers: options.headers,
      requests: [{ method: "GET", setupRequest: (request) => ({ ...request, path: options.nextPath() }) }],
    },
    (err, result) => (err ? fail(err as Error) : finish(result)),
  );
  instance.on("response", (_client, statusCode, resBytes, responseTime) => {
    latencies.push(responseTime);
    statusCodes[statusCode] = (statusCodes[statusCode] ?? 0) + 1;
    bytes += resBytes;
  });
  const result = await done;
  const seconds = result.duration;
  return {
    ...summarize(latencies),
    connections: options.connections,
    seconds,
    requests: latencies.length,
    errors: result.errors + result.timeouts + result.non2xx,
    non2xx: result.non2xx,
    rps: latencies.length / Math.max(seconds, 0.001),
    bytesPerResponse: latencies.length ? bytes / latencies.length : 0,
    statusCodes,
  };
}
