#!/usr/bin/env node
// Stand-in for Prisma's native `schema-engine` binary, which the CLI downloads from Prisma's own
// host and which no npm package ships. It speaks the binary's protocol (argv, JSON-RPC lines on
// stdio, JSON log lines on stderr) and forwards every call to the same engine built as WASM
// (@prisma/schema-engine-wasm) running over better-sqlite3. SQLite only.
// Used through `tsx scripts/prisma.ts`; on a connected machine plain `npx prisma` ignores it.
import fs from "node:fs";
import path from "node:path";
import readline from "node:readline";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import {
  bindMigrationAwareSqlAdapterFactory,
  DriverAdapterError,
  isDriverAdapterError,
} from "@prisma/driver-adapter-utils";
import * as wasmBindings from "@prisma/schema-engine-wasm/schema_engine_bg";

const MIGRATIONS_TABLE = "_prisma_migrations";
const NO_FILTER = { externalTables: [], externalEnums: [] };
// The native engine's code for user-facing JSON-RPC errors; the CLI reads `data`, not this.
const RPC_ERROR_CODE = 4466;

// A Rust panic records its reason here, then traps with a bare "unreachable" RuntimeError.
let panicMessage;
globalThis.PRISMA_WASM_PANIC_REGISTRY = {
  set_message(message) {
    panicMessage = message;
  },
};

async function loadWasm() {
  const bindingsPath = fileURLToPath(import.meta.resolve("@prisma/schema-engine-wasm/schema_engine_bg"));
  const bytes = await fs.promises.readFile(bindingsPath.replace(/\.js$/, ".wasm"));
  // The package's own entry imports the .wasm file as an ES module, which Node 20 cannot do unflagged.
  const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": wasmBindings });
  wasmBindings.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start();
}

function parseCommandLine() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      datasource: { type: "string" },
      datamodels: { type: "string", multiple: true },
      "enabled-preview-features": { type: "string" },
      "extension-types": { type: "string" },
      version: { type: "boolean", short: "V" },
      help: { type: "boolean", short: "h" },
    },
  });
  return { ...values, positionals };
}

function sqlitePath(url, baseDir) {
  if (!url.startsWith("file:")) {
    throw new Error(
      `This offline schema engine supports SQLite "file:" URLs only, got "${url.split(":")[0]}:". ` +
        "Use plain `npx prisma` with network access for other databases.",
    );
  }
  const location = url.slice("file:".length).replace(/\?.*$/, "");
  if (location === ":memory:") return location;
  return path.resolve(baseDir, location);
}

function sqliteUrl(url, baseDir) {
  const location = sqlitePath(url, baseDir);
  // better-sqlite3 will not create missing folders, and data/ is absent on a fresh clone.
  if (location !== ":memory:") fs.mkdirSync(path.dirname(location), { recursive: true });
  return `file:${location}`;
}

const MULTIPLE_STATEMENTS = "contains more than one statement";
const SQLITE_BUSY = 5;

function isMultipleStatements(error, query) {
  return error instanceof RangeError && error.message.includes(MULTIPLE_STATEMENTS) && query.args.length === 0;
}

// The adapter reports a locked database as `SocketTimeout`, a kind this engine build cannot decode
// ("unknown variant"); as a plain SQLITE_BUSY error the engine reports it as P1008, like the native one.
function asKnownError(error) {
  if (!isDriverAdapterError(error) || error.cause.kind !== "SocketTimeout") return error;
  return new DriverAdapterError({
    kind: "sqlite",
    extendedCode: SQLITE_BUSY,
    message: error.cause.originalMessage ?? "database is locked",
  });
}

// The engine replays each migration on the shadow database as a single statement call; better-sqlite3
// prepares one statement only (P3006 otherwise), so whole scripts go through exec().
function adaptConnection(adapter) {
  const runScript = adapter.executeScript.bind(adapter);
  const executeScript = (script) => runScript(script).catch((error) => Promise.reject(asKnownError(error)));
  const guard = (run, scriptResult) => async (query) => {
    try {
      return await run(query);
    } catch (error) {
      if (!isMultipleStatements(error, query)) throw asKnownError(error);
      await executeScript(query.sql);
      return scriptResult;
    }
  };
  adapter.queryRaw = guard(adapter.queryRaw.bind(adapter), { columnNames: [], columnTypes: [], rows: [] });
  adapter.executeRaw = guard(adapter.executeRaw.bind(adapter), 0);
  adapter.executeScript = executeScript;
  return adapter;
}

