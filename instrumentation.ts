// Runs once when the server starts: with WAREHOUSE=databricks, wrong or missing Databricks settings stop
// it right away with every variable named, instead of failing the first request.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  if (process.env.WAREHOUSE !== "databricks") return;
  const { databricksConfig } = await import("./lib/warehouse/databricksConfig");
  databricksConfig(process.env);
}
