/** @type {import("next").NextConfig} */
const nextConfig = {
  // Native drivers and pino's worker threads must be required at runtime, not bundled.
  serverExternalPackages: ["@duckdb/node-api", "@databricks/sql", "better-sqlite3", "pino", "pino-pretty"],
  poweredByHeader: false,
  reactStrictMode: true,
  typedRoutes: false,
};

export default nextConfig;
