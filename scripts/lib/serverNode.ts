// How the app server's Node process is started, shared by `npm start`, the benchmark and the Databricks App.

/**
 * V8 flags for the server process. An uncached dashboard request allocates a lot of short-lived objects
 * (query rows, validation, JSON), and with V8's default young generation the server spent about a tenth of its
 * main thread in garbage collection under load. A 32 MB semi-space makes scavenges rarer. Alternating 10 s runs
 * under 32 clients on 2 cores (8 runs with it, 4 without): the Loss Summary answered 416 requests on average
 * against 375, Email Engagement 677 against 546. 16 MB and 64 MB both did worse than 32.
 * NODE_SERVER_FLAGS replaces the list (space-separated; set it empty for V8's defaults).
 */
export function serverNodeFlags(env: Partial<Record<string, string>> = process.env): string[] {
  const configured = env.NODE_SERVER_FLAGS;
  if (configured !== undefined) return configured.split(/\s+/).filter(Boolean);
  return ["--max-semi-space-size=32"];
}
