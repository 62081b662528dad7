import { gzipSync } from "node:zlib";
import { chromium, type Browser, type Page, type Request } from "@playwright/test";
import { median } from "./stats";

// The Chromium the e2e tests use (see playwright.config.ts): the distribution's, headless.
const LAUNCH = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
};

export interface PageSpec {
  id: string;
  path: string;
  /** A filter picked in the page's own form; each cold load picks the next value. */
  filter?: { label: string; param: string; values: string[] };
  hasMap: boolean;
}

export interface PageRun {
  /** From navigation start until the first frame where every element with data-state has left "loading". */
  tilesLoadedMs: number;
  domContentLoadedMs: number;
  /** From the filter's input event until the first frame where every tile has its new figures. */
  filterRedrawMs: number | null;
  /** The same from the moment the test driver is asked to pick the value. */
  filterRedrawWithDriverMs: number | null;
  bytes: number;
  requests: number;
  jsGzipBytes: number;
  jsGzipBytesWithoutMaplibre: number;
  maplibreLoaded: boolean;
  states: Record<string, number>;
}

export interface PageResult {
  id: string;
  path: string;
  hasMap: boolean;
  tiles: number;
  runs: PageRun[];
  tilesLoadedMs: number;
  filterRedrawMs: number | null;
  filterRedrawWithDriverMs: number | null;
  bytes: number;
  jsGzipBytes: number;
  jsGzipBytesWithoutMaplibre: number;
  maplibreLoaded: boolean;
}

const TIMEOUT = 60_000;
const QUIET_MS = 1500;
const QUIET_CAP_MS = 20_000;

/** Polled on animation frames in the page: the page's clock (ms since navigation start) at the first frame where every tile has left "loading". */
function settledAt(minTiles: number): number | false {
  const states = [...document.querySelectorAll("[data-state]")].map((e) => e.getAttribute("data-state"));
  return states.length >= minTiles && states.every((s) => s !== "loading") && performance.now();
}

async function waitSettled(page: Page, minTiles: number): Promise<number> {
  const handle = await page.waitForFunction(settledAt, minTiles, { polling: "raf", timeout: TIMEOUT });
  return (await handle.jsonValue()) as number;
}

async function tileStates(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => {
    const counts: Record<string, number> = {};
    for (const e of document.querySelectorAll("[data-state]")) counts[e.getAttribute("data-state")!] = (counts[e.getAttribute("data-state")!] ?? 0) + 1;
    return counts;
  });
}

// maplibre-gl is the only script dependency of this size that names itself; its chunk is about 1 MB unpacked.
const isMaplibre = (url: string, body: Buffer) => url.includes("maplibre-gl") || (body.length > 300_000 && body.includes("maplibre"));

async function coldLoad(browser: Browser, origin: string, cookie: string, spec: PageSpec, minTiles: number, filterValue: string | null): Promise<PageRun> {
  const [name, ...rest] = cookie.split("=");
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.addCookies([{ name: name!, value: rest.join("="), url: origin }]);
  const page = await context.newPage();
  let bytes = 0;
  let requests = 0;
  const scripts: Array<Promise<{ gz: number; maplibre: boolean }>> = [];
  let maplibreWorker = false;
  let inFlight = 0;
  let lastActivity = performance.now();
  const onRequest = () => {
    inFlight += 1;
    lastActivity = performance.now();
  };
  const onFailed = () => {
    inFlight -= 1;
    lastActivity = performance.now();
  };
  const onFinished = (request: Request) => {
    inFlight -= 1;
    lastActivity = performance.now();
    requests += 1;
    const sized = request.sizes().then(async (s) => {
      let body = s.responseBodySize;
      // A worker's own script request carries no transfer sizes: count what the server sent for it instead.
      if (body === 0) {
        const response = await request.response();
        const headers = response ? await response.allHeaders() : {};
        const raw = response ? await response.body().catch(() => Buffer.alloc(0)) : Buffer.alloc(0);
        body = headers["content-length"] ? Number(headers["content-length"]) : headers["content-encoding"] === "gzip" ? gzipSync(raw, { level: 6 }).length : raw.length;
      }
      bytes += body + s.responseHeadersSize;
    });
    if (request.url().includes("maplibre-gl-worker")) maplibreWorker = true;
    if (request.resourceType() === "script") {
      scripts.push(
        sized
          .then(() => request.response())
          .then(async (response) => {
            const body = response ? await response.body() : Buffer.alloc(0);
            return { gz: gzipSync(body, { level: 6 }).length, maplibre: isMaplibre(request.url(), body) };
          })
          .catch(() => ({ gz: 0, maplibre: false })),
      );
    } else {
      scripts.push(sized.then(() => ({ gz: 0, maplibre: false })).catch(() => ({ gz: 0, maplibre: false })));
    }
  };
  context.on("request", onRequest);
  context.on("requestfailed", onFailed);
  context.on("requestfinished", onFinished);
  // The map island, its chunk, worker and geometry load after the tiles show their data: wait for the network to stay quiet.
  const quiet = async () => {
    const cap = performance.now() + QUIET_CAP_MS;
    while (performance.now() < cap && (inFlight > 0 || performance.now() - lastActivity < QUIET_MS)) await new Promise((r) => setTimeout(r, 50));
  };
  try {
    await page.goto(origin + spec.path, { waitUntil: "commit", timeout: TIMEOUT });
    const tilesLoadedMs = await waitSettled(page, minTiles);
    const domContentLoadedMs = await page.evaluate(() => (performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming).domContentLoadedEventEnd);
    const states = await tileStates(page);
    // Whatever the page still fetches after its tiles (the map's chunk, worker and geometry) counts as its first load too.
    await quiet();
    const settledScripts = await Promise.all(scripts);
    const firstLoad = { bytes, requests };

    let filterRedrawMs: number | null = null;
    let filterRedrawWithDriverMs: number | null = null;
    if (spec.filter && filterValue !== null) {
      const { label, param } = spec.filter;
      const answered = page.waitForResponse((r) => r.url().includes("/api/") && new URL(r.url()).searchParams.get(param) === filterValue, { timeout: TIMEOUT });
      // The user's change is the select's input event, on the page's clock; the test driver spends a while before it
      // (finding the control, scrolling it into view, waiting for it to hold still), which no user waits for.
      const calledAt = await page.evaluate(() => {
        const w = window as unknown as { changedAt: number | null };
        w.changedAt = null;
        document.addEventListener("input", () => (w.changedAt ??= performance.now()), { capture: true, once: true });
        return performance.now();
      });
      await page.getByLabel(label, { exact: true }).selectOption(filterValue);
      await answered;
      const redrawnAt = await waitSettled(page, minTiles);
      const changedAt = await page.evaluate(() => (window as unknown as { changedAt: number | null }).changedAt);
      if (changedAt === null) throw new Error(`${spec.path}: selecting ${label} = ${filterValue} fired no input event`);
      filterRedrawMs = redrawnAt - changedAt;
      filterRedrawWithDriverMs = redrawnAt - calledAt;
    }
    const jsGzipBytes = settledScripts.reduce((s, x) => s + x.gz, 0);
    return {
      tilesLoadedMs,
      domContentLoadedMs,
      filterRedrawMs,
      filterRedrawWithDriverMs,
      bytes: firstLoad.bytes,
      requests: firstLoad.requests,
      jsGzipBytes,
      jsGzipBytesWithoutMaplibre: settledScripts.filter((x) => !x.maplibre).reduce((s, x) => s + x.gz, 0),
      maplibreLoaded: maplibreWorker || settledScripts.some((x) => x.maplibre),
      states,
    };
  } finally {
    context.off("request", onRequest);
    context.off("requestfailed", onFailed);
    context.off("requestfinished", onFinished);
    await context.close();
  }
}

