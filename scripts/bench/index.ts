// npm run bench: the performance benchmark at insurer scale. Builds the data and the app when missing or
// stale, serves the production build on a loopback port, and measures every dashboard API (cold, warm
// cached, warm uncached; one client and 32), the engine time of the same SQL, each page in headless
// Chromium, and the pipeline. Writes bench/results.md and bench/results.json and prints the table.
import { execFileSync } from "node:child_process";
import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Command, Option } from "commander";
import { repoRoot } from "../prisma";
import { env } from "../../lib/env";
import { DEFAULT_DUCKDB_CONNECTIONS } from "../../lib/warehouse/duckdb";
import { migrateDatabase, seedDemoUsers } from "../db";
import { ensureData, timePipeline, type ProcessRun } from "./data";
import type { EngineCase, EngineOutput } from "./engine";
import { spawnEngine } from "./engineChild";
import { closeTimedConnection, runLoad, timedGet as timedRequest, type LoadResult } from "./load";
import { measurePages, type PageResult, type PageSpec } from "./pages";
import { calibrate, machineSpeedNote, type Calibration } from "./calibrate";
import { floorBound, floorNote, ratioSplit, splitNote, type FloorRow } from "./floor";
import { renderMarkdown, type Figure, type Results } from "./report";
import { authSecret, ensureAppBuild, signIn, startServer, type RunningServer } from "./server";
import { serverNodeFlags } from "../lib/serverNode";
import { median, sum } from "./stats";

const program = new Command("bench")
  .option("--data-dir <dir>", "data folder to serve (BENCH_DATA_DIR)", process.env.BENCH_DATA_DIR ?? "data/insurer")
  .addOption(new Option("--scale <scale>", "scale generated when the data folder is empty").choices(["insurer", "demo"]).default("insurer"))
  .option("--port <n>", "loopback port of the server", (v) => Number.parseInt(v, 10), 3200)
  .option("--duration <s>", "seconds per load run", (v) => Number.parseInt(v, 10), 10)
  // Nine, not five: on this kind of machine one build's cold loads spread over 0.4-1.4 s, and a median of
  // five moved across the 1 s budget from run to run on unchanged code.
  .option("--page-runs <n>", "cold browser loads per page", (v) => Number.parseInt(v, 10), 9)
  .option("--no-pipeline-insurer", "leave out the timed pipeline run at insurer scale (about 2 min, 4+ GB)")
  .option("--no-build", "serve the existing .next build even when the sources changed")
  .option("--skip-pages", "leave out the browser measurements", false)
  .option("--out <dir>", "where results.md and results.json go", "bench")
  .option("--note <text>", "a line for the results header (e.g. other load on the machine)", (v: string, acc: string[]) => [...acc, v], [] as string[])
  .parse();
const opts = program.opts<{
  dataDir: string;
  scale: "insurer" | "demo";
  port: number;
  duration: number;
  pageRuns: number;
  pipelineInsurer: boolean;
  build: boolean;
  skipPages: boolean;
  out: string;
  note: string[];
}>();

const benchStarted = performance.now();
const log = (line: string) => {
  const s = Math.round((performance.now() - benchStarted) / 1000);
  console.log(`bench [${String(Math.floor(s / 60)).padStart(2, "0")}:${String(s % 60).padStart(2, "0")}] ${line}`);
};

const ADMIN = { email: "admin@goldlens.local", password: process.env.DEMO_PASSWORD ?? "goldlens-demo" };
const SEVERITIES = ["Trivial Damage", "Minor Damage", "Major Damage", "Total Loss"];
const SORTS = ["claimNo", "incidentDate", "amountTotal", "incidentType", "severity"];
const PERIOD_DAYS = [365, 91, 182, 730];
const SHIFTS = 1460;
// First-time requests per API for the API/engine ratio. Each is one sample of a noisy machine: with 6, the
// ratio of unchanged code moved between 1.21 and 1.68 from one run to the next.
const API_VS_ENGINE_SAMPLES = 20;
const RATIO_BUDGET = 1.5;

type ApiId = "loss-summary" | "engagement" | "engagement-accounts" | "claims-queue" | "claim-detail" | "claim-telematics";
interface ApiSpec {
  id: ApiId;
  label: string;
  dashboard: boolean;
  /** Answers are cached per gold build and request. */
  cached: boolean;
  /** How the 'same' and 'varied' runs read for an API whose caching is partial. */
  labels?: { same: string; varied: string };
  /** Requests for the API-versus-engine samples when `varied` repeats ones the load runs already cached. */
  firstTime?: (i: number) => string;
  defaultPath: string;
  /** The i-th request of the "varied parameters" series; distinct for every i below 5,840. */
  varied: (i: number) => string;
  /** A malformed request to the same route, refused with 400 before any query: the framework's floor. */
  refused: (i: number) => string;
}

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** A distinct period for each i (up to 4 x 1,460): ends up to four years before `end`, lasting 91 days to two years. */
function period(end: string, i: number): { from: string; to: string } {
  const to = addDays(end, -(i % SHIFTS));
  return { from: addDays(to, -(PERIOD_DAYS[Math.floor(i / SHIFTS) % PERIOD_DAYS.length]! - 1)), to };
}

