const DAY = 86_400_000;

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const parse = (d: string) => Date.parse(`${d}T00:00:00Z`);

/** The last 12 complete calendar months up to the data's as-of date. */
export function defaultPeriod(asOf: string | null): { from: string; to: string } {
  const anchor = asOf ? new Date(parse(asOf)) : new Date();
  const y = anchor.getUTCFullYear();
  const m = anchor.getUTCMonth();
  const lastOfMonth = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  // The as-of month counts as complete only when the data reaches its last day.
  const endMonth = anchor.getUTCDate() === lastOfMonth ? m : m - 1;
  const to = Date.UTC(y, endMonth + 1, 0);
  const from = Date.UTC(y, endMonth - 11, 1);
  return { from: iso(from), to: iso(to) };
}

/** The period of the same number of days that ends the day before `period` starts. */
export function previousPeriod(period: { from: string; to: string }): { from: string; to: string } {
  const length = parse(period.to) - parse(period.from);
  const to = parse(period.from) - DAY;
  return { from: iso(to - length), to: iso(to) };
}
