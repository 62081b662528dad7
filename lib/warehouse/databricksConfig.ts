/** Catalog and schema names go into SQL as identifiers, so only these characters are accepted. */
const IDENTIFIER = /^[A-Za-z0-9_][A-Za-z0-9_-]{0,254}$/;
const HOST = /^[A-Za-z0-9]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?$/;
const WAREHOUSE_ID = /^[A-Za-z0-9]{1,64}$/;

export type DatabricksAuth = { kind: "token"; token: string } | { kind: "oauth-m2m"; clientId: string; clientSecret: string };

export interface DatabricksConfig {
  host: string;
  port: number;
  httpPath: string;
  auth: DatabricksAuth;
  catalog: string;
  schema: string;
  queryTimeoutMs: number;
  maxConcurrency: number;
}

/** Every problem with the Databricks settings at once, each sentence naming its variable. */
export class DatabricksConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid Databricks settings (WAREHOUSE=databricks): ${problems.join("; ")}`);
    this.name = "DatabricksConfigError";
  }
}

type Env = Record<string, string | undefined>;

const value = (env: Env, name: string) => {
  const v = env[name]?.trim();
  return v ? v : undefined;
};

function integer(env: Env, name: string, fallback: number, min: number, max: number, problems: string[]): number {
  const raw = value(env, name);
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    problems.push(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
    return fallback;
  }
  return n;
}

/**
 * Reads and checks the Databricks settings. The host comes from DATABRICKS_SERVER_HOSTNAME or, as
 * Databricks Apps inject it, DATABRICKS_HOST (an https:// prefix is dropped); the HTTP path from
 * DATABRICKS_HTTP_PATH or DATABRICKS_WAREHOUSE_ID; credentials are a personal access token or an OAuth
 * machine-to-machine client (id and secret).
 */
export function databricksConfig(env: Env): DatabricksConfig {
  const problems: string[] = [];

  let host = "";
  let port = 443;
  const rawHost = value(env, "DATABRICKS_SERVER_HOSTNAME") ?? value(env, "DATABRICKS_HOST");
  if (!rawHost) {
    problems.push("DATABRICKS_SERVER_HOSTNAME (or DATABRICKS_HOST) is not set: the workspace host name, e.g. dbc-a1b2c3d4-e5f6.cloud.databricks.com");
  } else {
    const [name, portText] = rawHost.replace(/^https?:\/\//i, "").replace(/\/+$/, "").split(":");
    if (!name || !HOST.test(name) || (portText !== undefined && !/^\d{1,5}$/.test(portText))) {
      problems.push(`DATABRICKS_SERVER_HOSTNAME must be a host name such as dbc-a1b2c3d4-e5f6.cloud.databricks.com (got "${rawHost}")`);
    } else {
      host = name;
      if (portText !== undefined) port = Number(portText);
    }
  }

  let httpPath = "";
  const rawPath = value(env, "DATABRICKS_HTTP_PATH");
  const warehouseId = value(env, "DATABRICKS_WAREHOUSE_ID");
  if (rawPath) {
    if (!/^\/?[A-Za-z0-9._\-/]+(\?[A-Za-z0-9=&_-]*)?$/.test(rawPath)) problems.push(`DATABRICKS_HTTP_PATH must be a path such as /sql/1.0/warehouses/abcdef1234567890 (got "${rawPath}")`);
    else httpPath = rawPath.startsWith("/") ? rawPath : `/${rawPath}`;
  } else if (warehouseId) {
    if (!WAREHOUSE_ID.test(warehouseId)) problems.push(`DATABRICKS_WAREHOUSE_ID must be letters and digits (got "${warehouseId}")`);
    else httpPath = `/sql/1.0/warehouses/${warehouseId}`;
  } else {
    problems.push("DATABRICKS_HTTP_PATH (or DATABRICKS_WAREHOUSE_ID) is not set: the SQL warehouse's HTTP path, e.g. /sql/1.0/warehouses/abcdef1234567890");
  }

  let auth: DatabricksAuth | undefined;
  const token = value(env, "DATABRICKS_TOKEN");
  const clientId = value(env, "DATABRICKS_CLIENT_ID");
  const clientSecret = value(env, "DATABRICKS_CLIENT_SECRET");
  if (token) auth = { kind: "token", token };
  else if (clientId && clientSecret) auth = { kind: "oauth-m2m", clientId, clientSecret };
  else if (clientId) problems.push("DATABRICKS_CLIENT_SECRET is not set: OAuth machine-to-machine sign-in needs it beside DATABRICKS_CLIENT_ID");
  else if (clientSecret) problems.push("DATABRICKS_CLIENT_ID is not set: OAuth machine-to-machine sign-in needs it beside DATABRICKS_CLIENT_SECRET");
  else problems.push("no credentials: set DATABRICKS_TOKEN (a personal access token), or DATABRICKS_CLIENT_ID and DATABRICKS_CLIENT_SECRET (a service principal)");

  const catalog = value(env, "DATABRICKS_CATALOG");
  if (!catalog) problems.push("DATABRICKS_CATALOG is not set: the catalog that holds the gold schema");
  else if (!IDENTIFIER.test(catalog)) problems.push(`DATABRICKS_CATALOG must be letters, digits, _ or - (got "${catalog}")`);
  const schema = value(env, "DATABRICKS_SCHEMA") ?? "gold";
  if (!IDENTIFIER.test(schema)) problems.push(`DATABRICKS_SCHEMA must be letters, digits, _ or - (got "${schema}")`);

  const queryTimeoutMs = integer(env, "DATABRICKS_QUERY_TIMEOUT_MS", 30_000, 100, 3_600_000, problems);
  const maxConcurrency = integer(env, "DATABRICKS_MAX_CONCURRENCY", 4, 1, 64, problems);

  if (problems.length > 0 || !auth || !catalog) throw new DatabricksConfigError(problems);
  return { host, port, httpPath, auth, catalog, schema, queryTimeoutMs, maxConcurrency };
}

/** `catalog`.`schema`.`table`, from validated names only. */
export function qualifiedName(config: Pick<DatabricksConfig, "catalog" | "schema">, table: string): string {
  for (const part of [config.catalog, config.schema, table]) {
    if (!IDENTIFIER.test(part)) throw new Error(`"${part}" is not a valid identifier`);
  }
  return `\`${config.catalog}\`.\`${config.schema}\`.\`${table}\``;
}