/** A date in the API's format that no calendar has (month 13): every dated API refuses it before any query. */
const notADate = (i: number) => `2026-13-${String(1 + (i % 28)).padStart(2, "0")}`;

const qs = (params: Record<string, string | number | undefined>) =>
  new URLSearchParams(Object.entries(params).filter((e): e is [string, string | number] => e[1] !== undefined).map(([k, v]) => [k, String(v)])).toString();

async function getJson<T>(origin: string, cookie: string, apiPath: string): Promise<T> {
  const res = await fetch(origin + apiPath, { headers: { cookie } });
  if (!res.ok) throw new Error(`GET ${apiPath}: HTTP ${res.status} ${(await res.text()).slice(0, 300)}`);
  return (await res.json()) as T;
}

const timedGet = async (origin: string, cookie: string, apiPath: string, expectStatus?: number): Promise<number> => (await timedRequest(origin, apiPath, { cookie }, { expectStatus })).ms;

/** One API sample: its time and the route handler's own, which every successful API answer gives in its Server-Timing. */
async function timedSample(origin: string, cookie: string, apiPath: string): Promise<{ path: string; ms: number; handlerMs: number }> {
  const { ms, handlerMs } = await timedRequest(origin, apiPath, { cookie });
  if (handlerMs === null) throw new Error(`GET ${apiPath}: no Server-Timing with the handler's time in the answer`);
  return { path: apiPath, ms, handlerMs };
}

function gitCommit(): string {
  try {
    const sha = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: repoRoot, encoding: "utf8" }).trim();
    const dirty = execFileSync("git", ["status", "--porcelain", "--untracked-files=no"], { cwd: repoRoot, encoding: "utf8" }).trim();
    return dirty ? `${sha} (with uncommitted changes)` : sha;
  } catch {
    return "unknown";
  }
}

function previousResults(outDir: string): Results | null {
  const rel = path.relative(repoRoot, path.join(outDir, "results.json"));
  try {
    return JSON.parse(execFileSync("git", ["show", `HEAD:${rel}`], { cwd: repoRoot, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] })) as Results;
  } catch {
    return null;
  }
}

