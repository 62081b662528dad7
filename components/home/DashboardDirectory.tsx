import Link from "next/link";
import { LinkPending } from "@/components/auth/LinkPending";
import type { ReactNode } from "react";

export type Dashboard = {
  name: string;
  href: string;
  audience: string;
  summary: string;
  icon: ReactNode;
};

const iconProps = {
  width: 20,
  height: 20,
  viewBox: "0 0 24 24",
  fill: "none",
  stroke: "currentColor",
  strokeWidth: 1.75,
  strokeLinecap: "round",
  strokeLinejoin: "round",
  "aria-hidden": true,
} as const;

export const dashboards = [
  {
    name: "Loss Summary",
    href: "/loss-summary",
    audience: "Executives",
    summary: "Loss ratios, incident mix and trends, and where the policies are.",
    icon: (
      <svg {...iconProps}>
        <path d="M4 20V10M10 20V4M16 20v-7M22 20H2" />
      </svg>
    ),
  },
  {
    name: "Claims Investigation",
    href: "/claims",
    audience: "Claims investigators",
    summary: "A queue of auto-scored claims, each checked against its policy, damage photo and telematics.",
    icon: (
      <svg {...iconProps}>
        <circle cx="11" cy="11" r="6.5" />
        <path d="m20 20-4.2-4.2M8.5 11l1.8 1.8L13.8 9.3" />
      </svg>
    ),
  },
  {
    name: "Email Engagement",
    href: "/engagement",
    audience: "Marketing managers",
    summary: "Opens, clicks and click ratio by country, account and campaign.",
    icon: (
      <svg {...iconProps}>
        <rect x="3" y="5" width="18" height="14" rx="2" />
        <path d="m3.5 6.5 8.5 6.5 8.5-6.5" />
      </svg>
    ),
  },
] as const satisfies readonly Dashboard[];

/** The dashboards a user may open (all of them when `visible` is not given). */
export function DashboardDirectory({ visible }: { visible?: (href: string) => boolean }) {
  return (
    <nav aria-label="Dashboards">
      <ul className="grid gap-5 md:grid-cols-3">
        {dashboards.filter((d) => !visible || visible(d.href)).map((dashboard) => (
          <li key={dashboard.href}>
            <DashboardCard dashboard={dashboard} />
          </li>
        ))}
      </ul>
    </nav>
  );
}

function DashboardCard({ dashboard }: { dashboard: Dashboard }) {
  return (
    // The link wraps only the title and stretches over the card, so its accessible name is the dashboard name alone.
    <article className="group relative flex h-full flex-col rounded-xl border border-border bg-surface p-6 shadow-[0_1px_2px_rgb(0_0_0/0.04)] transition hover:border-border-strong hover:shadow-[0_4px_16px_-4px_rgb(0_0_0/0.12)] has-[a:focus-visible]:outline-2 has-[a:focus-visible]:outline-offset-2 has-[a:focus-visible]:outline-accent-strong">
      <div className="flex items-start justify-between gap-4">
        <span className="flex size-10 items-center justify-center rounded-lg bg-accent-soft text-accent-strong">
          {dashboard.icon}
        </span>
        <span className="rounded-full border border-border px-2.5 py-0.5 text-xs font-medium text-muted">
          {dashboard.audience}
        </span>
      </div>
      <h2 className="mt-6 text-lg font-semibold tracking-tight text-foreground">
        <Link href={dashboard.href} prefetch={false} className="outline-none after:absolute after:inset-0 after:rounded-xl">
          {dashboard.name}
          <LinkPending />
        </Link>
      </h2>
      <p className="mt-2 text-sm leading-6 text-muted">{dashboard.summary}</p>
      <div className="mt-auto flex items-center justify-between pt-6 text-sm">
        <span className="font-mono text-xs text-subtle">{dashboard.href}</span>
        <span
          className="inline-flex items-center gap-1 font-medium text-accent-strong transition-transform group-hover:translate-x-0.5"
          aria-hidden="true"
        >
          Open
          <svg width="16" height="16" viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="1.75">
            <path d="M3 8h10M9 4l4 4-4 4" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
        </span>
      </div>
    </article>
  );
}
