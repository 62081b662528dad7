import { z } from "zod";

// Validated once, on first use; a bad or missing setting fails fast with its name.
const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  WAREHOUSE: z.enum(["duckdb", "databricks"]).default("duckdb"),
  DATA_DIR: z.string().min(1).default("data"),
  DATABASE_URL: z.string().min(1).default("file:./data/app.db"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  MAP_STYLE_URL: z.url().optional(),
  DUCKDB_CONNECTIONS: z.coerce.number().int().min(1).max(64).optional(),
  DUCKDB_THREADS: z.coerce.number().int().min(1).max(256).optional(),
});

export type Env = z.infer<typeof schema>;

let cached: Env | null = null;

export function env(): Env {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid environment: ${problems}`);
  }
  cached = parsed.data;
  return cached;
}
