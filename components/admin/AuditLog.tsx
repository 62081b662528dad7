import Link from "next/link";
import { AUDIT_ACTIONS, type AuditResponse } from "@/lib/api/auditSchema";
import { PAGE_COLUMN } from "@/components/pageColumn";

const ACTION_LABELS: Record<(typeof AUDIT_ACTIONS)[number], string> = {
  "claim.viewed": "Viewed claim",
  "decision.recorded": "Recorded decision",
  "export.csv": "Exported CSV",
  "auth.signed_in": "Signed in",
  "auth.sign_in_failed": "Failed sign-in",
};

const FILTER_FIELDS = ["action", "actor", "target", "from", "to"] as const;

const inputClass =
  "rounded-md border border-border bg-background px-2.5 py-1.5 text-sm text-foreground outline-none focus-visible:ring-2 focus-visible:ring-accent-strong";

function withParams(filters: Record<string, string>, patch: Record<string, string | null>): string {
  const params = new URLSearchParams();
  for (const key of [...FILTER_FIELDS, "limit"]) if (filters[key]) params.set(key, filters[key]!);
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) params.delete(key);
    else params.set(key, value);
  }
  const text = params.toString();
  return text ? `/admin/audit?${text}` : "/admin/audit";
}

function describeDetail(detail: unknown): string {
  if (detail === null || detail === undefined) return "";
  if (typeof detail !== "object") return String(detail);
  return Object.entries(detail as Record<string, unknown>)
    .map(([k, v]) => `${k}: ${typeof v === "object" ? JSON.stringify(v) : String(v)}`)
    .join(" · ");
}

const timeFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });

/** Who did what and when: the audit table, filtered by the URL, newest first. */
export function AuditLog({ filters, result, problem }: { filters: Record<string, string>; result: AuditResponse | null; problem: string | null }) {
  const filtered = FILTER_FIELDS.some((f) => filters[f]);
  return (
    <div className={`${PAGE_COLUMN} flex flex-col gap-5 py-8 sm:py-10`}>
      <header>
        <h1 className="text-2xl font-semibold tracking-tight text-foreground sm:text-3xl">Audit log</h1>
        <p className="mt-1 text-sm text-muted">Sign-ins, claim views, decisions and exports. Times are UTC.</p>
      </header>

      <form method="get" action="/admin/audit" className="flex flex-wrap items-end gap-3 rounded-xl border border-border bg-surface p-4" aria-label="Filter the audit log">
        <label className="flex flex-col gap-1 text-xs font-medium text-muted">
          Action
          <select name="action" defaultValue={filters.action ?? ""} className={inputClass}>
            <option value="">All actions</option>
            {AUDIT_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {ACTION_LABELS[a]}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-xs font-medium text-muted">
          User email contains
          <input name="actor" defaultValue={filters.actor ?? ""} maxLength={200} className={inputClass} />
        </label>
        <label className="flex flex-col gap-1 text-xs font-medium text-muted">
          Target starts with
          <input name="target" defaultValue={filters.target ?? ""} maxLength={200} placeholder="e.g. a claim number" className={inputClass} />
        </label>
        <label className="flex flex-col gap-1 text-xs font-medium text-muted">
          From
          <input type="date" name="from" defaultValue={filters.from ?? ""} className={inputClass} />
        </label>
        <label className="flex flex-col gap-1 text-xs font-medium text-muted">
          To
          <input type="date" name="to" defaultValue={filters.to ?? ""} className={inputClass} />
        </label>
        <button type="submit" className="rounded-md bg-accent-strong px-4 py-1.5 text-sm font-semibold text-white transition hover:opacity-90">
          Apply
        </button>
        {filtered && (
          <Link href="/admin/audit" prefetch={false} className="py-1.5 text-sm font-medium text-accent-strong hover:underline">
            Clear filters
          </Link>
        )}
      </form>

      {problem ? (
        <p role="alert" data-testid="audit-problem" className="rounded-md bg-red-500/10 px-3 py-2 text-sm text-red-700 dark:text-red-300">
          These filters cannot be used: {problem}
        </p>
      ) : result ? (
        <section aria-label="Audit events" data-state="loaded" className="overflow-hidden rounded-xl border border-border bg-surface">
          <p className="border-b border-border px-4 py-2.5 text-sm text-muted" data-testid="audit-total">
            {result.total.toLocaleString("en-GB")} {result.total === 1 ? "event" : "events"}
            {filtered ? " match" : ""}
          </p>
          {result.events.length === 0 ? (
            <p className="px-4 py-10 text-center text-sm text-muted">No events{filtered ? " match these filters" : " yet"}.</p>
          ) : (
            <div className="overflow-x-auto">
              <table className="w-full text-left text-sm">
                <thead className="bg-surface-muted text-xs uppercase tracking-wide text-muted">
                  <tr>
                    <th scope="col" className="px-4 py-2 font-medium">When (UTC)</th>
                    <th scope="col" className="px-4 py-2 font-medium">Who</th>
                    <th scope="col" className="px-4 py-2 font-medium">Action</th>
                    <th scope="col" className="px-4 py-2 font-medium">Target</th>
                    <th scope="col" className="px-4 py-2 font-medium">Detail</th>
                    <th scope="col" className="px-4 py-2 font-medium">Request</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-border">
                  {result.events.map((e) => (
                    <tr key={e.id} data-testid="audit-row" data-action={e.action}>
                      <td className="whitespace-nowrap px-4 py-2 tabular-nums text-muted">{timeFormat.format(new Date(e.at))}</td>
                      <td className="px-4 py-2">
                        <span className="block text-foreground">{e.actorName ?? e.actorEmail ?? "unknown"}</span>
                        {e.actorName && e.actorEmail && <span className="block text-xs text-muted">{e.actorEmail}</span>}
                      </td>
                      <td className="whitespace-nowrap px-4 py-2">{ACTION_LABELS[e.action as keyof typeof ACTION_LABELS] ?? e.action}</td>
                      <td className="whitespace-nowrap px-4 py-2 font-mono text-xs">
                        {e.target && (e.action === "claim.viewed" || e.action === "decision.recorded") ? <Link prefetch={false} className="text-accent-strong hover:underline" href={`/claims/${encodeURIComponent(e.target)}`}>{e.target}</Link> : e.target}
                      </td>
                      <td className="max-w-md truncate px-4 py-2 text-xs text-muted" title={describeDetail(e.detail)}>
                        {describeDetail(e.detail)}
                      </td>
                      <td className="px-4 py-2 font-mono text-[11px] text-muted">{e.requestId?.slice(0, 8) ?? ""}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <nav aria-label="Audit pages" className="flex items-center justify-between border-t border-border px-4 py-2.5 text-sm">
            {filters.before ? (
              <Link href={withParams(filters, { before: null })} prefetch={false} className="font-medium text-accent-strong hover:underline">
                ← Newest
              </Link>
            ) : (
              <span />
            )}
            {result.nextBefore !== null && (
              <Link href={withParams(filters, { before: String(result.nextBefore) })} prefetch={false} className="font-medium text-accent-strong hover:underline">
                Older →
              </Link>
            )}
          </nav>
        </section>
      ) : null}
    </div>
  );
}
