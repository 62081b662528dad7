import "server-only";
import { request } from "node:https";
import { rootCertificates } from "node:tls";
import { DBSQLClient } from "@databricks/sql";
import type IDBSQLSession from "@databricks/sql/dist/contracts/IDBSQLSession";
import type IOperation from "@databricks/sql/dist/contracts/IOperation";
import { z } from "zod";
import { qualifiedName, type DatabricksConfig } from "./databricksConfig";
import { classifyDatabricksError, DatabricksAuthError, type DatabricksFailure } from "./databricksErrors";
import { pickParams, rewriteNamedParams } from "./params";
import { GOLD_TABLES, WarehouseError, type GoldTable, type Warehouse, type WarehouseQuery } from "./types";

export interface DatabricksWarehouseOptions {
  config: DatabricksConfig;
  /** A CA certificate to trust beside the public roots (a TLS-inspecting proxy, or a local test warehouse). */
  customCaCert?: string;
  /** How long one query keeps waiting for a starting warehouse before answering "starting" (default 20 s). */
  startingWaitMs?: number;
  /** Attempts of one statement hit by 429/503 or a dropped connection (default 3). */
  maxAttempts?: number;
  /** First pause between attempts; it doubles each time, and a Retry-After header is honoured (default 500 ms). */
  backoffMs?: number;
  /** How long the gold build id is trusted before it is read again (default 30 s). */
  buildIdTtlMs?: number;
  onQuery?: (event: { name: string; ms: number; rows: number; attempts: number }) => void;
  onRetry?: (event: { name: string; attempt: number; failure: DatabricksFailure["kind"]; waitMs: number }) => void;
}

const silentLogger = { log: () => undefined };

function abortable(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener("abort", onAbort, { once: true });
  });
}

/** Bounded concurrency: at most `limit` statements at once, the rest wait their turn in order. */
function createGate(limit: number) {
  let active = 0;
  const waiting: Array<{ resolve: () => void; reject: (e: unknown) => void; signal: AbortSignal; onAbort: () => void }> = [];
  return {
    async enter(signal: AbortSignal): Promise<void> {
      if (signal.aborted) throw signal.reason;
      if (active < limit) {
        active += 1;
        return;
      }
      await new Promise<void>((resolve, reject) => {
        const entry = {
          resolve, reject, signal,
          onAbort: () => {
            waiting.splice(waiting.indexOf(entry), 1);
            reject(signal.reason);
          },
        };
        signal.addEventListener("abort", entry.onAbort, { once: true });
        waiting.push(entry);
      });
    },
    leave() {
      const next = waiting.shift();
      if (next) {
        next.signal.removeEventListener("abort", next.onAbort);
        next.resolve();
      } else active -= 1;
    },
  };
}

