import { randomBytes, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import {
  BIGINT,
  BOOLEAN,
  DOUBLE,
  DuckDBInstance,
  DuckDBTypeId,
  VARCHAR,
  type DuckDBConnection,
  type DuckDBType,
} from "@duckdb/node-api";
import { databricksError, databricksToDuckDb } from "./translate";

/*
 * A local stand-in for a Databricks SQL warehouse, for tests: an HTTPS server speaking the part of the
 * TCLIService Thrift protocol (binary protocol over HTTP POST, as the warehouse does) that @databricks/sql
 * uses, answering from DuckDB over a gold build. It uses the service definitions shipped inside the
 * driver, so the unmodified client talks to it exactly as it talks to a workspace:
 *   OpenSession / CloseSession, ExecuteStatement (always asynchronous, with named parameters),
 *   GetOperationStatus, GetResultSetMetadata, FetchResults (column-based TRowSet in pages),
 *   CancelOperation, CloseOperation; and POST /oidc/v1/token for OAuth machine-to-machine tokens.
 * Results are always inline column sets: the client asks for Arrow and cloud fetch, and a server is free
 * to answer COLUMN_BASED_SET instead, which the driver reads as a real warehouse's.
 * Faults are injected per instance with inject(); everything the server did is in its records.
 */

const requireFromDriver = createRequire(createRequire(import.meta.url).resolve("@databricks/sql/package.json"));
/* eslint-disable @typescript-eslint/no-explicit-any -- the generated Thrift code is untyped JavaScript */
const thrift: any = requireFromDriver("thrift");
const TCLIService: any = requireFromDriver("./thrift/TCLIService");
const ttypes: any = requireFromDriver("./thrift/TCLIService_types");
const Int64: any = requireFromDriver("node-int64");
/* eslint-enable @typescript-eslint/no-explicit-any */

const here = fileURLToPath(new URL(".", import.meta.url));
/** A self-signed certificate for 127.0.0.1 and localhost, valid for a century: test use only. */
export const STAND_IN_CA = readFileSync(`${here}tls-cert.pem`, "utf8");
const TLS_KEY = readFileSync(`${here}tls-key.pem`, "utf8");

export interface StandInOptions {
  /** A gold build (gold-*.duckdb), attached read-only as `catalog`; its `gold` schema holds the tables. */
  goldFile: string;
  catalog?: string;
  /** The personal access token the stand-in accepts. */
  token?: string;
  /** The OAuth machine-to-machine client the token endpoint accepts. */
  oauthClient?: { id: string; secret: string };
  /** At most this many rows per FetchResults page, whatever the client asks for. */
  pageSize?: number;
}

export interface Faults {
  /** Each statement stays RUNNING this long before DuckDB runs it (a cancel ends the wait). */
  slowMs?: number;
  /** For this long from now, every request is answered like a warehouse that is starting: HTTP 503. */
  startingForMs?: number;
  /** The next `count` requests (of `method`, if given) are answered with this HTTP status. */
  httpErrors?: { status: 429 | 503; count: number; method?: string; retryAfterSeconds?: number };
  /** A FetchResults request after this many pages of an operation has its connection dropped, `times` times. */
  dropFetchAfterPages?: number;
  dropFetchTimes?: number;
  /** Every request is refused as unauthenticated (HTTP 401), whatever its token. */
  authFailure?: boolean;
}

export interface OperationRecord {
  id: string;
  sessionId: string;
  sql: string;
  params: Record<string, string | number | boolean | null>;
  state: "pending" | "running" | "finished" | "error" | "cancelled" | "closed";
  cancelRequested: boolean;
  /** DuckDB was interrupted while running the statement (not merely a wait that was cut short). */
  interrupted: boolean;
  pagesServed: number;
  error?: string;
}

export interface StandInRecords {
  /** Thrift calls answered, by method (refused requests do not count). */
  calls: Record<string, number>;
  /** HTTP requests refused by a fault, by status. */
  refused: Record<number, number>;
  /** Connections dropped mid-fetch. */
  dropped: number;
  operations: OperationRecord[];
  /** The most statements ever running at once. */
  maxRunning: number;
  /** Flags the client set on its last ExecuteStatement (what it can read). */
  lastExecuteFlags: Record<string, unknown>;
}

interface Column {
  name: string;
  type: DuckDBType;
  values: unknown[];
}

interface Operation {
  record: OperationRecord;
  abort: AbortController;
  connection?: DuckDBConnection;
  columns?: Column[];
  rowCount: number;
  cursor: number;
  done: Promise<void>;
}

export interface StandIn {
  /** Connection settings for the driver: host 127.0.0.1, an ephemeral port, an HTTP path. */
  readonly host: string;
  readonly port: number;
  readonly path: string;
  readonly token: string;
  readonly oauthClient: { id: string; secret: string };
  readonly catalog: string;
  readonly records: StandInRecords;
  inject(faults: Faults): void;
  /** Forgets every open session, as a warehouse does when it restarts: their next statement is refused. */
  expireSessions(): void;
  /** Statements running right now. */
  running(): number;
  close(): Promise<void>;
}

const ok = () => ({ statusCode: ttypes.TStatusCode.SUCCESS_STATUS });
/** How long ExecuteStatement waits for a statement to finish when the client asks for direct results. */
const DIRECT_RESULTS_WAIT_MS = 500;
const invalidHandle = (what: string) => ({ statusCode: ttypes.TStatusCode.INVALID_HANDLE_STATUS, errorMessage: `Invalid ${what}`, sqlState: "HY000" });

/** Handles are UUIDs, as the warehouse's are (the driver prints them as such). */
function handle(): { guid: Buffer; secret: Buffer } {
  return { guid: Buffer.from(randomUUID().replaceAll("-", ""), "hex"), secret: randomBytes(16) };
}

function int64(value: bigint | number): unknown {
  const buffer = Buffer.alloc(8);
  buffer.writeBigInt64BE(BigInt(value));
  return new Int64(buffer);
}

function nullBitmap(values: unknown[]): Buffer {
  const bits = Buffer.alloc(Math.ceil(values.length / 8));
  values.forEach((v, i) => {
    if (v === null || v === undefined) bits[i >> 3]! |= 1 << (i % 8);
  });
  return bits;
}

/** DuckDB type -> Thrift type id and the TColumn field that carries it. */
function thriftType(type: DuckDBType): { id: number; field: string; convert: (v: unknown) => unknown; zero: unknown } {
  const T = ttypes.TTypeId;
  const asString = (v: unknown) => (typeof v === "string" ? v : JSON.stringify(v));
  switch (type.typeId) {
    case DuckDBTypeId.BOOLEAN:
      return { id: T.BOOLEAN_TYPE, field: "boolVal", convert: Boolean, zero: false };
    case DuckDBTypeId.TINYINT:
      return { id: T.TINYINT_TYPE, field: "byteVal", convert: Number, zero: 0 };
    case DuckDBTypeId.SMALLINT:
      return { id: T.SMALLINT_TYPE, field: "i16Val", convert: Number, zero: 0 };
    case DuckDBTypeId.INTEGER:
    case DuckDBTypeId.UTINYINT:
    case DuckDBTypeId.USMALLINT:
      return { id: T.INT_TYPE, field: "i32Val", convert: Number, zero: 0 };
    // Databricks has no 128-bit integers: DuckDB's sum(BIGINT) is HUGEINT, Databricks' is BIGINT.
    case DuckDBTypeId.BIGINT:
    case DuckDBTypeId.UINTEGER:
    case DuckDBTypeId.UBIGINT:
    case DuckDBTypeId.HUGEINT:
    case DuckDBTypeId.UHUGEINT:
      return { id: T.BIGINT_TYPE, field: "i64Val", convert: (v) => int64(BigInt(v as string | number)), zero: int64(0) };
    case DuckDBTypeId.FLOAT:
      return { id: T.FLOAT_TYPE, field: "doubleVal", convert: Number, zero: 0 };
    case DuckDBTypeId.DOUBLE:
      return { id: T.DOUBLE_TYPE, field: "doubleVal", convert: Number, zero: 0 };
    case DuckDBTypeId.DECIMAL:
      return { id: T.DECIMAL_TYPE, field: "stringVal", convert: String, zero: "" };
    case DuckDBTypeId.DATE:
      return { id: T.DATE_TYPE, field: "stringVal", convert: String, zero: "" };
    case DuckDBTypeId.TIMESTAMP:
    case DuckDBTypeId.TIMESTAMP_TZ:
    case DuckDBTypeId.TIMESTAMP_MS:
    case DuckDBTypeId.TIMESTAMP_S:
      return { id: T.TIMESTAMP_TYPE, field: "stringVal", convert: String, zero: "" };
    case DuckDBTypeId.LIST:
    case DuckDBTypeId.ARRAY:
      return { id: T.ARRAY_TYPE, field: "stringVal", convert: asString, zero: "" };
    case DuckDBTypeId.STRUCT:
      return { id: T.STRUCT_TYPE, field: "stringVal", convert: asString, zero: "" };
    default:
      return { id: T.STRING_TYPE, field: "stringVal", convert: asString, zero: "" };
  }
}

function typeDesc(type: DuckDBType) {
  const { id } = thriftType(type);
  const qualifiers =
    type.typeId === DuckDBTypeId.DECIMAL && "width" in type
      ? { qualifiers: { precision: { i32Value: Number(type.width) }, scale: { i32Value: Number((type as { scale: number }).scale) } } }
      : undefined;
  return { types: [{ primitiveEntry: { type: id, typeQualifiers: qualifiers } }] };
}

/** A TSparkParameter as a DuckDB value and type: the value travels as text, its Spark type beside it. */
function bindParameter(p: { type?: string | null; value?: { stringValue?: string | null } | null }): { value: string | number | boolean | bigint | null; type: DuckDBType; shown: string | number | boolean | null } {
  const text = p.value?.stringValue;
  const type = (p.type ?? "VOID").toUpperCase();
  if (text === undefined || text === null || type === "VOID") return { value: null, type: VARCHAR, shown: null };
  if (["TINYINT", "SMALLINT", "INT", "INTEGER", "BIGINT"].includes(type)) return { value: BigInt(text), type: BIGINT, shown: Number(text) };
  if (["FLOAT", "DOUBLE", "DECIMAL"].includes(type)) return { value: Number(text), type: DOUBLE, shown: Number(text) };
  if (type === "BOOLEAN") return { value: text.toUpperCase() === "TRUE", type: BOOLEAN, shown: text.toUpperCase() === "TRUE" };
  return { value: text, type: VARCHAR, shown: text };
}

function cancellableDelay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener("abort", () => {
      clearTimeout(timer);
      resolve();
    }, { once: true });
  });
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

