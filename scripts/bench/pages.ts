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

/**
 * Runs in the page before its own scripts: on every change of the document, and then at the next
 * animation frame (when the browser is about to draw), checks whether every tile has left "loading", and
 * keeps the page's clock at the first frame where they all have. It then says so on the console, which the
 * test driver listens to from outside the page. Polling from the test driver instead would put the
 * driver's own helper script and its polls on the page's main thread while the page loads: in alternating
 * cold loads (7 each), the Engagement page was drawn at a median of 937 ms polled against 589 ms signalled in
 * one set and 949 against 858 in another, and the Loss Summary at 683 against 573.
 * A string, not a function: the TypeScript loader would wrap a function's inner functions in a helper
 * the page does not have.
 */
const TILES_LOADED_SIGNAL = "goldlens-bench:tiles-loaded";

const watchFirstLoadedFrame = (minTiles: number) => `(() => {
  window.tilesLoadedAt = null;
  let frameRequested = false;
  const loaded = () => {
    const states = [...document.querySelectorAll("[data-state]")].map((e) => e.getAttribute("data-state"));
    return states.length >= ${minTiles} && states.every((s) => s !== "loading");
  };
  const observer = new MutationObserver(() => {
    if (frameRequested || !loaded()) return;
    frameRequested = true;
    requestAnimationFrame(() => {
      frameRequested = false;
      if (window.tilesLoadedAt === null && loaded()) {
        window.tilesLoadedAt = performance.now();
        observer.disconnect();
        console.debug("${TILES_LOADED_SIGNAL}");
      }
    });
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ["data-state"] });
})();`;

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
  await context.addInitScript(watchFirstLoadedFrame(minTiles));
  const page = await context.newPage();
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
  // Sizes and bodies are read once the page is quiet: asking the browser for them (and gzipping) while the
  // page loads would take CPU from the page on a 2-core machine and slow down what is measured.
  const finished: Request[] = [];
  const onFinished = (request: Request) => {
    inFlight -= 1;
    lastActivity = performance.now();
    finished.push(request);
    if (request.url().includes("maplibre-gl-worker")) maplibreWorker = true;
  };
  const measure = async (request: Request): Promise<{ bytes: number; gz: number; maplibre: boolean }> => {
    const s = await request.sizes();
    let body = s.responseBodySize;
    const response = await request.response();
    // A worker's own script request carries no transfer sizes: count what the server sent for it instead.
    if (body === 0) {
      const headers = response ? await response.allHeaders() : {};
      const raw = response ? await response.body().catch(() => Buffer.alloc(0)) : Buffer.alloc(0);
      body = headers["content-length"] ? Number(headers["content-length"]) : headers["content-encoding"] === "gzip" ? gzipSync(raw, { level: 6 }).length : raw.length;
    }
    const bytes = body + s.responseHeadersSize;
    if (request.resourceType() !== "script") return { bytes, gz: 0, maplibre: false };
    const script = response ? await response.body() : Buffer.alloc(0);
    return { bytes, gz: gzipSync(script, { level: 6 }).length, maplibre: isMaplibre(request.url(), script) };
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
    const signalled = page.waitForEvent("console", { predicate: (message) => message.text() === TILES_LOADED_SIGNAL, timeout: TIMEOUT });
    // Awaited below; a failed navigation must not leave it rejecting unobserved.
    signalled.catch(() => undefined);
    await page.goto(origin + spec.path, { waitUntil: "commit", timeout: TIMEOUT });
    await signalled;
    const tilesLoadedMs = await page.evaluate(() => (window as unknown as { tilesLoadedAt: number }).tilesLoadedAt);
    // The tiles can be drawn before the document has finished parsing (the claims queue is), when the entry
    // still reads 0: wait for the event itself before reading when it ended.
    await page.waitForLoadState("domcontentloaded", { timeout: TIMEOUT });
    const domContentLoadedMs = await page.evaluate(() => (performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming).domContentLoadedEventEnd);
    const states = await tileStates(page);
    // Whatever the page still fetches after its tiles (the map's chunk, worker and geometry) counts as its first load too.
    await quiet();
    const settledScripts = await Promise.all(finished.slice().map((r) => measure(r).catch(() => ({ bytes: 0, gz: 0, maplibre: false }))));
    const firstLoad = { bytes: settledScripts.reduce((sum, x) => sum + x.bytes, 0), requests: settledScripts.length };

    let filterRedrawMs: number | null = null;
    let filterRedrawWithDriverMs: number | null = null;
    if (spec.filter && filterValue !== null) {
      const { label, param } = spec.filter;
      // The redraw is waited for with a function polled in the page. The test driver installs its own helper
      // script in the page the first time it polls there, which costs the page's main thread about 40 ms; done
      // here, before the change, that cost stays out of the redraw it would otherwise land in.
      await page.waitForFunction(() => true, undefined, { polling: "raf", timeout: TIMEOUT });
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