function createAdapterFactory(datasource, baseDir) {
  const url = sqliteUrl(datasource.url, baseDir);
  const shadowDatabaseUrl = datasource.shadowDatabaseUrl ? sqliteUrl(datasource.shadowDatabaseUrl, baseDir) : undefined;
  const inner = new PrismaBetterSqlite3({ url }, shadowDatabaseUrl ? { shadowDatabaseUrl } : undefined);
  const factory = {
    provider: inner.provider,
    adapterName: inner.adapterName,
    databaseFile: url.slice("file:".length),
    primary: undefined,
    async connect() {
      factory.primary = adaptConnection(await inner.connect());
      return factory.primary;
    },
    async connectToShadowDb() {
      return adaptConnection(await inner.connectToShadowDb());
    },
  };
  return factory;
}

async function rows(adapter, sql) {
  const result = await adapter.queryRaw({ sql, args: [], argTypes: [] });
  return result.rows.map((row) => Object.fromEntries(result.columnNames.map((name, i) => [name, row[i]])));
}

async function hasMigrationsTable(adapter) {
  const found = await rows(adapter, `SELECT name FROM sqlite_master WHERE type = 'table' AND name = '${MIGRATIONS_TABLE}'`);
  return found.length > 0;
}

function emptyMigrationsList(baseDir) {
  return {
    baseDir,
    lockfile: { path: "migration_lock.toml", content: null },
    shadowDbInitScript: "",
    migrationDirectories: [],
  };
}

// The DDL comes from the engine itself: applying an empty history to a scratch in-memory database.
async function migrationsTableDdl(log) {
  const scratch = createAdapterFactory({ url: "file::memory:" }, process.cwd());
  const engine = await wasmBindings.SchemaEngine.new(
    { datamodels: undefined },
    log,
    bindMigrationAwareSqlAdapterFactory(scratch),
  );
  try {
    await engine.applyMigrations({ migrationsList: emptyMigrationsList(process.cwd()), filters: NO_FILTER });
    const [table] = await rows(scratch.primary, `SELECT sql FROM sqlite_master WHERE name = '${MIGRATIONS_TABLE}'`);
    const indexes = await rows(
      scratch.primary,
      `SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = '${MIGRATIONS_TABLE}' AND sql IS NOT NULL`,
    );
    return [table.sql, ...indexes.map((index) => index.sql)].join(";\n");
  } finally {
    engine.free();
    await scratch.primary?.dispose();
  }
}

// Under a driver adapter the engine reports a missing migrations table as P1014 instead of an empty
// history, so it is created before the calls that read it. Read-only diagnostics get it only for
// the duration of the call, so `migrate status` leaves the database as it found it and `migrate
// deploy` on an unmanaged database still stops with P3005.
const READS_HISTORY = new Set(["devDiagnostic", "diagnoseMigrationHistory"]);
const WRITES_HISTORY = new Set(["markMigrationApplied", "markMigrationRolledBack"]);

async function withMigrationsTable(method, factory, log, call) {
  if (!READS_HISTORY.has(method) && !WRITES_HISTORY.has(method)) return call();
  const adapter = factory.primary;
  if (await hasMigrationsTable(adapter)) return call();
  await adapter.executeScript(await migrationsTableDdl(log));
  if (WRITES_HISTORY.has(method)) return call();
  try {
    const result = await call();
    return "hasMigrationsTable" in result ? { ...result, hasMigrationsTable: false } : result;
  } finally {
    await adapter.executeScript(`DROP TABLE IF EXISTS "${MIGRATIONS_TABLE}"`);
  }
}

