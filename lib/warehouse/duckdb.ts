import { statSync, readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import {
  DuckDBInstance,
  type DuckDBConnection,
  type DuckDBPreparedStatement,
  type DuckDBType,
  BIGINT,
  BOOLEAN,
  DOUBLE,
  VARCHAR,
} from "@duckdb/node-api";
import { z } from "zod";
import { rewriteNamedParams, pickParams } from "./params";
import { GOLD_TABLES, WarehouseError, type GoldTable, type SqlParam, type Warehouse, type WarehouseQuery } from "./types";

const currentBuildSchema = z.object({ buildId: z.string().min(1), file: z.string().regex(/^gold-[A-Za-z0-9-]+\.duckdb$/), builtAt: z.string() });

export interface DuckDbWarehouseOptions {
  /** Folder holding gold-*.duckdb builds and CURRENT.json. */
  warehouseDir: string;
  /**
   * Connections kept open per build (DEFAULT_DUCKDB_CONNECTIONS unless given); queries beyond that wait their turn. Statements run on
   * Node's thread pool (4 threads unless UV_THREADPOOL_SIZE says otherwise), so no more than that execute at
   * once whatever this number; connections beyond it let the next statement start the moment one finishes,
   * instead of waiting for the busy main thread to hand a connection on.
   */
  connections?: number;
  onQuery?: (event: { name: string; ms: number; rows: number; buildId: string }) => void;
  /** DuckDB's threads per build; `defaultDuckDbThreads()` when not given. */
  threads?: number;
  /** Prepared statements kept per connection, least recently used dropped first. */
  preparedPerConnection?: number;
}

/** Connections per build when none are given (the app's DUCKDB_CONNECTIONS, and the benchmark's engine replay). */
export const DEFAULT_DUCKDB_CONNECTIONS = 16;

/**
 * DuckDB's threads when none are given: the cores Node's thread pool leaves, and at least 1 (1 on 2 cores).
 * Each statement executes on one of the pool's threads (4 unless UV_THREADPOOL_SIZE says otherwise), and
 * under load that many run at once; DuckDB's threads beyond the first compete with them and with the main
 * thread for the same cores. On 2 cores, alternating 10 s runs under 32 clients: 1 thread answered 444-452
 * Loss Summary requests against 333-415 with DuckDB's default of 2, and one client was no slower (p50 20-25
 * ms against 24-26).
 */
export function defaultDuckDbThreads(cores = availableParallelism(), poolThreads = Number(process.env.UV_THREADPOOL_SIZE) || 4): number {
  return Math.max(1, cores - poolThreads + 1);
}

/**
 * A connection's prepared statements by SQL text. A dashboard sends the same few statements with new
 * values, so after the first time only binding and running is left: no parsing or planning again.
 */
class StatementCache {
  private readonly statements = new Map<string, DuckDBPreparedStatement>();

  constructor(
    private readonly conn: DuckDBConnection,
    private readonly capacity: number,
  ) {}

  async get(sql: string): Promise<DuckDBPreparedStatement> {
    const cached = this.statements.get(sql);
    if (cached) {
      // Re-inserted so the map's order stays least recently used first.
      this.statements.delete(sql);
      this.statements.set(sql, cached);
      return cached;
    }
    const prepared = await this.conn.prepare(sql);
    this.statements.set(sql, prepared);
    for (const [oldest, statement] of this.statements) {
      if (this.statements.size <= this.capacity) break;
      this.statements.delete(oldest);
      statement.destroySync();
    }
    return prepared;
  }

  /** Forgets a statement whose run failed, so the next use prepares it afresh. */
  drop(sql: string) {
    this.statements.get(sql)?.destroySync();
    this.statements.delete(sql);
  }

  clear() {
    for (const statement of this.statements.values()) statement.destroySync();
    this.statements.clear();
  }
}

interface OpenBuild {
  buildId: string;
  instance: DuckDBInstance;
  idle: DuckDBConnection[];
  all: DuckDBConnection[];
  /** Connections open or being opened: a slot is taken before the (asynchronous) connect, so the pool never overshoots. */
  opened: number;
  statements: Map<DuckDBConnection, StatementCache>;
  waiters: Array<(c: DuckDBConnection) => void>;
  inFlight: number;
  retired: boolean;
}

function typeOf(value: SqlParam): DuckDBType {
  if (value === null || typeof value === "string") return VARCHAR;
  if (typeof value === "boolean") return BOOLEAN;
  return Number.isInteger(value) ? BIGINT : DOUBLE;
}

/** A statement's `:name` parameters as DuckDB binds them: `$name` placeholders, typed values, JS bigints for BIGINT. */
export function bindDuckDbParams(namedSql: string, params: Record<string, SqlParam>, queryName: string) {
  const { sql, names } = rewriteNamedParams(namedSql, "$");
  const picked = pickParams(names, params, queryName);
  const types = Object.fromEntries(Object.entries(picked).map(([k, v]) => [k, typeOf(v)]));
  const values = Object.fromEntries(Object.entries(picked).map(([k, v]) => [k, types[k] === BIGINT ? BigInt(v as number) : v]));
  return { sql, values, types };
}

/**
 * The embedded engine: gold builds are read-only DuckDB files. Queries check CURRENT.json (one stat call
 * per turn of the event loop) and move to a new build as soon as it is published; the previous build
 * closes once its last query finishes.
 */
export function createDuckDbWarehouse(options: DuckDbWarehouseOptions): Warehouse {
  const pointer = path.join(options.warehouseDir, "CURRENT.json");
  const poolSize = options.connections ?? DEFAULT_DUCKDB_CONNECTIONS;
  const preparedPerConnection = options.preparedPerConnection ?? 64;
  let pointerStamp = "";
  let current: OpenBuild | null = null;
  let opening: Promise<OpenBuild> | null = null;

  async function open(buildId: string, file: string): Promise<OpenBuild> {
    const instance = await DuckDBInstance.create(path.join(options.warehouseDir, file), {
      access_mode: "READ_ONLY",
      threads: String(options.threads ?? defaultDuckDbThreads()),
    });
    return { buildId, instance, idle: [], all: [], opened: 0, statements: new Map(), waiters: [], inFlight: 0, retired: false };
  }

  function closeIfDone(build: OpenBuild) {
    if (build.retired && build.inFlight === 0) {
      for (const cache of build.statements.values()) cache.clear();
      for (const c of build.all) c.closeSync();
      build.instance.closeSync();
    }
  }

  // The pointer is stat'ed once per turn of the event loop, not once per statement: the statements a request
  // starts together read the same build, and a build published since is seen by the next turn's queries.
  let turnStamp: string | null = null;
  function pointerStampThisTurn(): string {
    if (turnStamp === null) {
      const s = statSync(pointer);
      turnStamp = `${s.mtimeMs}:${s.size}:${s.ino}`;
      setImmediate(() => {
        turnStamp = null;
      });
    }
    return turnStamp;
  }

  async function live(): Promise<OpenBuild> {
    let stamp: string;
    try {
      stamp = pointerStampThisTurn();
    } catch {
      throw new WarehouseError("No gold build yet: run `npm run pipeline` (or `npm start`) to build the gold tables.", "no_gold_build");
    }
    if (current && stamp === pointerStamp) return current;
    if (opening) return opening;
    opening = (async () => {
      const next = currentBuildSchema.parse(JSON.parse(readFileSync(pointer, "utf8")));
      if (current?.buildId === next.buildId) {
        pointerStamp = stamp;
        return current;
      }
      const build = await open(next.buildId, next.file);
      const previous = current;
      current = build;
      pointerStamp = stamp;
      if (previous) {
        previous.retired = true;
        closeIfDone(previous);
      }
      return build;
    })().finally(() => {
      opening = null;
    });
    return opening;
  }

  async function acquire(build: OpenBuild): Promise<DuckDBConnection> {
    const idle = build.idle.pop();
    if (idle) return idle;
    if (build.opened < poolSize) {
      build.opened += 1;
      let c: DuckDBConnection;
      try {
        c = await build.instance.connect();
      } catch (err) {
        build.opened -= 1;
        throw err;
      }
      build.all.push(c);
      build.statements.set(c, new StatementCache(c, preparedPerConnection));
      return c;
    }
    return new Promise((resolve) => build.waiters.push(resolve));
  }

  function release(build: OpenBuild, c: DuckDBConnection) {
    const waiter = build.waiters.shift();
    if (waiter) waiter(c);
    else build.idle.push(c);
  }

  return {
    engine: "duckdb",
    table(name: GoldTable) {
      if (!GOLD_TABLES.includes(name)) throw new Error(`${name} is not a gold contract table`);
      return `gold.${name}`;
    },
    async buildId() {
      return (await live()).buildId;
    },
    async query<Row>(q: WarehouseQuery<Row>): Promise<Row[]> {
      if (q.signal?.aborted) throw new WarehouseError(`query ${q.name} was cancelled`, "aborted");
      const build = await live();
      build.inFlight += 1;
      const started = performance.now();
      const conn = await acquire(build);
      const onAbort = () => conn.interrupt();
      q.signal?.addEventListener("abort", onAbort, { once: true });
      try {
        if (q.signal?.aborted) throw new WarehouseError(`query ${q.name} was cancelled`, "aborted");
        const { sql, values, types } = bindDuckDbParams(q.sql, q.params, q.name);
        const statements = build.statements.get(conn)!;
        const statement = await statements.get(sql);
        let reader;
        try {
          statement.bind(values, types);
          reader = await statement.runAndReadAll();
        } catch (err) {
          statements.drop(sql);
          throw err;
        }
        const raw = reader.getRowObjectsJson();
        const rows = z.array(q.row).parse(raw);
        options.onQuery?.({ name: q.name, ms: performance.now() - started, rows: rows.length, buildId: build.buildId });
        return rows;
      } catch (err) {
        if (err instanceof WarehouseError) throw err;
        if (q.signal?.aborted) throw new WarehouseError(`query ${q.name} was cancelled`, "aborted", { cause: err });
        if (err instanceof z.ZodError) throw new WarehouseError(`query ${q.name} returned rows that do not match its schema`, "query_failed", { cause: err });
        throw new WarehouseError(`query ${q.name} failed`, "query_failed", { cause: err });
      } finally {
        q.signal?.removeEventListener("abort", onAbort);
        release(build, conn);
        build.inFlight -= 1;
        closeIfDone(build);
      }
    },
    async close() {
      if (current) {
        current.retired = true;
        closeIfDone(current);
        current = null;
      }
    },
  };
}
