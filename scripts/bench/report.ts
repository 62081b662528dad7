export type Unit = "ms" | "s" | "bytes" | "ratio" | "count" | "flag" | "rps";

export interface Budget {
  /** The figure must be at most `limit` (or, for flags, equal to it). */
  limit: number;
  text: string;
}

export interface Figure {
  /** Stable key, compared across runs. */
  id: string;
  section: string;
  what: string;
  value: number | null;
  unit: Unit;
  budget?: Budget;
  note?: string;
  /** Why there is no figure this run (then no status either). */
  skipped?: string;
}

export interface Results {
  version: 1;
  date: string;
  commit: string;
  machine: Record<string, string>;
  notes: string[];
  figures: Figure[];
  details: unknown;
}

// A change counts as a regression past 20%, and only when it is also larger than measurement noise can be.
const REGRESSION = 0.2;
const NOISE_FLOOR: Record<Unit, number> = { ms: 5, s: 1, bytes: 2048, ratio: 0.1, count: 0.5, flag: 0.5, rps: 0 };

export function status(f: Figure): "met" | "NOT MET" | "" {
  if (!f.budget || f.skipped) return "";
  if (f.value === null || Number.isNaN(f.value)) return "NOT MET";
  return f.value <= f.budget.limit ? "met" : "NOT MET";
}

export function format(value: number | null, unit: Unit): string {
  if (value === null || Number.isNaN(value)) return "n/a";
  switch (unit) {
    case "ms":
      return value >= 100 ? `${Math.round(value).toLocaleString("en-US")} ms` : `${value.toFixed(1)} ms`;
    case "s":
      return `${value.toFixed(1)} s`;
    case "bytes":
      return value >= 1024 * 1024 ? `${(value / 1024 / 1024).toFixed(2)} MB` : `${(value / 1024).toFixed(1)} kB`;
    case "ratio":
      return value.toFixed(2);
    case "count":
      return Math.round(value).toLocaleString("en-US");
    case "rps":
      return `${value.toFixed(1)}/s`;
    case "flag":
      return value ? "yes" : "no";
  }
}

function change(f: Figure, previous: Figure | undefined): { text: string; regression: boolean } {
  if (!previous || previous.skipped || f.skipped || previous.value === null || f.value === null || Number.isNaN(previous.value) || Number.isNaN(f.value)) return { text: "", regression: false };
  if (f.unit === "flag") return { text: previous.value === f.value ? "" : "changed", regression: f.budget !== undefined && f.value > f.budget.limit && previous.value <= f.budget.limit };
  const delta = f.value - previous.value;
  if (previous.value === 0) return { text: delta === 0 ? "0%" : "new", regression: false };
  const relative = delta / previous.value;
  const text = `${relative >= 0 ? "+" : ""}${(relative * 100).toFixed(0)}%`;
  // Throughput is better when higher; every other figure is better when lower.
  const worse = f.unit === "rps" ? -relative : relative;
  return { text, regression: worse > REGRESSION && Math.abs(delta) > NOISE_FLOOR[f.unit] };
}

const cell = (text: string) => text.replaceAll("|", "\\|");

/** `context`: sentences the summary gives before the regressions (how fast the machine ran, against last time). */
export function renderMarkdown(results: Results, previous: Results | null, context: string[] = []): { markdown: string; regressions: string[]; misses: string[] } {
  const prev = new Map((previous?.figures ?? []).map((f) => [f.id, f]));
  const regressions: string[] = [];
  const misses: string[] = [];
  const lines: string[] = [];
  lines.push("# Goldlens benchmark results", "");
  lines.push("Written by `npm run bench`; compared with the previous committed `bench/results.json`.", "");
  lines.push("| | |", "|---|---|");
  lines.push(`| date | ${results.date} |`);
  lines.push(`| commit | ${results.commit} |`);
  for (const [k, v] of Object.entries(results.machine)) lines.push(`| ${cell(k)} | ${cell(v)} |`);
  if (previous) lines.push(`| compared with | ${previous.commit} of ${previous.date} |`);
  lines.push("");
  if (results.notes.length) {
    lines.push(...results.notes.map((n) => `- ${n}`), "");
  }
  let section = "";
  for (const f of results.figures) {
    if (f.section !== section) {
      section = f.section;
      lines.push("", `## ${section}`, "", "| what | figure | budget | status | previous | change |", "|---|---|---|---|---|---|");
    }
    const p = prev.get(f.id);
    const s = status(f);
    const c = change(f, p);
    if (c.regression) regressions.push(`${f.what}: ${format(p!.value, f.unit)} -> ${format(f.value, f.unit)} (${c.text})`);
    if (s === "NOT MET") misses.push(`${f.what}: ${format(f.value, f.unit)} (budget ${f.budget!.text})`);
    const what = f.note ? `${f.what} (${f.note})` : f.what;
    const figure = f.skipped ? `not measured: ${f.skipped}` : format(f.value, f.unit);
    lines.push(
      `| ${cell(what)} | ${cell(figure)} | ${cell(f.budget?.text ?? "")} | ${s === "NOT MET" ? "**NOT MET**" : s} | ${p && !p.skipped ? format(p.value, p.unit) : ""} | ${c.regression ? `**${c.text} REGRESSION**` : c.text} |`,
    );
  }
  lines.push("", "## Summary", "");
  lines.push(`Budgets not met: ${misses.length}.${misses.length ? "" : " Every budget is met."}`);
  for (const m of misses) lines.push(`- ${m}`);
  lines.push("");
  if (context.length) lines.push(...context, "");
  lines.push(previous ? `Regressions over 20% against the previous results: ${regressions.length}.` : "No previous results to compare with.");
  for (const r of regressions) lines.push(`- ${r}`);
  lines.push("");
  return { markdown: lines.join("\n"), regressions, misses };
}