/** How many elements carry data-state once the page has fully loaded: what a measured load waits for. */
async function probe(browser: Browser, origin: string, cookie: string, spec: PageSpec): Promise<number> {
  const [name, ...rest] = cookie.split("=");
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.addCookies([{ name: name!, value: rest.join("="), url: origin }]);
  try {
    const page = await context.newPage();
    await page.goto(origin + spec.path, { waitUntil: "load", timeout: TIMEOUT });
    await page.waitForLoadState("networkidle", { timeout: 20_000 }).catch(() => undefined);
    await page.waitForFunction(settledAt, 1, { polling: 100, timeout: TIMEOUT });
    return await page.evaluate(() => document.querySelectorAll("[data-state]").length);
  } finally {
    await context.close();
  }
}

/** Each page from a fresh browser context (empty cache) against a warm server, `runs` times. */
export async function measurePages(origin: string, cookie: string, specs: PageSpec[], runs: number, log: (line: string) => void): Promise<PageResult[]> {
  const browser = await chromium.launch(LAUNCH);
  const results: PageResult[] = [];
  try {
    for (const spec of specs) {
      const tiles = await probe(browser, origin, cookie, spec);
      const pageRuns: PageRun[] = [];
      for (let i = 0; i < runs; i++) {
        const value = spec.filter ? spec.filter.values[i % spec.filter.values.length]! : null;
        const run = await coldLoad(browser, origin, cookie, spec, tiles, value);
        pageRuns.push(run);
        log(
          `${spec.path}: tiles loaded ${run.tilesLoadedMs.toFixed(0)} ms` +
            (run.filterRedrawMs !== null ? `, after ${spec.filter!.label} = ${value}: ${run.filterRedrawMs.toFixed(0)} ms` : "") +
            `, ${(run.bytes / 1024).toFixed(0)} kB in ${run.requests} requests`,
        );
      }
      const filterRuns = pageRuns.map((r) => r.filterRedrawMs).filter((v): v is number => v !== null);
      const driverRuns = pageRuns.map((r) => r.filterRedrawWithDriverMs).filter((v): v is number => v !== null);
      results.push({
        id: spec.id,
        path: spec.path,
        hasMap: spec.hasMap,
        tiles,
        runs: pageRuns,
        tilesLoadedMs: median(pageRuns.map((r) => r.tilesLoadedMs)),
        filterRedrawMs: filterRuns.length ? median(filterRuns) : null,
        filterRedrawWithDriverMs: driverRuns.length ? median(driverRuns) : null,
        bytes: median(pageRuns.map((r) => r.bytes)),
        jsGzipBytes: median(pageRuns.map((r) => r.jsGzipBytes)),
        jsGzipBytesWithoutMaplibre: median(pageRuns.map((r) => r.jsGzipBytesWithoutMaplibre)),
        maplibreLoaded: pageRuns.some((r) => r.maplibreLoaded),
      });
    }
  } finally {
    await browser.close();
  }
  return results;
}