function thriftMethod(body: Buffer): string | undefined {
  let name: string | undefined;
  try {
    thrift.TBufferedTransport.receiver((t: unknown) => {
      name = new thrift.TBinaryProtocol(t).readMessageBegin().fname;
    }, 0)(body);
  } catch {
    return undefined;
  }
  return name;
}

export async function startStandIn(options: StandInOptions): Promise<StandIn> {
  const catalog = options.catalog ?? "goldlens";
  const token = options.token ?? `dapi-stand-in-${randomUUID()}`;
  const oauthClient = options.oauthClient ?? { id: "stand-in-client", secret: `secret-${randomUUID()}` };
  const pageSize = options.pageSize ?? 1000;
  const path = "/sql/1.0/warehouses/stand-in";

  const instance = await DuckDBInstance.create(":memory:");
  const setup = await instance.connect();
  await setup.run(`ATTACH '${options.goldFile.replaceAll("'", "''")}' AS "${catalog.replaceAll('"', '""')}" (READ_ONLY)`);
  setup.closeSync();

  const records: StandInRecords = { calls: {}, refused: {}, dropped: 0, operations: [], maxRunning: 0, lastExecuteFlags: {} };
  const sessions = new Set<string>();
  const operations = new Map<string, Operation>();
  const oauthTokens = new Set<string>();
  let faults: Faults = {};
  let startingUntil = 0;
  let httpErrorsLeft = 0;
  let dropsLeft = 0;
  let runningNow = 0;

  const key = (h: { guid: Buffer }) => Buffer.from(h.guid).toString("hex");

  async function execute(op: Operation, sql: string, values: Record<string, unknown>, types: Record<string, DuckDBType>) {
    const record = op.record;
    record.state = "running";
    runningNow += 1;
    records.maxRunning = Math.max(records.maxRunning, runningNow);
    try {
      if (faults.slowMs) await cancellableDelay(faults.slowMs, op.abort.signal);
      if (record.cancelRequested) return;
      op.connection = await instance.connect();
      const reader = await op.connection.runAndReadAll(sql, values as never, types);
      const names = reader.columnNames();
      const columnTypes = reader.columnTypes();
      const data = reader.getColumnsJson();
      op.columns = names.map((name, i) => ({ name, type: columnTypes[i]!, values: data[i] ?? [] }));
      op.rowCount = reader.currentRowCount;
      if (!record.cancelRequested) record.state = "finished";
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      if (record.cancelRequested) {
        record.interrupted = /interrupt/i.test(message);
        record.state = "cancelled";
      } else {
        record.state = "error";
        record.error = message;
      }
    } finally {
      runningNow -= 1;
      op.connection?.closeSync();
      op.connection = undefined;
    }
  }

  function operation(req: { operationHandle: { operationId: { guid: Buffer } } }): Operation | undefined {
    return operations.get(key(req.operationHandle.operationId));
  }

  function statusOf(op: Operation) {
    const S = ttypes.TOperationState;
    const state = { pending: S.PENDING_STATE, running: S.RUNNING_STATE, finished: S.FINISHED_STATE, error: S.ERROR_STATE, cancelled: S.CANCELED_STATE, closed: S.CLOSED_STATE }[op.record.state];
    if (op.record.state === "error") {
      const raw = op.record.error!;
      const e = raw.startsWith("[") ? { message: raw, sqlState: /SQLSTATE: (\w+)/.exec(raw)?.[1] ?? "XX000" } : databricksError(raw, op.record.sql);
      return { status: ok(), operationState: state, errorMessage: e.message, displayMessage: e.message, sqlState: e.sqlState };
    }
    return { status: ok(), operationState: state, hasResultSet: true };
  }

  function metadataOf(op: Operation & { columns: Column[] }) {
    return {
      status: ok(),
      schema: { columns: op.columns.map((c, i) => ({ columnName: c.name, typeDesc: typeDesc(c.type), position: i + 1 })) },
      resultFormat: ttypes.TSparkRowSetType.COLUMN_BASED_SET,
      lz4Compressed: false,
    };
  }

  /** The next page of an operation's rows as an inline column set. */
  function pageOf(op: Operation & { columns: Column[] }, asked: number) {
    const take = Math.min(asked > 0 ? asked : pageSize, pageSize);
    const start = op.cursor;
    const end = Math.min(op.rowCount, start + take);
    op.cursor = end;
    op.record.pagesServed += 1;
    const columns = op.columns.map((c) => {
      const t = thriftType(c.type);
      const slice = c.values.slice(start, end);
      return { [t.field]: { values: slice.map((v) => (v === null ? t.zero : t.convert(v))), nulls: nullBitmap(slice) } };
    });
    return { status: ok(), hasMoreRows: end < op.rowCount, results: { startRowOffset: int64(start), rows: [], columns, columnCount: columns.length } };
  }

  const hasColumns = (op: Operation | undefined): op is Operation & { columns: Column[] } => Boolean(op?.columns);

  function makeHandler(exchange: { drop: boolean }) {
    const count = (method: string) => {
      records.calls[method] = (records.calls[method] ?? 0) + 1;
    };
    /* eslint-disable @typescript-eslint/no-explicit-any -- requests arrive as generated Thrift structs */
    return {
      async OpenSession(_req: any) {
        count("OpenSession");
        const sessionHandle = { sessionId: handle() };
        sessions.add(key(sessionHandle.sessionId));
        return new ttypes.TOpenSessionResp({
          status: ok(),
          serverProtocolVersion: ttypes.TProtocolVersion.SPARK_CLI_SERVICE_PROTOCOL_V8,
          sessionHandle,
          canUseMultipleCatalogs: true,
        });
      },
      async CloseSession(req: any) {
        count("CloseSession");
        sessions.delete(key(req.sessionHandle.sessionId));
        return new ttypes.TCloseSessionResp({ status: ok() });
      },
      async ExecuteStatement(req: any) {
        count("ExecuteStatement");
        const sessionId = key(req.sessionHandle.sessionId);
        if (!sessions.has(sessionId)) return new ttypes.TExecuteStatementResp({ status: invalidHandle("SessionHandle") });
        records.lastExecuteFlags = {
          runAsync: req.runAsync,
          canReadArrowResult: req.canReadArrowResult,
          canDownloadResult: req.canDownloadResult,
          canDecompressLZ4Result: req.canDecompressLZ4Result,
        };
        const { sql, names } = databricksToDuckDb(req.statement);
        const values: Record<string, unknown> = {};
        const types: Record<string, DuckDBType> = {};
        const shown: OperationRecord["params"] = {};
        for (const p of (req.parameters ?? []) as any[]) {
          if (!p.name || !names.includes(p.name)) continue;
          const bound = bindParameter(p);
          values[p.name] = bound.value;
          types[p.name] = bound.type;
          shown[p.name] = bound.shown;
        }
        const operationHandle = { operationId: handle(), operationType: ttypes.TOperationType.EXECUTE_STATEMENT, hasResultSet: true };
        const record: OperationRecord = {
          id: key(operationHandle.operationId), sessionId, sql: req.statement, params: shown,
          state: "pending", cancelRequested: false, interrupted: false, pagesServed: 0,
        };
        records.operations.push(record);
        const op: Operation = { record, abort: new AbortController(), rowCount: 0, cursor: 0, done: Promise.resolve() };
        operations.set(record.id, op);
        const missing = names.filter((n) => !(n in values));
        if (missing.length > 0) {
          record.state = "error";
          record.error = `[UNBOUND_SQL_PARAMETER] Found the unbound parameter: ${missing[0]}. SQLSTATE: 42P02`;
        } else {
          op.done = execute(op, sql, values, types);
        }
        // Asked for direct results, a warehouse holds the reply for a while and, when the statement is done
        // by then, answers with its status, metadata and first page (closing it when that was every row):
        // one round trip for a small query. A statement still running gets its handle, to poll or cancel.
        const wanted = req.getDirectResults ? Number(req.getDirectResults.maxRows?.toNumber?.() ?? pageSize) : 0;
        if (!req.getDirectResults) return new ttypes.TExecuteStatementResp({ status: ok(), operationHandle });
        await Promise.race([op.done, new Promise((resolve) => setTimeout(resolve, DIRECT_RESULTS_WAIT_MS))]);
        if (record.state === "error") return new ttypes.TExecuteStatementResp({ status: ok(), operationHandle, directResults: { operationStatus: statusOf(op) } });
        if (record.state !== "finished" || !hasColumns(op)) return new ttypes.TExecuteStatementResp({ status: ok(), operationHandle });
        const directResults = { operationStatus: statusOf(op), resultSetMetadata: metadataOf(op), resultSet: pageOf(op, wanted) };
        const complete = !directResults.resultSet.hasMoreRows;
        if (complete) {
          record.state = "closed";
          operations.delete(record.id);
        }
        return new ttypes.TExecuteStatementResp({
          status: ok(),
          operationHandle,
          directResults: { ...directResults, ...(complete ? { closeOperation: { status: ok() } } : {}) },
        });
      },
      async GetOperationStatus(req: any) {
        count("GetOperationStatus");
        const op = operation(req);
        if (!op) return new ttypes.TGetOperationStatusResp({ status: invalidHandle("OperationHandle") });
        return new ttypes.TGetOperationStatusResp(statusOf(op));
      },
      async GetResultSetMetadata(req: any) {
        count("GetResultSetMetadata");
        const op = operation(req);
        if (!hasColumns(op)) return new ttypes.TGetResultSetMetadataResp({ status: invalidHandle("OperationHandle") });
        return new ttypes.TGetResultSetMetadataResp(metadataOf(op));
      },
      async FetchResults(req: any) {
        count("FetchResults");
        const op = operation(req);
        if (!hasColumns(op)) return new ttypes.TFetchResultsResp({ status: invalidHandle("OperationHandle") });
        if (faults.dropFetchAfterPages !== undefined && dropsLeft > 0 && op.record.pagesServed >= faults.dropFetchAfterPages) {
          dropsLeft -= 1;
          records.dropped += 1;
          exchange.drop = true;
          return new ttypes.TFetchResultsResp({ status: ok() });
        }
        // The driver asks FETCH_FIRST for its first page; after direct results that page was already served.
        if (req.orientation === ttypes.TFetchOrientation.FETCH_FIRST && op.record.pagesServed === 0) op.cursor = 0;
        return new ttypes.TFetchResultsResp(pageOf(op, Number(req.maxRows?.toNumber?.() ?? pageSize)));
      },
      async CancelOperation(req: any) {
        count("CancelOperation");
        const op = operation(req);
        if (!op) return new ttypes.TCancelOperationResp({ status: invalidHandle("OperationHandle") });
        op.record.cancelRequested = true;
        if (op.record.state === "pending" || op.record.state === "running") {
          op.abort.abort();
          op.connection?.interrupt();
          await op.done;
          op.record.state = "cancelled";
        }
        return new ttypes.TCancelOperationResp({ status: ok() });
      },
      async CloseOperation(req: any) {
        count("CloseOperation");
        const op = operation(req);
        if (!op) return new ttypes.TCloseOperationResp({ status: invalidHandle("OperationHandle") });
        if (op.record.state === "running" || op.record.state === "pending") {
          op.record.cancelRequested = true;
          op.abort.abort();
          op.connection?.interrupt();
          await op.done;
        }
        if (op.record.state !== "cancelled" && op.record.state !== "error") op.record.state = "closed";
        op.columns = undefined;
        operations.delete(op.record.id);
        return new ttypes.TCloseOperationResp({ status: ok() });
      },
    };
    /* eslint-enable @typescript-eslint/no-explicit-any */
  }

  function refuse(res: ServerResponse, status: number, headers: Record<string, string>, body: string) {
    records.refused[status] = (records.refused[status] ?? 0) + 1;
    res.writeHead(status, { "content-type": "text/plain", ...headers });
    res.end(body);
  }

  async function onRequest(req: IncomingMessage, res: ServerResponse) {
    const body = await readBody(req);
    const url = new URL(req.url ?? "/", "https://stand-in");

    if (url.pathname === "/oidc/v1/token" && req.method === "POST") {
      const basic = Buffer.from((req.headers.authorization ?? "").replace(/^Basic /, ""), "base64").toString();
      const form = new URLSearchParams(body.toString());
      if (faults.authFailure || basic !== `${oauthClient.id}:${oauthClient.secret}` || form.get("grant_type") !== "client_credentials") {
        refuse(res, 401, { "content-type": "application/json" }, JSON.stringify({ error: "invalid_client", error_description: "Client authentication failed" }));
        return;
      }
      const accessToken = `oauth-${randomUUID()}`;
      oauthTokens.add(accessToken);
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ access_token: accessToken, token_type: "Bearer", expires_in: 3600, scope: form.get("scope") ?? "all-apis" }));
      return;
    }

    if (req.method !== "POST" || url.pathname !== path) {
      refuse(res, 404, {}, "Not found");
      return;
    }
    const bearer = (req.headers.authorization ?? "").replace(/^Bearer /, "");
    if (faults.authFailure || (bearer !== token && !oauthTokens.has(bearer))) {
      refuse(res, 401, { "x-databricks-reason-phrase": "Invalid access token." }, "Invalid access token.");
      return;
    }
    if (Date.now() < startingUntil) {
      const seconds = Math.max(1, Math.ceil((startingUntil - Date.now()) / 1000));
      refuse(res, 503, { "retry-after": String(seconds), "x-thriftserver-error-message": "TEMPORARILY_UNAVAILABLE: The SQL warehouse is starting. Retry later." }, "");
      return;
    }
    const method = thriftMethod(body);
    if (faults.httpErrors && httpErrorsLeft > 0 && (!faults.httpErrors.method || faults.httpErrors.method === method)) {
      httpErrorsLeft -= 1;
      const { status, retryAfterSeconds } = faults.httpErrors;
      refuse(res, status, retryAfterSeconds ? { "retry-after": String(retryAfterSeconds) } : {}, status === 429 ? "Too many requests" : "Service unavailable");
      return;
    }

    const exchange = { drop: false };
    const processor = new TCLIService.Processor(makeHandler(exchange));
    const reply = await new Promise<Buffer>((resolve, reject) => {
      thrift.TBufferedTransport.receiver((input: { commitPosition(): void }) => {
        const output = new thrift.TBinaryProtocol(new thrift.TBufferedTransport(undefined, (buf: Buffer) => resolve(buf)));
        try {
          processor.process(new thrift.TBinaryProtocol(input), output);
          input.commitPosition();
        } catch (err) {
          reject(err);
        }
      }, 0)(body);
    }).catch(() => null);
    if (exchange.drop) {
      req.socket.destroy();
      return;
    }
    if (!reply) {
      res.writeHead(400);
      res.end();
      return;
    }
    res.writeHead(200, { "content-type": "application/x-thrift" });
    res.end(reply);
  }

  const server: Server = createServer({ cert: STAND_IN_CA, key: TLS_KEY }, (req, res) => {
    onRequest(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    host: "127.0.0.1",
    port,
    path,
    token,
    oauthClient,
    catalog,
    records,
    inject(next: Faults) {
      faults = next;
      startingUntil = next.startingForMs ? Date.now() + next.startingForMs : 0;
      httpErrorsLeft = next.httpErrors?.count ?? 0;
      dropsLeft = next.dropFetchAfterPages === undefined ? 0 : (next.dropFetchTimes ?? Number.POSITIVE_INFINITY);
    },
    expireSessions: () => sessions.clear(),
    running: () => runningNow,
    async close() {
      for (const op of operations.values()) {
        op.abort.abort();
        op.connection?.interrupt();
        await op.done;
      }
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      instance.closeSync();
    },
  };
}