// The WASM engine's reset leaves a better-sqlite3 database untouched. The native engine empties a
// SQLite database by truncating its file, after leaving exclusive locking mode so that the open
// connection drops its cached pages; the same is done here on the engine's own connection.
async function truncateDatabase(factory) {
  if (factory.databaseFile === ":memory:") return;
  await factory.primary.executeScript("PRAGMA main.locking_mode=NORMAL; PRAGMA main.quick_check;");
  await fs.promises.truncate(factory.databaseFile, 0);
  await factory.primary.executeScript("PRAGMA main.locking_mode=EXCLUSIVE;");
}

function logLine(level, message, extra = {}) {
  process.stderr.write(`${JSON.stringify({ level, fields: { message, ...extra }, target: "schema_engine::logger" })}\n`);
}

class UserFacingError extends Error {
  constructor(code, message) {
    super(message);
    this.code = code;
  }
}

// One-shot commands the CLI runs as `schema-engine --datasource <json> cli <command>` before
// `migrate dev` and `migrate deploy`: it reads the outcome from the exit code and stderr log lines.
const cliCommands = {
  "can-connect-to-database"(datasource) {
    const file = sqlitePath(datasource.url, process.cwd());
    if (file !== ":memory:" && !fs.existsSync(file)) {
      throw new UserFacingError("P1003", `Database \`${path.basename(file)}\` does not exist at \`${file}\``);
    }
  },
  "create-database"(datasource) {
    const file = sqlitePath(datasource.url, process.cwd());
    if (file === ":memory:") return;
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.closeSync(fs.openSync(file, "a"));
  },
};

function runCliCommand(name, datasource) {
  const command = cliCommands[name];
  if (!command) throw new Error(`Unknown cli command: ${name}`);
  if (!datasource?.url) throw new Error("--datasource with a url is required");
  try {
    command(datasource);
  } catch (error) {
    logLine("ERROR", error.message, error.code ? { error_code: error.code } : {});
    process.exitCode = 1;
  }
}

function errorPayload(error, registry) {
  const external = /External error id#(\d+)/.exec(error?.message ?? "");
  const original = external ? registry.consumeError(Number(external[1]))?.error : undefined;
  if (original) return errorPayload(original, registry);
  if (error instanceof WebAssembly.RuntimeError) {
    const message = panicMessage ?? error.message;
    return { code: RPC_ERROR_CODE, message, data: { is_panic: true, message, backtrace: error.stack } };
  }
  const data = { is_panic: false, message: error?.message ?? String(error) };
  if (typeof error?.code === "string" && /^P\d{4}$/.test(error.code)) {
    data.error_code = error.code;
    data.meta = error.meta ?? null;
  }
  return { code: RPC_ERROR_CODE, message: "An error happened. Check the data field for details.", data };
}

function createChannel() {
  const pending = new Map();
  let nextId = 1;
  let closed = false;
  const send = (message) => process.stdout.write(`${JSON.stringify({ jsonrpc: "2.0", ...message })}\n`);
  return {
    send,
    // The native engine prints through the CLI (a `print` request) rather than to its own stdout.
    print(content) {
      if (closed) return Promise.resolve();
      const id = `engine-${nextId++}`;
      const answered = new Promise((resolve) => pending.set(id, resolve));
      send({ id, method: "print", params: { content } });
      return answered;
    },
    settle(message) {
      const resolve = pending.get(message.id);
      pending.delete(message.id);
      resolve?.(message);
    },
    // Once stdin is closed no answer can arrive; waiting would keep the last response from being sent.
    settleAll() {
      closed = true;
      for (const resolve of pending.values()) resolve(undefined);
      pending.clear();
    },
  };
}

// Under a driver adapter these two get no shadow database: they take the schema of the migration
// history from a cache that only devDiagnostic fills, keyed by the migrations it replays (the applied
// ones). `migrate dev` applies pending migrations between its devDiagnostic and these calls, so
// without a fresh diagnosis they fail with "SQLite shadow DB must be provided through an external factory".
const READS_HISTORY_SCHEMA_FROM_CACHE = new Set(["evaluateDataLoss", "createMigration"]);

// The RPC methods the CLI may call that the WASM engine implements under the same name.
const FORWARDED_METHODS = new Set([
  "applyMigrations",
  "createMigration",
  "dbExecute",
  "debugPanic",
  "devDiagnostic",
  "diagnoseMigrationHistory",
  "ensureConnectionValidity",
  "evaluateDataLoss",
  "introspect",
  "introspectSql",
  "markMigrationApplied",
  "markMigrationRolledBack",
  "schemaPush",
]);

