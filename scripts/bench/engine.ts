// Runs in a child process started with `--conditions=react-server`, so the API builders and the query
// modules (which import "server-only") load outside Next. The parent sends it one API request at a time,
// right after timing that request against the server: the request is built through the real builder on a
// recording warehouse, and the SQL it ran is replayed straight on DuckDB, phase by phase with the app's
// connection count, so the API's latency can be set against engine time measured a moment later.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { DuckDBInstance, type DuckDBConnection, type DuckDBPreparedStatement } from "@duckdb/node-api";
import { bindDuckDbParams, createDuckDbWarehouse } from "../../lib/warehouse/duckdb";
import type { SqlParam, Warehouse } from "../../lib/warehouse/types";
import { createPrismaClient } from "../../lib/dbClient";
import { parseSearchParams } from "../../lib/api/parseRequest";
import { buildLossSummary } from "../../lib/api/lossSummary";
import { lossSummaryQuery } from "../../lib/api/lossSummarySchema";
import { buildEngagement, buildEngagementAccounts } from "../../lib/api/engagement";
import { engagementQuery } from "../../lib/api/engagementSchema";
import { buildClaimDetail, buildClaimTelematics, buildClaimsQueue } from "../../lib/api/claims";
import { claimsQuery } from "../../lib/api/claimsSchema";
import { median } from "./stats";

export interface EngineSpec {
  warehouseDir: string;
  databaseUrl: string;
  connections: number;
  repeats: number;
  /** Write EXPLAIN ANALYZE of this many of the slowest queries into profileDir. */
  profileTop: number;
  profileDir: string;
}

export interface EngineRequest {
  id: string;
  path: string;
}

export interface EngineQuery {
  name: string;
  phase: number;
  /** Time of the statement run alone on an idle connection, buffers warm. */
  ms: number;
  rows: number;
}

export interface EngineCase {
  id: string;
  path: string;
  /** Median wall time of the API's statements replayed as the API runs them (phases in parallel on the pool). */
  engineMs: number;
  /** The same with each statement prepared beforehand, as the app keeps them per connection: bind and run only. */
  preparedMs: number;
  /** Sum of the statements' times run one after another. */
  serialMs: number;
  queries: EngineQuery[];
}

export interface EngineOutput {
  cases: EngineCase[];
  profiles: Array<{ name: string; ms: number; file: string }>;
}

interface Recorded {
  name: string;
  sql: string;
  params: Record<string, SqlParam>;
  start: number;
  end: number;
  phase: number;
}

function recordingWarehouse(inner: Warehouse, log: Recorded[]): Warehouse {
  return {
    engine: inner.engine,
    table: (name) => inner.table(name),
    buildId: () => inner.buildId(),
    close: () => inner.close(),
    async query(q) {
      const rec: Recorded = { name: q.name, sql: q.sql, params: q.params, start: performance.now(), end: Number.POSITIVE_INFINITY, phase: 0 };
      // A statement belongs to a later phase when it starts after an earlier one has finished (it waited for it).
      const finished = log.filter((r) => r.end <= rec.start);
      rec.phase = finished.length > 0 ? Math.max(...finished.map((r) => r.phase)) + 1 : 0;
      log.push(rec);
      try {
        return await inner.query(q);
      } finally {
        rec.end = performance.now();
      }
    },
  };
}

// The app's own parameter binding.
const bind = (rec: Recorded) => bindDuckDbParams(rec.sql, rec.params, rec.name);

async function timed(conn: DuckDBConnection, rec: Recorded): Promise<{ ms: number; rows: number }> {
  const { sql, values, types } = bind(rec);
  const started = performance.now();
  const reader = await conn.runAndReadAll(sql, values, types);
  return { ms: performance.now() - started, rows: reader.currentRowCount };
}

type Prepared = Map<DuckDBConnection, Map<string, DuckDBPreparedStatement>>;

async function prepareAll(conns: DuckDBConnection[], recs: Recorded[], prepared: Prepared): Promise<void> {
  for (const conn of conns) {
    const byText = prepared.get(conn) ?? new Map<string, DuckDBPreparedStatement>();
    prepared.set(conn, byText);
    for (const rec of recs) {
      const { sql } = bind(rec);
      if (!byText.has(sql)) byText.set(sql, await conn.prepare(sql));
    }
  }
}