async function main() {
  const dataDir = path.resolve(repoRoot, opts.dataDir);
  const outDir = path.resolve(repoRoot, opts.out);
  const workDir = path.join(dataDir, "bench");
  const loadAtStart = os.loadavg();
  log(`data ${path.relative(repoRoot, dataDir)}, port ${opts.port}, ${opts.duration} s per load run, load average ${loadAtStart.map((l) => l.toFixed(2)).join(" ")}`);
  const speedAtStart = await calibrate();
  log(`machine speed: fixed work ${speedAtStart.javascriptMs.toFixed(0)} ms (JavaScript), ${speedAtStart.duckdbMs.toFixed(0)} ms (DuckDB), ${speedAtStart.httpMs?.toFixed(0)} ms (loopback HTTP)`);

  // 1. Data and pipeline.
  const data = await ensureData(dataDir, opts.scale, log);
  mkdirSync(workDir, { recursive: true });
  const demoRaw = path.join(os.tmpdir(), "goldlens-bench-demo");
  const demo = await ensureData(demoRaw, "demo", log, { gold: false });
  log("timing the pipeline at demo scale");
  const demoPipeline = await timePipeline(demo.paths.raw, path.join(demoRaw, "scratch-warehouse"), () => undefined);
  log(`demo pipeline ${demoPipeline.seconds.toFixed(1)} s, peak ${(demoPipeline.peakRssBytes / 2 ** 30).toFixed(2)} GiB`);
  let insurerPipeline: ProcessRun | null = opts.scale === "insurer" ? data.pipeline : null;
  if (opts.pipelineInsurer && !insurerPipeline) {
    log("timing the pipeline at insurer scale");
    insurerPipeline = await timePipeline(data.paths.raw, path.join(workDir, "scratch-warehouse"), (l) => log(l));
  }
  if (insurerPipeline) log(`insurer pipeline ${insurerPipeline.seconds.toFixed(1)} s, peak ${(insurerPipeline.peakRssBytes / 2 ** 30).toFixed(2)} GiB`);

  // 2. App database, secret and production build.
  const databaseUrl = `file:${path.join(dataDir, "app.db")}`;
  process.env.DATABASE_URL = databaseUrl;
  await migrateDatabase({ url: databaseUrl, quiet: true });
  await seedDemoUsers();
  const origin = `http://127.0.0.1:${opts.port}`;
  const serverEnv = {
    DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl,
    NEXTAUTH_SECRET: await authSecret(dataDir),
    NEXTAUTH_URL: origin,
    ALLOW_DEMO_AUTH: "true",
    AUTH_TRUST_HOST: "true",
  };
  if (opts.build) {
    const build = await ensureAppBuild({ ALLOW_DEMO_AUTH: "true", NEXT_TELEMETRY_DISABLED: "1" }, log);
    log(build.built ? `app built in ${(build.ms / 1000).toFixed(0)} s` : "app build is up to date");
  }

  const serverLog = path.join(workDir, "server.log");
  writeFileSync(serverLog, "");
  let server: RunningServer | null = null;
  const start = async () => {
    server = await startServer(opts.port, serverEnv, (chunk) => appendFileSync(serverLog, chunk));
    return server;
  };
  const stop = async () => {
    closeTimedConnection();
    await server?.stop();
    server = null;
  };
  process.once("SIGINT", () => void stop().then(() => process.exit(130)));

  try {
    const first = await start();
    log(`server up in ${(first.startMs / 1000).toFixed(1)} s (log: ${path.relative(repoRoot, serverLog)})`);
    const cookie = await signIn(origin, ADMIN.email, ADMIN.password);

    // 3. What the varied requests draw on: periods from the data's own dates, filter values from the APIs' options.
    type Loss = { asOf: { claimsAsOf: string }; options: { boroughs: string[]; policyTypes: string[] } };
    type Eng = { asOf: { engagementAsOf: string }; options: { campaigns: Array<{ campaignId: number }>; countries: string[] }; byCountry: Array<{ country: string; sends: number }> };
    const loss = await getJson<Loss>(origin, cookie, "/api/loss-summary");
    const eng = await getJson<Eng>(origin, cookie, "/api/engagement");
    const countries = [...eng.byCountry].sort((a, b) => b.sends - a.sends).map((c) => c.country);
    const topCountry = countries.find((c) => c !== "Unknown") ?? countries[0]!;
    const claimNos: string[] = [];
    for (let page = 1; page <= 1000 && claimNos.length < 2000; page += 100) {
      const q = await getJson<{ rows: Array<{ claimNo: string }> }>(origin, cookie, `/api/claims?${qs({ sort: "claimNo", pageSize: 200, page })}`);
      claimNos.push(...q.rows.map((r) => r.claimNo));
    }
    let caseClaim = claimNos[0]!;
    for (const c of claimNos.slice(0, 50)) {
      const t = await getJson<{ features: unknown[] }>(origin, cookie, `/api/claims/${encodeURIComponent(c)}/telematics`);
      if (t.features.length > 0) {
        caseClaim = c;
        break;
      }
    }
    const claimEnd = loss.asOf.claimsAsOf;
    const engEnd = eng.asOf.engagementAsOf;
    const apis: ApiSpec[] = [
      {
        id: "loss-summary",
        label: "GET /api/loss-summary",
        dashboard: true,
        cached: true,
        defaultPath: "/api/loss-summary",
        varied: (i) => `/api/loss-summary?${qs({ ...period(claimEnd, i), borough: i % 3 === 1 ? loss.options.boroughs[i % loss.options.boroughs.length] : undefined, severity: i % 3 === 2 ? SEVERITIES[i % 4] : undefined })}`,
        refused: (i) => `/api/loss-summary?${qs({ from: notADate(i) })}`,
      },
      {
        id: "engagement",
        label: "GET /api/engagement",
        dashboard: true,
        cached: true,
        defaultPath: "/api/engagement",
        varied: (i) =>
          `/api/engagement?${qs({ ...period(engEnd, i), country: i % 3 === 1 ? countries[i % countries.length] : undefined, campaignId: i % 3 === 2 ? eng.options.campaigns[i % eng.options.campaigns.length]?.campaignId : undefined })}`,
        refused: (i) => `/api/engagement?${qs({ from: notADate(i) })}`,
      },
      {
        id: "engagement-accounts",
        label: "GET /api/engagement/accounts",
        dashboard: true,
        cached: true,
        defaultPath: `/api/engagement/accounts?${qs({ country: topCountry })}`,
        varied: (i) => `/api/engagement/accounts?${qs({ ...period(engEnd, i), country: countries[i % countries.length] })}`,
        refused: (i) => `/api/engagement/accounts?${qs({ from: notADate(i), country: topCountry })}`,
      },
      {
        id: "claims-queue",
        label: "GET /api/claims",
        dashboard: true,
        cached: false,
        // The load runs cycle through few enough pages and sorts that the queue's cache holds them all by
        // now; a claim-number prefix no load request used keeps these samples on the engine path.
        firstTime: (i) => `/api/claims?${qs({ q: `CLM1${i}`, sort: SORTS[i % SORTS.length], dir: i % 2 ? "asc" : "desc" })}`,
        labels: {
          same: "warm, same request (gold answer cached per build and decided set; decisions read each time)",
          varied: "warm, varied page, sort and filters (counters mostly cached, pages mostly not)",
        },
        defaultPath: "/api/claims",
        varied: (i) =>
          `/api/claims?${qs({ page: 1 + ((i * 7) % 100), sort: SORTS[i % SORTS.length], dir: i % 2 ? "asc" : "desc", severity: i % 3 === 1 ? SEVERITIES[i % 4] : undefined, borough: i % 3 === 2 ? loss.options.boroughs[i % loss.options.boroughs.length] : undefined })}`,
        refused: (i) => `/api/claims?${qs({ sort: `noSuchColumn${i}` })}`,
      },
      {
        id: "claim-detail",
        label: "GET /api/claims/{claimNo}",
        dashboard: false,
        cached: false,
        defaultPath: `/api/claims/${encodeURIComponent(caseClaim)}`,
        varied: (i) => `/api/claims/${encodeURIComponent(claimNos[i % claimNos.length]!)}`,
        refused: (i) => `/api/claims/-${i}`,
      },
      {
        id: "claim-telematics",
        label: "GET /api/claims/{claimNo}/telematics",
        dashboard: false,
        cached: false,
        defaultPath: `/api/claims/${encodeURIComponent(caseClaim)}/telematics`,
        varied: (i) => `/api/claims/${encodeURIComponent(claimNos[i % claimNos.length]!)}/telematics`,
        refused: (i) => `/api/claims/-${i}/telematics`,
      },
    ];

    // 4. Cold: the first request to each API from a freshly started server (the gold file is opened by it).
    const cold = new Map<ApiId, number>();
    for (const api of apis) {
      await stop();
      await start();
      cold.set(api.id, await timedGet(origin, cookie, api.defaultPath));
      log(`${api.label}: cold first request ${cold.get(api.id)!.toFixed(0)} ms`);
    }

    // 5. Warm-up, then load: the same request repeated (cache hits where the API caches) and varied requests.
    for (const api of apis) {
      for (let i = 0; i < 3; i++) await timedGet(origin, cookie, api.defaultPath);
      for (let i = 0; i < 20; i++) await timedGet(origin, cookie, api.varied(i));
    }
    const loads = new Map<string, LoadResult>();
    for (const api of apis) {
      const runs: Array<{ key: string; connections: number; next: () => string }> = [];
      for (const connections of [1, 32]) {
        runs.push({ key: `${api.id}.same.c${connections}`, connections, next: () => api.defaultPath });
        let i = connections === 1 ? 100 : 3000;
        runs.push({ key: `${api.id}.varied.c${connections}`, connections, next: () => api.varied(i++) });
      }
      for (const run of runs) {
        const result = await runLoad({ origin, nextPath: run.next, connections: run.connections, durationSeconds: opts.duration, headers: { cookie } });
        loads.set(run.key, result);
        log(
          `${api.label} ${run.key.split(".")[1]} x${run.connections}: ${result.requests} requests, p50 ${result.p50.toFixed(0)} / p95 ${result.p95.toFixed(0)} / p99 ${result.p99.toFixed(0)} ms, ${result.errors} errors`,
        );
      }
    }

    // 6. API time against engine time, on the same requests: first-time (uncached) requests from one client.
    // Each request is replayed on DuckDB the moment after the server answered it, so the two sides of a
    // ratio see the host in the same state: with the replays minutes, or even seconds, after the API's
    // samples, a host whose speed moved in between (it moves by up to 2x) moved the ratios by up to 65% from
    // run to run on unchanged code.
    const apiSamples = new Map<ApiId, Array<{ path: string; ms: number; handlerMs: number }>>();
    const floorSamples = new Map<ApiId, number[]>();
    const sameSamples = new Map<ApiId, number>();
    const engineRuns: EngineOutput[] = [];
    for (const api of apis) {
      log(`${api.label}: ${API_VS_ENGINE_SAMPLES} first-time requests, each replayed directly on DuckDB after the server's answer`);
      const child = await spawnEngine(
        {
          warehouseDir: data.paths.warehouse,
          databaseUrl,
          connections: env().DUCKDB_CONNECTIONS ?? DEFAULT_DUCKDB_CONNECTIONS,
          repeats: 2,
          profileTop: 2,
          profileDir: path.join(workDir, "profiles"),
        },
        workDir,
      );
      const samples: Array<{ path: string; ms: number; handlerMs: number }> = [];
      const floor: number[] = [];
      const cases: EngineCase[] = [];
      const firstTime = api.firstTime ?? api.varied;
      for (let i = 40; i < 40 + API_VS_ENGINE_SAMPLES; i++) {
        const samplePath = firstTime(i);
        // The replay before this sample kept both cores busy in another process; one unmeasured first-time
        // request brings the server back to the state the load runs see, as the replay's own unmeasured
        // round does for the engine.
        await timedGet(origin, cookie, firstTime(i + 5000));
        samples.push(await timedSample(origin, cookie, samplePath));
        // Taken in turn with the samples, so both see the host in the same state.
        floor.push(await timedGet(origin, cookie, api.refused(i), 400));
        cases.push(await child.measure({ id: `${api.id}.varied.${samples.length - 1}`, path: samplePath }));
      }
      apiSamples.set(api.id, samples);
      floorSamples.set(api.id, floor);
      const ms: number[] = [];
      for (let i = 0; i < 5; i++) ms.push(await timedGet(origin, cookie, api.defaultPath));
      sameSamples.set(api.id, median(ms));
      cases.unshift(await child.measure({ id: `${api.id}.default`, path: api.defaultPath }));
      engineRuns.push({ cases, profiles: await child.finish() });
    }
    const engine: EngineOutput = {
      cases: engineRuns.flatMap((run) => run.cases),
      profiles: engineRuns.flatMap((run) => run.profiles).sort((x, y) => y.ms - x.ms),
    };
    const engineCase = new Map(engine.cases.map((c) => [c.id, c]));

    // 7. Pages in Chromium.
    let pages: PageResult[] = [];
    if (!opts.skipPages) {
      const boroughs = loss.options.boroughs;
      const specs: PageSpec[] = [
        { id: "loss-summary", path: "/loss-summary", hasMap: true, filter: { label: "Borough", param: "borough", values: boroughs } },
        { id: "claims", path: "/claims", hasMap: false, filter: { label: "Borough", param: "borough", values: boroughs } },
        { id: "engagement", path: "/engagement", hasMap: true, filter: { label: "Country", param: "country", values: countries.filter((c) => c !== "Unknown") } },
        { id: "claim-case", path: `/claims/${encodeURIComponent(caseClaim)}`, hasMap: true },
        { id: "home", path: "/", hasMap: false },
      ];
      log(`pages: ${opts.pageRuns} cold browser loads each`);
      pages = await measurePages(origin, cookie, specs, opts.pageRuns, log);
    }
    await stop();

    // 8. The table.
    const figures: Figure[] = [];
    const apiSection = "APIs (loopback, closed-loop HTTP clients; latency per response)";
    for (const api of apis) {
      const dashboardBudget = api.dashboard ? { limit: 150, text: "p95 <= 150 ms" } : { limit: 50, text: "p95 <= 50 ms" };
      figures.push({ id: `${api.id}.cold`, section: apiSection, what: `${api.label} cold, first request after server start`, value: cold.get(api.id)!, unit: "ms" });
      for (const variant of ["same", "varied"] as const) {
        const label = api.labels
          ? api.labels[variant]
          : variant === "same"
            ? api.cached
              ? "warm, cached (same request: cache hits)"
              : "warm, same request (not cached by the API)"
            : api.cached
              ? "warm, uncached (varied parameters, every request a cache miss)"
              : "warm, varied parameters";
        const one = loads.get(`${api.id}.${variant}.c1`)!;
        const many = loads.get(`${api.id}.${variant}.c32`)!;
        figures.push({ id: `${api.id}.${variant}.c1.p50`, section: apiSection, what: `${api.label} ${label}, 1 client p50`, value: one.p50, unit: "ms", note: `n=${one.requests}` });
        figures.push({ id: `${api.id}.${variant}.c1.p95`, section: apiSection, what: `${api.label} ${label}, 1 client p95`, value: one.p95, unit: "ms", budget: dashboardBudget });
        figures.push({ id: `${api.id}.${variant}.c1.p99`, section: apiSection, what: `${api.label} ${label}, 1 client p99`, value: one.p99, unit: "ms" });
        figures.push({ id: `${api.id}.${variant}.c32.p50`, section: apiSection, what: `${api.label} ${label}, 32 clients p50`, value: many.p50, unit: "ms", note: `n=${many.requests}` });
        figures.push({ id: `${api.id}.${variant}.c32.p95`, section: apiSection, what: `${api.label} ${label}, 32 clients p95`, value: many.p95, unit: "ms" });
        figures.push({
          id: `${api.id}.${variant}.c32.p99`,
          section: apiSection,
          what: `${api.label} ${label}, 32 clients p99`,
          value: many.p99,
          unit: "ms",
          budget: api.dashboard ? { limit: 1000, text: "p99 <= 1 s" } : undefined,
        });
        figures.push({ id: `${api.id}.${variant}.c32.errors`, section: apiSection, what: `${api.label} ${label}, 32 clients errors`, value: many.errors, unit: "count", budget: { limit: 0, text: "no errors" } });
        figures.push({ id: `${api.id}.${variant}.c32.rps`, section: apiSection, what: `${api.label} ${label}, 32 clients throughput`, value: many.rps, unit: "rps" });
      }
    }

    const engineSection = "API time against DuckDB engine time (same SQL, same parameters, direct connection)";
    const floorRows: FloorRow[] = [];
    for (const api of apis) {
      const samples = apiSamples.get(api.id)!;
      const engineMs = samples.map((_, k) => engineCase.get(`${api.id}.varied.${k}`)!.engineMs);
      const apiTotal = sum(samples.map((x) => x.ms));
      const engineTotal = sum(engineMs);
      const def = engineCase.get(`${api.id}.default`)!;
      figures.push({ id: `${api.id}.engine.default`, section: engineSection, what: `${api.label} engine time, default request (${def.queries.length} statements, phases in parallel on the pool)`, value: def.engineMs, unit: "ms" });
      figures.push({ id: `${api.id}.api.default`, section: engineSection, what: `${api.label} API time, default request, median of 5 (warm${api.cached ? ", cache hit" : ""})`, value: sameSamples.get(api.id)!, unit: "ms" });
      figures.push({ id: `${api.id}.engine.varied`, section: engineSection, what: `${api.label} engine time, median of ${samples.length} varied requests`, value: median(engineMs), unit: "ms" });
      figures.push({ id: `${api.id}.api.varied`, section: engineSection, what: `${api.label} API time, median of the same ${samples.length} requests (1 client${api.cached ? ", cache misses" : ""})`, value: median(samples.map((s) => s.ms)), unit: "ms" });
      const ratio = apiTotal / engineTotal;
      figures.push({
        id: `${api.id}.ratio`,
        section: engineSection,
        what: `${api.label} API time / engine time (sum over the ${samples.length} varied requests)`,
        value: ratio,
        unit: "ratio",
        budget: { limit: RATIO_BUDGET, text: `<= ${RATIO_BUDGET}` },
      });
      // The same comparison, robust to one slow sample on either side (a collection pause, a busy core).
      const perRequest = samples.map((x, k) => x.ms / engineMs[k]!);
      figures.push({
        id: `${api.id}.ratio.median`,
        section: engineSection,
        what: `${api.label} API time / engine time, median of the ${samples.length} per-request ratios`,
        value: median(perRequest),
        unit: "ratio",
      });
      // The app keeps its statements prepared per connection, so its warm path skips the parsing and
      // planning the direct run above includes; this row sets the API against the engine doing what it does.
      const preparedTotal = sum(samples.map((_, k) => engineCase.get(`${api.id}.varied.${k}`)!.preparedMs));
      figures.push({
        id: `${api.id}.ratio.prepared`,
        section: engineSection,
        what: `${api.label} API time / engine time of the same statements prepared beforehand (bind and run only, as the app's warm path)`,
        value: apiTotal / preparedTotal,
        unit: "ratio",
      });
      const floor = floorSamples.get(api.id)!;
      const floorMs = median(floor);
      figures.push({
        id: `${api.id}.floor`,
        section: engineSection,
        what: `${api.label} framework floor: the same route refusing a malformed request (400, before any query), median of ${floor.length} taken in turn with the samples`,
        value: floorMs,
        unit: "ms",
      });
      const bound = floorBound(engineMs, floor);
      figures.push({
        id: `${api.id}.ratio.floor`,
        section: engineSection,
        what: `${api.label} lowest API/engine ratio the floor allows: (engine + floor) / engine over the same ${samples.length} requests`,
        value: bound,
        unit: "ratio",
      });
      // The ratio in two parts: the handler's own time (its Server-Timing) and the rest of the request.
      const split = ratioSplit(
        samples.map((x) => x.ms),
        samples.map((x) => x.handlerMs),
        engineMs,
      );
      figures.push({
        id: `${api.id}.handler`,
        section: engineSection,
        what: `${api.label} route handler's own time (its Server-Timing: queries, rows to objects, checks, JSON), median of the same ${samples.length} requests`,
        value: median(samples.map((x) => x.handlerMs)),
        unit: "ms",
      });
      figures.push({
        id: `${api.id}.outside`,
        section: engineSection,
        what: `${api.label} time outside the route handler (HTTP, routing, the proxy's access check, sending the answer), median of the same ${samples.length}`,
        value: median(samples.map((x) => x.ms - x.handlerMs)),
        unit: "ms",
      });
      figures.push({
        id: `${api.id}.ratio.handler`,
        section: engineSection,
        what: `${api.label} the ratio's part in the route handler: handler time / engine time (the rest of the ratio is the time outside it)`,
        value: split.handler,
        unit: "ratio",
      });
      floorRows.push({ label: api.label, ratio, bound, floorMs, engineMs: median(engineMs), split });
    }

    const statementSection = "Engine time per statement, default request of each API (run alone on a direct connection, warm)";
    for (const api of apis) {
      const def = engineCase.get(`${api.id}.default`)!;
      const seen = new Map<string, number>();
      for (const q of def.queries) {
        const k = (seen.get(q.name) ?? 0) + 1;
        seen.set(q.name, k);
        const suffix = k > 1 ? ` (${k}${k === 2 ? "nd" : "th"} run in the request)` : "";
        figures.push({ id: `${api.id}.statement.${q.name}.${k}`, section: statementSection, what: `${api.label}: ${q.name}${suffix}, phase ${q.phase + 1}, ${q.rows} rows`, value: q.ms, unit: "ms" });
      }
    }

    if (pages.length) {
      const pageSection = "Pages (headless Chromium, fresh browser context per load, warm server)";
      for (const p of pages) {
        const dashboard = ["loss-summary", "claims", "engagement"].includes(p.id);
        const n = `median of ${p.runs.length}`;
        if (p.id !== "home") {
          figures.push({
            id: `page.${p.id}.tiles-loaded`,
            section: pageSection,
            what: `${p.path} every tile loaded (${p.tiles} data-state elements), cold browser`,
            value: p.tilesLoadedMs,
            unit: "ms",
            note: `${n}; loads ${Math.round(Math.min(...p.runs.map((r) => r.tilesLoadedMs)))}-${Math.round(Math.max(...p.runs.map((r) => r.tilesLoadedMs)))} ms`,
            budget: dashboard ? { limit: 1000, text: "<= 1.0 s" } : undefined,
          });
        }
        figures.push({ id: `page.${p.id}.dcl`, section: pageSection, what: `${p.path} DOMContentLoaded, cold browser`, value: median(p.runs.map((r) => r.domContentLoadedMs)), unit: "ms", note: n });
        if (p.filterRedrawMs !== null) {
          figures.push({
            id: `page.${p.id}.filter-redraw`,
            section: pageSection,
            what: `${p.path} every tile redrawn after a filter change (a value the server has not answered yet), from the select's input event`,
            value: p.filterRedrawMs,
            unit: "ms",
            note: n,
            budget: dashboard ? { limit: 400, text: "<= 400 ms" } : undefined,
          });
          if (p.filterRedrawWithDriverMs !== null) {
            figures.push({
              id: `page.${p.id}.filter-redraw-driver`,
              section: pageSection,
              what: `${p.path} the same, from the moment the test driver is asked to pick the value`,
              value: p.filterRedrawWithDriverMs,
              unit: "ms",
              note: n,
            });
          }
        }
        figures.push({
          id: `page.${p.id}.bytes`,
          section: pageSection,
          what: `${p.path} bytes transferred on first load${p.hasMap ? " (map included)" : ""}`,
          value: p.bytes,
          unit: "bytes",
          budget: dashboard ? { limit: 1024 * 1024, text: "<= 1 MB" } : undefined,
        });
        figures.push({
          id: `page.${p.id}.js`,
          section: pageSection,
          what: `${p.path} first-load JavaScript, gzipped`,
          value: p.jsGzipBytes,
          unit: "bytes",
          budget: p.hasMap ? undefined : { limit: 250 * 1024, text: "<= 250 kB (no map)" },
        });
        if (p.hasMap) figures.push({ id: `page.${p.id}.js-without-maplibre`, section: pageSection, what: `${p.path} first-load JavaScript without the maplibre-gl chunk, gzipped`, value: p.jsGzipBytesWithoutMaplibre, unit: "bytes" });
        figures.push({
          id: `page.${p.id}.maplibre`,
          section: pageSection,
          what: `${p.path} loads maplibre-gl`,
          value: p.maplibreLoaded ? 1 : 0,
          unit: "flag",
          budget: p.hasMap ? undefined : { limit: 0, text: "no (route has no map)" },
        });
      }
    }

    const pipelineSection = "Pipeline (raw files to a new gold build, one process)";
    figures.push({ id: "pipeline.demo.seconds", section: pipelineSection, what: "pipeline at demo scale, wall time", value: demoPipeline.seconds, unit: "s", budget: { limit: 30, text: "<= 30 s" } });
    figures.push({ id: "pipeline.demo.peak", section: pipelineSection, what: "pipeline at demo scale, peak resident memory", value: demoPipeline.peakRssBytes, unit: "bytes" });
    const skipped = insurerPipeline ? undefined : "left out with --no-pipeline-insurer";
    figures.push({ id: "pipeline.insurer.seconds", section: pipelineSection, what: "pipeline at insurer scale, wall time", value: insurerPipeline?.seconds ?? null, unit: "s", budget: { limit: 600, text: "<= 10 min" }, skipped });
    figures.push({
      id: "pipeline.insurer.peak",
      section: pipelineSection,
      what: "pipeline at insurer scale, peak resident memory",
      value: insurerPipeline?.peakRssBytes ?? null,
      unit: "bytes",
      budget: { limit: 8 * 2 ** 30, text: "<= 8 GiB" },
      skipped,
    });

    const manifest = JSON.parse(readFileSync(path.join(data.paths.raw, "manifest.json"), "utf8")) as { scale: string; files: Record<string, number> };
    const rows = (prefix: string) => Object.entries(manifest.files).filter(([f]) => f.startsWith(prefix)).reduce((s, [, n]) => s + n, 0);
    const loadAtEnd = os.loadavg();
    const speedAtEnd = await calibrate();
    const speedSection = "Machine speed (the same fixed work in every run, at its start and its end)";
    // First in the table: the figures below read against it.
    figures.unshift(
      ...(["start", "end"] as const).flatMap((at): Figure[] => {
        const speed = at === "start" ? speedAtStart : speedAtEnd;
        return [
          { id: `machine.javascript.${at}`, section: speedSection, what: `JavaScript, one thread: JSON round trips and a numeric loop, at the ${at}`, value: speed.javascriptMs, unit: "ms", note: "median of 7" },
          { id: `machine.duckdb.${at}`, section: speedSection, what: `DuckDB in memory, one thread: an aggregate over 4 million generated rows, at the ${at}`, value: speed.duckdbMs, unit: "ms", note: "median of 7" },
          { id: `machine.http.${at}`, section: speedSection, what: `Loopback HTTP: 1,000 small requests in turn to a bare node:http server, at the ${at}`, value: speed.httpMs ?? null, unit: "ms", note: "median of 7" },
        ];
      }),
    );
    const results: Results = {
      version: 1,
      date: new Date().toISOString(),
      commit: gitCommit(),
      machine: {
        cpu: `${os.cpus().length} x ${os.cpus()[0]?.model ?? "unknown"}`,
        memory: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
        os: `${os.type()} ${os.release()}`,
        node: process.version,
        "server node flags": serverNodeFlags().join(" ") || "(none)",
        data: `${manifest.scale} scale: ${rows("policies").toLocaleString("en-US")} policies, ${rows("claims").toLocaleString("en-US")} claims, ${rows("telematics").toLocaleString("en-US")} telematics points, ${rows("marketo/activity_").toLocaleString("en-US")} email activities`,
        "load average (1/5/15 min) at start / end": `${loadAtStart.map((l) => l.toFixed(2)).join(" ")} / ${loadAtEnd.map((l) => l.toFixed(2)).join(" ")}`,
        duration: `${Math.round((performance.now() - benchStarted) / 1000)} s`,
      },
      notes: [
        `Load runs: ${opts.duration} s each on loopback, session cookie of the admin user; 1 client = 1 keep-alive connection, 32 clients = 32, each sending its next request when the last is answered. Requests still in flight when the time is up are waited for and counted; one unanswered after 10 s is an error. Percentiles are nearest-rank over every response of the run. The single timed requests (the cold ones, and the API side of the API/engine ratios) go through the same client on one keep-alive connection, asking for no compression, as the load runs do.`,
        "Cached / uncached: /api/loss-summary and /api/engagement(/accounts) cache answers per gold build and request. 'warm, cached' repeats one request (cache hits); 'warm, uncached' sends a distinct period/filter on every request (cache misses, the engine path). The claims queue caches its gold answer (counters, and each page) per build and set of decided claims, and reads decisions on every request; claim detail and telematics do not cache.",
        "Cold: the first request to that API after `next start` (server restarted for each API): DuckDB opens the gold file and the route loads. The OS page cache is warm (the files were read before), so this is not a cold disk.",
        "Engine time: the API's own statements (recorded from its builder) replayed on a direct @duckdb/node-api connection to the same gold file (a process kept up for the purpose) the moment after the server answered that request, so both sides of a ratio see the host in the same state (each side after an unmeasured warm-up: the server one other first-time request, the engine one round of the same statements); phases in parallel on the app's connection count; warm buffers, median of 2 runs after a warm-up run. The ratio sets the API's latency on the same requests (first-time, one client) against it: HTTP, auth, JSON and validation are the difference. The direct run parses and plans each statement, as running the SQL on DuckDB does; the app keeps its statements prepared per connection and only binds and runs them, so a second ratio sets the API against the engine doing just that. The framework floor is the same route answering a malformed request (400, refused by validation before any query; no log line), timed in turn with the samples: HTTP, routing, the proxy's access check and the response cost it too, so (engine + floor) / engine is the lowest ratio the route can reach on this framework and host. Each answer also gives the route handler's own time in its Server-Timing header (from the handler's first line to its JSON text written), which splits the ratio in two: handler time / engine time (our queries, the rows made into objects and checked, the JSON) and the rest (HTTP, routing, the proxy's access check, sending the answer).",
        "Pages: the page's own clock (ms since navigation start) at the first animation frame where every element with data-state has left 'loading' (a watcher the page runs before its own scripts checks on every change of the document and at the next animation frame, so a frame the page's scripts hold back counts as late). On a cold load the watcher says so on the console and the test driver only listens: it runs nothing in the page until the tiles are drawn. The dashboards arrive with their figures and charts in the HTML (no loading screen, charts drawn on the server); the scripts hydrate them afterwards. Bytes are response bodies plus headers as received (compressed) until the network has been quiet for 1.5 s (the claim map's chunk, worker and geometry load after the tiles); JavaScript is each script's body gzipped at level 6, over the same span. The filter change picks a value in the page's own filter form once the page is quiet; the redraw runs from the select's input event (the user's change) to the first frame with every tile loaded again, and a second row gives it from the moment the test driver is asked to pick the value (it first finds the control, scrolls it into view and waits for it to hold still). The test driver's own helper script, which it puts in the page the first time it polls there (about 40 ms of the page's main thread), is installed before the change, so it does not count in the redraw.",
        ...opts.note,
      ],
      figures,
      details: {
        speed: { start: speedAtStart, end: speedAtEnd },
        loads: Object.fromEntries(loads),
        cold: Object.fromEntries(cold),
        apiSamples: Object.fromEntries(apiSamples),
        floorSamples: Object.fromEntries(floorSamples),
        engine,
        pages,
        pipeline: { demo: demoPipeline, insurer: insurerPipeline, generated: data.generated },
        caseClaim,
      },
    };
    const previous = previousResults(outDir);
    const previousSpeed = (previous?.details as { speed?: { start?: Calibration } } | undefined)?.speed?.start ?? null;
    const context = [floorNote(floorRows, RATIO_BUDGET), splitNote(floorRows, RATIO_BUDGET), machineSpeedNote(speedAtStart, previousSpeed)].filter((s): s is string => s !== null);
    const { markdown, misses, regressions } = renderMarkdown(results, previous, context);
    mkdirSync(outDir, { recursive: true });
    writeFileSync(path.join(outDir, "results.md"), markdown);
    writeFileSync(path.join(outDir, "results.json"), JSON.stringify(results, null, 2) + "\n");
    console.log("");
    console.log(markdown);
    log(`wrote ${path.relative(repoRoot, path.join(outDir, "results.md"))} and results.json: ${misses.length} budgets not met, ${regressions.length} regressions`);
    if (engine.profiles.length) log(`EXPLAIN ANALYZE of the slowest statements: ${path.relative(repoRoot, path.join(workDir, "profiles"))}/`);
  } finally {
    await stop();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(`bench: failed: ${(err as Error).stack ?? err}`);
    process.exit(1);
  },
);
