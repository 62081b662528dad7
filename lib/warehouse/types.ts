import type { z } from "zod";

export type SqlParam = string | number | boolean | null;

/** The tables of the gold contract: the only relations the app reads from a warehouse (docs/gold-contract.md). */
export const GOLD_TABLES = [
  "build_info",
  "model_runs",
  "claims",
  "claim_rules",
  "claim_rule_results",
  "telematics",
  "premium_daily",
  "loss_daily",
  "policies",
  "dim_account",
  "dim_user",
  "fct_email_sends",
  "fct_email_opens",
  "fct_email_clicks",
  "int_email_open_clicks_joined",
  "email_engagement_daily",
  "country_email_engagement",
  "account_email_engagement",
] as const;

export type GoldTable = (typeof GOLD_TABLES)[number];

export interface WarehouseQuery<Row> {
  /** Logged and timed with every run, e.g. "getLossKpis". */
  name: string;
  /** SQL with named parameters written `:name`; values are always bound, never spliced. */
  sql: string;
  params: Record<string, SqlParam>;
  row: z.ZodType<Row>;
  signal?: AbortSignal;
}

export interface Warehouse {
  readonly engine: "duckdb" | "databricks";
  /** The fully qualified name of a gold table, from validated config only. */
  table(name: GoldTable): string;
  query<Row>(q: WarehouseQuery<Row>): Promise<Row[]>;
  /** Identifies the live gold build; it changes when a new build goes live, so caches key on it. */
  buildId(): Promise<string>;
  close(): Promise<void>;
}

export type WarehouseErrorCode =
  | "no_gold_build"
  | "query_failed"
  | "aborted"
  | "unavailable"
  /** The warehouse is starting (a stopped Databricks SQL warehouse can take minutes): retry later. */
  | "starting"
  /** The per-query timeout passed; the statement was cancelled on the warehouse. */
  | "timeout"
  /** The warehouse refused the credentials; the message names the setting to check. */
  | "auth_failed"
  /** A gold table is not where the settings say; the message names the table and the settings. */
  | "missing_table";

export class WarehouseError extends Error {
  /** For "starting": when it is worth asking again. */
  readonly retryAfterSeconds?: number;

  constructor(
    message: string,
    readonly code: WarehouseErrorCode,
    options?: { cause?: unknown; retryAfterSeconds?: number },
  ) {
    super(message, options);
    this.name = "WarehouseError";
    this.retryAfterSeconds = options?.retryAfterSeconds;
  }
}
