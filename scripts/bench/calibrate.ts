// How fast the machine is while the benchmark runs: the same fixed work in every run, timed at its start and
// its end. On a shared host the same code can run a third slower from one hour to the next; with these
// figures beside the others, a result that moved with the machine reads as such.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { DuckDBInstance } from "@duckdb/node-api";
import { median } from "./stats";

export interface Calibration {
  /** One thread of JavaScript: JSON round trips of a dashboard-sized answer and a numeric loop (ms). */
  javascriptMs: number;
  /** DuckDB in memory on one thread: an aggregate over four million generated rows (ms). */
  duckdbMs: number;
  /**
   * A bare node:http server and one keep-alive client in this process, on loopback: 1,000 small requests in
   * turn (ms for all). Sockets, system calls and the event loop, which the APIs' own time depends on and the
   * two figures above do not exercise. Absent in results written before it existed.
   */
  httpMs?: number;
}

const REPEATS = 7;

const answer = Array.from({ length: 2000 }, (_, i) => ({
  id: `CLM${1_000_000 + i}`,
  incidentDate: `2026-${String((i % 12) + 1).padStart(2, "0")}-15`,
  amount: (i * 37) % 25_000,
  ratio: (i % 97) / 97,
  checks: { cover: i % 3 !== 0, inForce: i % 5 !== 0, severity: i % 7 !== 0 },
}));

function javascriptWork(): number {
  let check = 0;
  for (let r = 0; r < 25; r++) check += (JSON.parse(JSON.stringify(answer)) as unknown[]).length;
  let x = 0;
  for (let i = 0; i < 20_000_000; i++) x = (x * 31 + i) % 1_000_003;
  return check + x;
}

const DUCKDB_WORK = "SELECT count(DISTINCT i % 65536) AS groups, sum(i * 7 % 13) AS total FROM range(4000000) t(i)";

async function httpWork(): Promise<number> {
  const body = JSON.stringify(answer.slice(0, 20));
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const get = () =>
    new Promise<void>((resolve, reject) => {
      http
        .get(url, { agent }, (res) => {
          res.resume();
          res.on("end", resolve);
        })
        .on("error", reject);
    });
  try {
    for (let i = 0; i < 100; i++) await get();
    const times: number[] = [];
    for (let r = 0; r < REPEATS; r++) {
      const started = performance.now();
      for (let i = 0; i < 1000; i++) await get();
      times.push(performance.now() - started);
    }
    return median(times);
  } finally {
    agent.destroy();
    await new Promise((resolve) => server.close(resolve));
  }
}

export async function calibrate(): Promise<Calibration> {
  const js: number[] = [];
  javascriptWork();
  for (let i = 0; i < REPEATS; i++) {
    const started = performance.now();
    javascriptWork();
    js.push(performance.now() - started);
  }
  const instance = await DuckDBInstance.create(":memory:", { threads: "1" });
  const connection = await instance.connect();
  const db: number[] = [];
  try {
    await connection.run(DUCKDB_WORK);
    for (let i = 0; i < REPEATS; i++) {
      const started = performance.now();
      await connection.run(DUCKDB_WORK);
      db.push(performance.now() - started);
    }
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
  return { javascriptMs: median(js), duckdbMs: median(db), httpMs: await httpWork() };
}

/**
 * A sentence for the summary: how much longer (or shorter) the fixed work took at the start of this run than
 * at the start of the previous one. Null without a previous calibration to compare with.
 */
export function machineSpeedNote(current: Calibration, previous: Calibration | null): string | null {
  if (!previous || !(previous.javascriptMs > 0) || !(previous.duckdbMs > 0)) return null;
  const describe = (now: number, then: number) => {
    const change = Math.round(((now - then) / then) * 100);
    return change === 0 ? "the same time" : `${Math.abs(change)}% ${change > 0 ? "longer" : "less time"}`;
  };
  const parts = [`${describe(current.javascriptMs, previous.javascriptMs)} (JavaScript)`, `${describe(current.duckdbMs, previous.duckdbMs)} (DuckDB)`];
  if (current.httpMs !== undefined && previous.httpMs !== undefined && previous.httpMs > 0) parts.push(`${describe(current.httpMs, previous.httpMs)} (loopback HTTP)`);
  const listed = parts.length === 2 ? parts.join(" and ") : `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}`;
  return `Machine speed: the fixed work took ${listed} at the start of this run than at the start of the previous one; a figure that moved by about as much moved with the machine.`;
}