async function runPrepared(conn: DuckDBConnection, rec: Recorded, prepared: Prepared): Promise<void> {
  const { sql, values, types } = bind(rec);
  const statement = prepared.get(conn)!.get(sql)!;
  statement.bind(values, types);
  await statement.runAndReadAll();
}

/**
 * Runs statements on at most `conns.length` connections at once, as the app's pool does; returns wall
 * time. With `prepared`, each statement only binds and runs (prepared beforehand, outside the time).
 */
async function runPhase(conns: DuckDBConnection[], recs: Recorded[], prepared?: Prepared): Promise<number> {
  const started = performance.now();
  let next = 0;
  await Promise.all(
    conns.slice(0, recs.length).map(async (conn) => {
      while (next < recs.length) {
        const rec = recs[next++]!;
        if (prepared) await runPrepared(conn, rec, prepared);
        else await timed(conn, rec);
      }
    }),
  );
  return performance.now() - started;
}

/**
 * The statements one request runs on the warm path. Values the API keeps per gold build (build status,
 * filter options) are read on a build's first request only, so the request is built once to warm them
 * on the same warehouse object, and recorded the second time.
 */
async function record(w: Warehouse, log: Recorded[], prisma: ReturnType<typeof createPrismaClient>, apiPath: string): Promise<Recorded[]> {
  await build(w, prisma, apiPath);
  log.length = 0;
  // The answers the builders cache per request (lib/api/cachedJsonRoute.ts) and per statement
  // (lib/queries/defineQuery.ts) are dropped, so the recorded run executes the statements a first-time
  // request does; per-build values stay warm.
  const caches = globalThis as { goldlensResponseCaches?: Map<string, { clear(): void }>; goldlensStatementCaches?: WeakMap<Warehouse, unknown> };
  for (const cache of caches.goldlensResponseCaches?.values() ?? []) cache.clear();
  caches.goldlensStatementCaches?.delete(w);
  await build(w, prisma, apiPath);
  return [...log];
}

async function build(w: Warehouse, prisma: ReturnType<typeof createPrismaClient>, apiPath: string): Promise<void> {
  const url = new URL(apiPath, "http://bench.local");
  const parts = url.pathname.split("/").filter(Boolean).map(decodeURIComponent);
  if (url.pathname === "/api/loss-summary") await buildLossSummary(w, parseSearchParams(url, lossSummaryQuery));
  else if (url.pathname === "/api/engagement") await buildEngagement(w, parseSearchParams(url, engagementQuery));
  else if (url.pathname === "/api/engagement/accounts") await buildEngagementAccounts(w, parseSearchParams(url, engagementQuery));
  else if (url.pathname === "/api/claims") await buildClaimsQueue(w, prisma, parseSearchParams(url, claimsQuery));
  else if (parts.length === 3 && parts[1] === "claims") await buildClaimDetail(w, prisma, parts[2]!);
  else if (parts.length === 4 && parts[1] === "claims" && parts[3] === "telematics") await buildClaimTelematics(w, parts[2]!);
  else throw new Error(`no builder for ${apiPath}`);
}

export interface EngineSession {
  /** Replays one API request's statements and times them. */
  measure(request: EngineRequest): Promise<EngineCase>;
  /** EXPLAIN ANALYZE of the slowest statements measured so far (spec.profileTop of them), written to files. */
  profiles(): Promise<EngineOutput["profiles"]>;
  close(): Promise<void>;
}