/** OAuth machine-to-machine: a service principal's client id and secret exchanged for an access token. */
function createM2MTokens(config: DatabricksConfig, customCaCert?: string) {
  if (config.auth.kind !== "oauth-m2m") throw new Error("not an OAuth configuration");
  const { clientId, clientSecret } = config.auth;
  let cached: { token: string; expiresAt: number } | null = null;
  let pending: Promise<string> | null = null;

  function fetchToken(): Promise<string> {
    return new Promise((resolve, reject) => {
      const body = new URLSearchParams({ grant_type: "client_credentials", scope: "all-apis" }).toString();
      const req = request(
        {
          host: config.host, port: config.port, path: "/oidc/v1/token", method: "POST",
          ca: customCaCert ? [...rootCertificates, customCaCert] : undefined,
          headers: {
            authorization: `Basic ${Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`).toString("base64")}`,
            "content-type": "application/x-www-form-urlencoded",
            "content-length": Buffer.byteLength(body),
          },
          timeout: 30_000,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => {
            if (res.statusCode === 400 || res.statusCode === 401 || res.statusCode === 403) {
              return reject(new DatabricksAuthError("the workspace refused the OAuth client"));
            }
            const parsed = z.object({ access_token: z.string().min(1), expires_in: z.coerce.number().positive().default(3600) }).safeParse(
              JSON.parse(Buffer.concat(chunks).toString() || "null"),
            );
            if (res.statusCode !== 200 || !parsed.success) {
              const error = Object.assign(new Error(`OAuth token request answered ${res.statusCode}`), { response: { status: res.statusCode ?? 0, headers: { get: (n: string) => res.headers[n.toLowerCase()]?.toString() ?? null } } });
              return reject(error);
            }
            cached = { token: parsed.data.access_token, expiresAt: Date.now() + parsed.data.expires_in * 1000 };
            resolve(parsed.data.access_token);
          });
        },
      );
      req.on("timeout", () => req.destroy(new Error("OAuth token request timed out")));
      req.on("error", reject);
      req.end(body);
    });
  }

  return {
    async get(): Promise<string> {
      // Renewed a minute early, so a statement never starts with a token about to lapse.
      if (cached && cached.expiresAt - 60_000 > Date.now()) return cached.token;
      pending ??= fetchToken().finally(() => {
        pending = null;
      });
      return pending;
    },
  };
}

/**
 * The Databricks SQL warehouse engine. One client and one session are shared by every query (sessions
 * are reopened only when the warehouse has dropped them); at most DATABRICKS_MAX_CONCURRENCY statements
 * run at once and the rest queue; values travel as named parameters; each query has a timeout, and when
 * it passes or the caller goes away the statement is cancelled on the warehouse. A starting warehouse is
 * waited for with backoff, up to a bound; 429/503 and dropped connections are retried a bounded number
 * of times; credentials or tables that are wrong give an error naming the setting or the table.
 */
export function createDatabricksWarehouse(options: DatabricksWarehouseOptions): Warehouse {
  const { config } = options;
  const startingWaitMs = options.startingWaitMs ?? 20_000;
  const maxAttempts = options.maxAttempts ?? 3;
  const backoffMs = options.backoffMs ?? 500;
  const buildIdTtlMs = options.buildIdTtlMs ?? 30_000;
  const gate = createGate(config.maxConcurrency);
  const credentialSettings = config.auth.kind === "token" ? "DATABRICKS_TOKEN" : "DATABRICKS_CLIENT_ID and DATABRICKS_CLIENT_SECRET";

  let client: Promise<DBSQLClient> | null = null;
  let session: Promise<IDBSQLSession> | null = null;
  let buildIdCache: { id: string; at: number } | null = null;
  let buildIdPending: Promise<string> | null = null;

  function connect(): Promise<DBSQLClient> {
    client ??= (async () => {
      const c = new DBSQLClient({ logger: silentLogger });
      const tokens = config.auth.kind === "oauth-m2m" ? createM2MTokens(config, options.customCaCert) : null;
      const auth =
        config.auth.kind === "token"
          ? { token: config.auth.token }
          : { authType: "custom" as const, provider: { authenticate: async () => ({ Authorization: `Bearer ${await tokens!.get()}` }) } };
      await c.connect({
        host: config.host,
        port: config.port,
        path: config.httpPath,
        ...auth,
        customCaCert: options.customCaCert,
        userAgentEntry: "goldlens",
        telemetryEnabled: false,
        // The driver's own retry covers only idempotent calls (status, cancel, close); keep it short so the
        // app's bounded retry, which can re-run a whole statement, decides what the user waits for.
        retryMaxAttempts: 3,
        retryDelayMin: Math.min(backoffMs, 1000),
        retryDelayMax: 4 * Math.min(backoffMs, 1000),
        retriesTimeout: Math.max(config.queryTimeoutMs, 10_000),
      });
      return c;
    })();
    client.catch(() => {
      client = null;
    });
    return client;
  }

  function openSession(): Promise<IDBSQLSession> {
    session ??= connect().then((c) => c.openSession());
    session.catch(() => {
      session = null;
    });
    return session;
  }

  function dropSession(stale: Promise<IDBSQLSession>) {
    if (session === stale) session = null;
    stale.then((s) => s.close()).catch(() => undefined);
  }

  /** One statement on the warehouse: queue, execute, fetch every page, close; cancelled if `signal` aborts. */
  async function runOnce<Row>(q: WarehouseQuery<Row>, signal: AbortSignal): Promise<unknown[]> {
    await gate.enter(signal);
    let operation: IOperation | null = null;
    let cancelling: Promise<unknown> | null = null;
    const cancel = () => {
      cancelling ??= operation
        ? Promise.race([operation.cancel(), new Promise((resolve) => setTimeout(resolve, 5_000))]).catch(() => undefined)
        : null;
    };
    try {
      const current = openSession();
      const s = await current;
      const { sql, names } = rewriteNamedParams(q.sql, ":");
      const namedParameters = pickParams(names, q.params, q.name);
      try {
        operation = await s.executeStatement(sql, { namedParameters });
      } catch (err) {
        if (classifyDatabricksError(err).kind === "session_lost") dropSession(current);
        throw err;
      }
      signal.addEventListener("abort", cancel, { once: true });
      if (signal.aborted) cancel();
      const rows = await operation.fetchAll();
      void operation.close().catch(() => undefined);
      return rows;
    } catch (err) {
      if (cancelling) await cancelling;
      throw err;
    } finally {
      signal.removeEventListener("abort", cancel);
      gate.leave();
    }
  }

  function explain(failure: DatabricksFailure, q: { name: string }, err: unknown, retryAfterMs?: number): WarehouseError {
    switch (failure.kind) {
      case "starting":
        return new WarehouseError("The Databricks SQL warehouse is starting; this can take a few minutes.", "starting", {
          cause: err,
          retryAfterSeconds: Math.max(1, Math.ceil((retryAfterMs ?? 10_000) / 1000)),
        });
      case "auth":
        return new WarehouseError(`The Databricks SQL warehouse refused the credentials: check ${credentialSettings}.`, "auth_failed", { cause: err });
      case "missing_table":
        return new WarehouseError(
          `The gold table ${failure.table ?? "of the query"} was not found on the Databricks SQL warehouse: check DATABRICKS_CATALOG and DATABRICKS_SCHEMA (now ${config.catalog}.${config.schema}) and that the gold tables were built there.`,
          "missing_table",
          { cause: err },
        );
      case "transient":
        return new WarehouseError(`The Databricks SQL warehouse did not answer query ${q.name} after ${maxAttempts} attempts (${failure.reason}).`, "unavailable", { cause: err });
      default:
        return new WarehouseError(`query ${q.name} failed`, "query_failed", { cause: err });
    }
  }

  async function query<Row>(q: WarehouseQuery<Row>): Promise<Row[]> {
    if (q.signal?.aborted) throw new WarehouseError(`query ${q.name} was cancelled`, "aborted");
    const started = performance.now();
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(new Error("timeout")), config.queryTimeoutMs);
    const signal = q.signal ? AbortSignal.any([q.signal, timeout.signal]) : timeout.signal;
    const stopped = (err: unknown) =>
      timeout.signal.aborted && !q.signal?.aborted
        ? new WarehouseError(`query ${q.name} took longer than DATABRICKS_QUERY_TIMEOUT_MS (${config.queryTimeoutMs} ms) and was cancelled`, "timeout", { cause: err })
        : new WarehouseError(`query ${q.name} was cancelled`, "aborted", { cause: err });
    let attempts = 0;
    let transientFailures = 0;
    let sessionRetried = false;
    try {
      for (;;) {
        attempts += 1;
        let raw: unknown[];
        try {
          raw = await runOnce(q, signal);
        } catch (err) {
          if (signal.aborted) throw stopped(err);
          const failure = classifyDatabricksError(err);
          const retryAfterMs = "retryAfterMs" in failure ? failure.retryAfterMs : undefined;
          let waitMs: number | null = null;
          if (failure.kind === "starting") {
            const elapsed = performance.now() - started;
            const next = Math.min(retryAfterMs ?? backoffMs * 2 ** Math.min(attempts - 1, 5), 10_000);
            if (elapsed + next <= startingWaitMs) waitMs = next;
          } else if (failure.kind === "transient") {
            transientFailures += 1;
            if (transientFailures < maxAttempts) waitMs = Math.min(Math.max(retryAfterMs ?? 0, backoffMs * 2 ** (transientFailures - 1)), 10_000);
          } else if (failure.kind === "session_lost" && !sessionRetried) {
            sessionRetried = true;
            waitMs = 0;
          }
          if (waitMs === null) throw explain(failure, q, err, retryAfterMs);
          options.onRetry?.({ name: q.name, attempt: attempts, failure: failure.kind, waitMs });
          try {
            await abortable(waitMs, signal);
          } catch {
            throw stopped(err);
          }
          continue;
        }
        const parsed = z.array(q.row).safeParse(raw);
        if (!parsed.success) throw new WarehouseError(`query ${q.name} returned rows that do not match its schema`, "query_failed", { cause: parsed.error });
        options.onQuery?.({ name: q.name, ms: performance.now() - started, rows: parsed.data.length, attempts });
        return parsed.data;
      }
    } finally {
      clearTimeout(timer);
    }
  }

  const buildInfoRow = z.object({ build_id: z.string().min(1) });

  return {
    engine: "databricks",
    table(name: GoldTable) {
      if (!GOLD_TABLES.includes(name)) throw new Error(`${name} is not a gold contract table`);
      return qualifiedName(config, name);
    },
    query,
    async buildId() {
      if (buildIdCache && performance.now() - buildIdCache.at < buildIdTtlMs) return buildIdCache.id;
      buildIdPending ??= query({
        name: "buildId",
        sql: `SELECT build_id FROM ${qualifiedName(config, "build_info")} LIMIT 1`,
        params: {},
        row: buildInfoRow,
      })
        .then((rows) => {
          const id = rows[0]?.build_id;
          if (!id) throw new WarehouseError(`${qualifiedName(config, "build_info")} has no row: the gold tables have not been built`, "no_gold_build");
          buildIdCache = { id, at: performance.now() };
          return id;
        })
        .finally(() => {
          buildIdPending = null;
        });
      return buildIdPending;
    },
    async close() {
      const s = session;
      const c = client;
      session = null;
      client = null;
      await s?.then((x) => x.close()).catch(() => undefined);
      await c?.then((x) => x.close()).catch(() => undefined);
    },
  };
}
