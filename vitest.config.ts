import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^server-only$/, replacement: fileURLToPath(new URL("./lib/testing/empty.ts", import.meta.url)) },
      { find: /^@\//, replacement: `${root}` },
    ],
  },
  test: {
    environment: "node",
    exclude: ["**/node_modules/**", "**/.next/**", "e2e/**"],
    // Pipeline tests build DuckDB files from generated raw data.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: true,
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: "unit", include: ["**/*.test.ts", "**/*.test.tsx"] } },
      // The same API suites and metric tests again, with the app reading gold through the Databricks
      // driver from the local stand-in warehouse: they must get the same answers as in embedded mode.
      {
        extends: true,
        test: {
          name: "databricks",
          include: ["app/api/**/route.test.ts", "lib/pipeline/engagementMetrics.test.ts"],
          env: { GOLDLENS_TEST_WAREHOUSE: "databricks" },
        },
      },
    ],
  },
});