async function serve(datasource, datamodels) {
  const baseDir = process.cwd();
  const log = (line) => process.stderr.write(line.endsWith("\n") ? line : `${line}\n`);
  const factory = createAdapterFactory(datasource, baseDir);
  const boundFactory = bindMigrationAwareSqlAdapterFactory(factory);
  const engine = await wasmBindings.SchemaEngine.new(
    {
      datamodels: datamodels.length
        ? datamodels.map((file) => [file, fs.readFileSync(path.resolve(baseDir, file), "utf8")])
        : undefined,
    },
    log,
    boundFactory,
  );
  const channel = createChannel();

  const handlers = {
    getDatabaseVersion: (params) => engine.version(params ?? null),
    createDatabase: () => ({ databaseName: path.basename(factory.databaseFile) }),
    reset: async () => {
      await truncateDatabase(factory);
      return {};
    },
    diff: async (params) => {
      const { stdout, ...rest } = await engine.diff(params);
      if (stdout) await channel.print(stdout.replace(/\n$/, ""));
      return { ...rest, stdout: null };
    },
  };

  const forward = (method, params) => withMigrationsTable(method, factory, log, () => engine[method](params));

  const call = async (method, params) => {
    if (Object.hasOwn(handlers, method)) return handlers[method](params);
    if (!FORWARDED_METHODS.has(method)) throw new Error(`Unknown method: ${method}`);
    if (READS_HISTORY_SCHEMA_FROM_CACHE.has(method)) {
      // A broken history is reported by the call itself.
      await forward("devDiagnostic", { migrationsList: params.migrationsList, filters: params.filters }).catch(() => {});
    }
    return forward(method, params);
  };

  const handle = async (request) => {
    try {
      const result = await call(request.method, request.params);
      channel.send({ id: request.id, result: result ?? null });
    } catch (error) {
      channel.send({ id: request.id, error: errorPayload(error, boundFactory.errorRegistry) });
    }
  };

  let queue = Promise.resolve();
  const input = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  input.on("line", (line) => {
    if (!line.trim()) return;
    let message;
    try {
      message = JSON.parse(line);
    } catch {
      channel.send({ id: null, error: { code: -32700, message: "Parse error" } });
      return;
    }
    if (message.method === undefined) {
      channel.settle(message);
      return;
    }
    // One call at a time, in arrival order, as the native engine handles them.
    queue = queue.then(() => handle(message));
  });
  // The CLI stops the engine by closing its stdin.
  await new Promise((resolve) => input.once("close", resolve));
  channel.settleAll();
  await queue;
  // After a panic the engine is poisoned and cannot be freed; the process is ending either way.
  if (panicMessage === undefined) engine.free();
  await factory.primary?.dispose();
}

async function main() {
  const args = parseCommandLine();
  if (args.help) {
    process.stdout.write("Usage: schema-engine [--datasource <json>] [--datamodels <path>]... [cli <command>]\n");
    return;
  }
  const datasource = args.datasource ? JSON.parse(args.datasource) : undefined;
  const [mode, command] = args.positionals;
  if (mode === "cli") {
    // The CLI skips the first stderr line of a `cli` command before parsing the rest.
    logLine("INFO", `Starting schema engine CLI command ${command}`);
    runCliCommand(command, datasource);
    return;
  }
  if (mode !== undefined) throw new Error(`Unexpected argument: ${mode}`);

  await loadWasm();
  if (args.version) {
    process.stdout.write(`schema-engine-cli ${wasmBindings.version()}\n`);
    return;
  }
  logLine("INFO", `Starting schema engine RPC server (wasm ${wasmBindings.version()})`);
  // Without a datasource the engine can still diff schema files; SQLite needs no server for that.
  await serve(datasource?.url ? datasource : { url: "file::memory:" }, args.datamodels ?? []);
}

main().catch((error) => {
  logLine("ERROR", error?.message ?? String(error));
  process.exit(1);
});
