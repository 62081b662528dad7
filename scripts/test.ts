import { spawn } from "node:child_process";
import { mkdir, readFile, rm } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { ensureChromium } from "./ensure-chromium";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const resultsDir = path.join(root, "test-results");
const unitReport = path.join(resultsDir, "unit.json");
const e2eReport = path.join(resultsDir, "e2e.json");

type Tally = { passed: number; failed: number; skipped: number; notes: string[] };

const vitestReport = z.object({
  numPassedTests: z.number(),
  numFailedTests: z.number(),
  numPendingTests: z.number(),
  numTodoTests: z.number(),
  testResults: z.array(
    z.object({
      name: z.string(),
      status: z.string(),
      message: z.string().optional(),
      assertionResults: z.array(z.object({ status: z.string() })),
    }),
  ),
});

const playwrightReport = z.object({
  stats: z.object({
    expected: z.number(),
    unexpected: z.number(),
    flaky: z.number(),
    skipped: z.number(),
  }),
  errors: z.array(z.object({ message: z.string().optional() })).default([]),
});

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(path.join(root, "node_modules", ".bin", command), args, { cwd: root, stdio: "inherit", env });
    child.on("error", (error) => {
      console.error(`${command} could not start: ${error.message}`);
      resolve(127);
    });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

async function readReport<T>(file: string, schema: z.ZodType<T>): Promise<T | undefined> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch {
    return undefined;
  }
  const parsed = schema.safeParse(JSON.parse(text));
  return parsed.success ? parsed.data : undefined;
}

function relative(file: string): string {
  return path.relative(root, file);
}

function firstLine(text: string | undefined): string {
  return (text ?? "").split("\n").find((line) => line.trim() !== "")?.trim() ?? "no message";
}

function crashed(note: string): Tally {
  return { passed: 0, failed: 1, skipped: 0, notes: [note] };
}

async function runUnit(extraArgs: string[]): Promise<Tally> {
  const exitCode = await run(
    "vitest",
    ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${relative(unitReport)}`, ...extraArgs],
    process.env,
  );
  const report = await readReport(unitReport, vitestReport).catch(() => undefined);
  if (!report) {
    return crashed(`unit: vitest wrote no readable ${relative(unitReport)} (exit code ${exitCode}); counted as 1 failure`);
  }

  const tally: Tally = {
    passed: report.numPassedTests,
    failed: report.numFailedTests,
    skipped: report.numPendingTests + report.numTodoTests,
    notes: [],
  };
  // A file that fails to import has no test results of its own; without this it would vanish from the count.
  for (const file of report.testResults) {
    if (file.status === "failed" && !file.assertionResults.some((test) => test.status === "failed")) {
      tally.failed += 1;
      tally.notes.push(`unit: ${path.relative(root, file.name)} failed to run: ${firstLine(file.message)}`);
    }
  }
  if (exitCode !== 0 && tally.failed === 0) {
    tally.failed = 1;
    const reason = report.testResults.length === 0 ? "ran no test files" : "reported an error outside any test";
    tally.notes.push(`unit: vitest ${reason} (exit code ${exitCode}); counted as 1 failure`);
  }
  return tally;
}

async function runE2e(extraArgs: string[], chromiumPath: string): Promise<Tally> {
  const exitCode = await run("playwright", ["test", ...extraArgs], { ...process.env, CHROMIUM_PATH: chromiumPath });
  const report = await readReport(e2eReport, playwrightReport).catch(() => undefined);
  if (!report) {
    return crashed(`e2e: playwright wrote no readable ${relative(e2eReport)} (exit code ${exitCode}); counted as 1 failure`);
  }

  const { expected, unexpected, flaky, skipped } = report.stats;
  const tally: Tally = { passed: expected + flaky, failed: unexpected, skipped, notes: [] };
  if (flaky > 0) tally.notes.push(`e2e: ${flaky} test(s) passed only on retry`);
  // Global errors (web server did not start, global setup threw) fail the run without failing any one test.
  for (const error of report.errors) {
    tally.failed += 1;
    tally.notes.push(`e2e: ${firstLine(error.message)}`);
  }
  if (exitCode !== 0 && tally.failed === 0) {
    tally.failed = 1;
    tally.notes.push(`e2e: playwright exited with code ${exitCode} although no test failed; counted as 1 failure`);
  }
  return tally;
}

function parseArgs(argv: string[]): { unit: boolean; e2e: boolean; rest: string[] } {
  const unitOnly = argv.includes("--unit");
  const e2eOnly = argv.includes("--e2e");
  const rest = argv.filter((arg) => arg !== "--unit" && arg !== "--e2e");
  const both = unitOnly === e2eOnly;
  if (both && rest.length > 0) {
    throw new Error(`pass runner arguments (${rest.join(" ")}) together with --unit or --e2e`);
  }
  return { unit: both || unitOnly, e2e: both || e2eOnly, rest };
}

async function main(): Promise<number> {
  let args: ReturnType<typeof parseArgs>;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return 2;
  }

  let chromiumPath = "";
  if (args.e2e) {
    try {
      chromiumPath = await ensureChromium();
    } catch (error) {
      console.log(error instanceof Error ? error.message : String(error));
      return 1;
    }
  }

  await mkdir(resultsDir, { recursive: true });
  // Stale reports would let a crashed runner look like a passing one.
  await Promise.all([rm(unitReport, { force: true }), rm(e2eReport, { force: true })]);

  const tallies: Tally[] = [];
  if (args.unit) tallies.push(await runUnit(args.rest));
  if (args.e2e) tallies.push(await runE2e(args.rest, chromiumPath));

  const total = tallies.reduce(
    (sum, tally) => ({
      passed: sum.passed + tally.passed,
      failed: sum.failed + tally.failed,
      skipped: sum.skipped + tally.skipped,
    }),
    { passed: 0, failed: 0, skipped: 0 },
  );

  console.log("");
  for (const note of tallies.flatMap((tally) => tally.notes)) console.log(note);
  const summary = `${total.passed} passed, ${total.failed} failed`;
  console.log(total.skipped > 0 ? `${summary}, ${total.skipped} skipped` : summary);
  return total.failed === 0 ? 0 : 1;
}

process.exitCode = await main();