export async function openEngineSession(spec: EngineSpec): Promise<EngineSession> {
  const pointer = JSON.parse(readFileSync(path.join(spec.warehouseDir, "CURRENT.json"), "utf8")) as { file: string };
  const warehouse = createDuckDbWarehouse({ warehouseDir: spec.warehouseDir, connections: spec.connections });
  const prisma = createPrismaClient(spec.databaseUrl);
  const instance = await DuckDBInstance.create(path.join(spec.warehouseDir, pointer.file), { access_mode: "READ_ONLY" });
  const conns = await Promise.all(Array.from({ length: spec.connections }, () => instance.connect()));
  const slowest = new Map<string, { ms: number; rec: Recorded }>();
  const log: Recorded[] = [];
  const recording = recordingWarehouse(warehouse, log);

  async function measure(c: EngineRequest): Promise<EngineCase> {
    const recs = await record(recording, log, prisma, c.path);
    const phases = [...new Set(recs.map((r) => r.phase))].sort((a, b) => a - b).map((p) => recs.filter((r) => r.phase === p));
    // One unmeasured round warms DuckDB's buffers, as the API's warm path is, then spec.repeats timed ones;
    // afterwards each statement alone once.
    const rounds = async (prepared?: Prepared): Promise<number[]> => {
      const walls: number[] = [];
      for (let round = 0; round <= spec.repeats; round++) {
        let wall = 0;
        for (const phase of phases) wall += await runPhase(conns, phase, prepared);
        if (round > 0) walls.push(wall);
      }
      return walls;
    };
    const walls = await rounds();
    const prepared: Prepared = new Map();
    await prepareAll(conns, recs, prepared);
    const preparedWalls = await rounds(prepared);
    for (const byText of prepared.values()) for (const statement of byText.values()) statement.destroySync();
    const alone = new Map<Recorded, { ms: number; rows: number }>();
    for (const rec of recs) alone.set(rec, await timed(conns[0]!, rec));
    const queries = recs.map((r) => ({ name: r.name, phase: r.phase, ms: alone.get(r)!.ms, rows: alone.get(r)!.rows }));
    for (const [i, q] of queries.entries()) {
      const seen = slowest.get(q.name);
      if (!seen || seen.ms < q.ms) slowest.set(q.name, { ms: q.ms, rec: recs[i]! });
    }
    return { id: c.id, path: c.path, engineMs: median(walls), preparedMs: median(preparedWalls), serialMs: queries.reduce((sum, q) => sum + q.ms, 0), queries };
  }

  async function profiles(): Promise<EngineOutput["profiles"]> {
    const written: EngineOutput["profiles"] = [];
    if (spec.profileTop <= 0) return written;
    mkdirSync(spec.profileDir, { recursive: true });
    const top = [...slowest.entries()].sort((a, b) => b[1].ms - a[1].ms).slice(0, spec.profileTop);
    for (const [name, { ms, rec }] of top) {
      const { sql, values, types } = bind(rec);
      const reader = await conns[0]!.runAndReadAll(`EXPLAIN ANALYZE ${sql}`, values, types);
      const plan = reader.getRows().map((row) => String(row[1] ?? "")).join("\n");
      const file = path.join(spec.profileDir, `${name}.txt`);
      writeFileSync(file, `-- ${name}: ${ms.toFixed(1)} ms alone\n-- params: ${JSON.stringify(rec.params)}\n${sql}\n\n${plan}\n`);
      written.push({ name, ms, file });
    }
    return written;
  }

  async function close(): Promise<void> {
    for (const c of conns) c.closeSync();
    instance.closeSync();
    await warehouse.close();
    await prisma.$disconnect();
  }

  return { measure, profiles, close };
}

/** What the parent sends the child: a request to replay, or the word to write its profiles and stop. */
export type EngineMessage = { kind: "measure"; request: EngineRequest } | { kind: "finish" };
export type EngineReply = { kind: "ready" } | { kind: "case"; case: EngineCase } | { kind: "profiles"; profiles: EngineOutput["profiles"] } | { kind: "error"; message: string };

const isMain = process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename);
if (isMain) {
  const spec = JSON.parse(readFileSync(process.argv[2]!, "utf8")) as EngineSpec;
  const session = await openEngineSession(spec);
  const reply = (message: EngineReply) => process.send!(message);
  // One message at a time: the parent waits for each reply before it sends the next.
  process.on("message", (message: EngineMessage) => {
    const work =
      message.kind === "measure"
        ? session.measure(message.request).then((c) => reply({ kind: "case", case: c }))
        : session.profiles().then(async (profiles) => {
            await session.close();
            reply({ kind: "profiles", profiles });
            process.disconnect();
          });
    work.catch((err: unknown) => reply({ kind: "error", message: (err as Error).stack ?? String(err) }));
  });
  reply({ kind: "ready" });
}
