// What the Databricks App needs from app.yaml and the platform, checked at start so a misconfigured app fails
// with the names of the missing settings.

export function missingAppSettings(env: NodeJS.ProcessEnv): string[] {
  const missing: string[] = [];
  if (env.WAREHOUSE !== "databricks") missing.push("WAREHOUSE=databricks");
  if (env.AUTH_MODE !== "databricks-apps") missing.push("AUTH_MODE=databricks-apps");
  if (!env.DATABRICKS_SERVER_HOSTNAME && !env.DATABRICKS_HOST) missing.push("DATABRICKS_SERVER_HOSTNAME or DATABRICKS_HOST");
  if (!env.DATABRICKS_HTTP_PATH && !env.DATABRICKS_WAREHOUSE_ID) missing.push("DATABRICKS_HTTP_PATH or DATABRICKS_WAREHOUSE_ID");
  if (!env.DATABRICKS_TOKEN && !(env.DATABRICKS_CLIENT_ID && env.DATABRICKS_CLIENT_SECRET)) {
    missing.push("DATABRICKS_TOKEN or DATABRICKS_CLIENT_ID and DATABRICKS_CLIENT_SECRET");
  }
  if (!env.AUTH_ROLE_MAP && !env.AUTH_DEFAULT_ROLE) missing.push("AUTH_ROLE_MAP or AUTH_DEFAULT_ROLE");
  return missing;
}
