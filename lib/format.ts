// Number and date formatting for people. Every formatter takes null for "no data" and never prints NaN,
// Infinity or a misleading 0.

export const NO_DATA = "no data";

// Typographic minus: a hyphen reads as a dash next to a number.
const MINUS = "\u2212";

const currencyFull = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", minimumFractionDigits: 0, maximumFractionDigits: 0 });
const currencyCompact = new Intl.NumberFormat("en-US", {
  style: "currency",
  currency: "USD",
  notation: "compact",
  minimumFractionDigits: 0,
  maximumFractionDigits: 1,
});
const integer = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat("en-US", { minimumFractionDigits: 1, maximumFractionDigits: 1 });

function isNumber(value: number | null | undefined): value is number {
  return typeof value === "number" && Number.isFinite(value);
}

function signed(text: string, value: number): string {
  if (value > 0) return `+${text}`;
  if (value < 0) return `${MINUS}${text}`;
  return text;
}

/** $12,345,678: whole dollars, for tooltips and tables. */
export function formatCurrency(value: number | null | undefined): string {
  if (!isNumber(value)) return NO_DATA;
  return currencyFull.format(Math.round(value)).replace("-", MINUS);
}

/** $12.4M, $980K, $950: for headline figures and axes. */
export function formatCurrencyCompact(value: number | null | undefined): string {
  if (!isNumber(value)) return NO_DATA;
  return currencyCompact.format(value).replace("-", MINUS);
}

/** 4,962 */
export function formatCount(value: number | null | undefined): string {
  if (!isNumber(value)) return NO_DATA;
  return integer.format(value).replace("-", MINUS);
}

/** A fraction as a percentage with one decimal: 0.6204 -> 62.0% */
export function formatPercent(value: number | null | undefined): string {
  if (!isNumber(value)) return NO_DATA;
  // Rounding first keeps -0.04% from printing as "-0.0%".
  const rounded = Math.round(value * 1000) / 10;
  return `${signed(oneDecimal.format(Math.abs(rounded)), rounded).replace("+", "")}%`;
}

/** Change of a ratio in percentage points: 0.62 vs 0.60 -> +2.0 pp */
export function formatPointChange(current: number | null | undefined, previous: number | null | undefined): string {
  const delta = pointChange(current, previous);
  if (delta === null) return NO_DATA;
  const rounded = Math.round(delta * 1000) / 10;
  return `${signed(oneDecimal.format(Math.abs(rounded)), rounded)} pp`;
}

/** Relative change of an amount or count: 110 vs 100 -> +10.0% */
export function formatRelativeChange(current: number | null | undefined, previous: number | null | undefined): string {
  const delta = relativeChange(current, previous);
  if (delta === null) return NO_DATA;
  const rounded = Math.round(delta * 1000) / 10;
  return `${signed(oneDecimal.format(Math.abs(rounded)), rounded)}%`;
}

export function pointChange(current: number | null | undefined, previous: number | null | undefined): number | null {
  if (!isNumber(current) || !isNumber(previous)) return null;
  return current - previous;
}

/** null when there is nothing to compare against: growth from zero has no percentage. */
export function relativeChange(current: number | null | undefined, previous: number | null | undefined): number | null {
  if (!isNumber(current) || !isNumber(previous) || previous === 0) return null;
  return (current - previous) / Math.abs(previous);
}

// Month names spelled out here: ICU versions disagree on "Sep" vs "Sept" for en-GB.
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;

function parseDay(day: string): { year: number; month: number; date: number } | null {
  const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(day);
  if (!match) return null;
  return { year: Number(match[1]), month: Number(match[2]), date: Number(match[3] ?? 1) };
}

/** 2025-07-01 -> 1 Jul 2025 */
export function formatDate(day: string | null | undefined): string {
  const parsed = day ? parseDay(day) : null;
  if (!parsed) return NO_DATA;
  return `${parsed.date} ${MONTHS[parsed.month - 1]} ${parsed.year}`;
}

/** 2025-07 -> Jul 2025 */
export function formatMonth(month: string): string {
  const parsed = parseDay(month);
  if (!parsed) return month;
  return `${MONTHS[parsed.month - 1]} ${parsed.year}`;
}

/** 2025-07 -> Jul 25, for crowded axes. */
export function formatMonthShort(month: string): string {
  const parsed = parseDay(month);
  if (!parsed) return month;
  return `${MONTHS[parsed.month - 1]} ${String(parsed.year % 100).padStart(2, "0")}`;
}

/** An instant (ISO, or "yyyy-MM-dd HH:mm:ss" in UTC) -> 29 Nov 2026, 02:45 UTC */
export function formatTimestamp(value: string | null | undefined): string {
  if (!value) return NO_DATA;
  const normalised = value.includes("T") ? value : value.replace(" ", "T");
  const withZone = /(Z|[+-]\d{2}:?\d{2})$/.test(normalised) ? normalised : `${normalised}Z`;
  const instant = new Date(withZone);
  if (Number.isNaN(instant.getTime())) return NO_DATA;
  const hh = String(instant.getUTCHours()).padStart(2, "0");
  const mm = String(instant.getUTCMinutes()).padStart(2, "0");
  return `${instant.getUTCDate()} ${MONTHS[instant.getUTCMonth()]} ${instant.getUTCFullYear()}, ${hh}:${mm} UTC`;
}

/** 1 Jul 2025 – 30 Jun 2026 */
export function formatPeriod(period: { from: string; to: string }): string {
  return `${formatDate(period.from)} \u2013 ${formatDate(period.to)}`;
}

function wholeMonths(period: { from: string; to: string }): number | null {
  const from = parseDay(period.from);
  const to = parseDay(period.to);
  if (!from || !to || from.date !== 1) return null;
  if (to.date !== new Date(Date.UTC(to.year, to.month, 0)).getUTCDate()) return null;
  return (to.year - from.year) * 12 + (to.month - from.month) + 1;
}

function daysIn(period: { from: string; to: string }): number | null {
  const from = parseDay(period.from);
  const to = parseDay(period.to);
  if (!from || !to) return null;
  return Math.round((Date.UTC(to.year, to.month - 1, to.date) - Date.UTC(from.year, from.month - 1, from.date)) / 86_400_000) + 1;
}

/**
 * How to name the comparison period: "previous 12 months" only when both periods are the same number of
 * whole calendar months; otherwise the comparison is by days ("previous 28 days": February against the
 * 28 days before it, not against January).
 */
export function describePreviousPeriod(period: { from: string; to: string }, previous: { from: string; to: string }): string {
  const months = wholeMonths(period);
  if (months !== null && wholeMonths(previous) === months) return months === 1 ? "previous month" : `previous ${months} months`;
  const days = daysIn(period);
  if (days === null) return "previous period";
  return days === 1 ? "previous day" : `previous ${formatCount(days)} days`;
}

/** 0 -> 00:00, for hour-of-day axes. */
export function formatHour(hour: number): string {
  return `${String(hour).padStart(2, "0")}:00`;
}

/** STATEN ISLAND -> Staten Island: boroughs arrive upper case; filters keep the raw value. */
export function formatBorough(value: string): string {
  return value.toLowerCase().replace(/\b[a-z]/g, (letter) => letter.toUpperCase());
}

const POLICY_TYPE_NAMES: Record<string, string> = {
  COMP: "Comprehensive",
  TPFT: "Third party, fire and theft",
  TP: "Third party",
};

/** COMP -> Comprehensive; a code the app does not know is shown as exported. */
export function formatPolicyType(value: string): string {
  return POLICY_TYPE_NAMES[value] ?? value;
}
