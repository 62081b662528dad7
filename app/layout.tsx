import type { Metadata, Viewport } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { dashboards } from "@/components/home/DashboardDirectory";
import { Providers } from "./providers";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Goldlens", template: "%s · Goldlens" },
  description: "Loss, claims and engagement dashboards over lakehouse gold tables",
};

export const viewport: Viewport = {
  colorScheme: "light dark",
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#f6f6f3" },
    { media: "(prefers-color-scheme: dark)", color: "#0e1012" },
  ],
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="flex min-h-dvh flex-col bg-background font-sans text-foreground antialiased">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:fixed focus:left-4 focus:top-3 focus:z-50 focus:rounded-md focus:bg-surface focus:px-3 focus:py-2 focus:text-sm focus:shadow"
        >
          Skip to content
        </a>
        <Providers>
          <header className="sticky top-0 z-40 border-b border-border bg-surface/90 backdrop-blur supports-[backdrop-filter]:bg-surface/75">
            <div className="mx-auto flex h-14 w-full max-w-6xl items-center gap-4 px-6 sm:gap-8">
              <Link href="/" className="flex shrink-0 items-center gap-2.5 rounded-md" aria-label="Goldlens home">
                <Wordmark />
              </Link>
              <nav aria-label="Main" className="min-w-0 overflow-x-auto">
                <ul className="flex items-center gap-1 whitespace-nowrap">
                  {dashboards.map((dashboard) => (
                    <li key={dashboard.href}>
                      <Link
                        href={dashboard.href}
                        className="block rounded-md px-3 py-1.5 text-sm font-medium text-muted transition-colors hover:bg-surface-muted hover:text-foreground"
                      >
                        {dashboard.name}
                      </Link>
                    </li>
                  ))}
                </ul>
              </nav>
              {/* Signed-in user and role go here, so every page shows whose view it is. */}
              <div data-slot="session" className="ml-auto flex items-center gap-3 text-sm text-muted" />
            </div>
          </header>
          <main id="main" className="flex-1">
            {children}
          </main>
          <footer className="border-t border-border">
            <div className="mx-auto flex w-full max-w-6xl flex-col gap-1 px-6 py-5 text-xs text-subtle sm:flex-row sm:items-center sm:justify-between">
              <span>Goldlens</span>
              <span>Figures read from the gold tables of the lakehouse</span>
            </div>
          </footer>
        </Providers>
      </body>
    </html>
  );
}

function Wordmark() {
  return (
    <>
      <svg width="24" height="24" viewBox="0 0 24 24" aria-hidden="true">
        <circle cx="12" cy="12" r="9" fill="none" stroke="var(--accent)" strokeWidth="2.5" />
        <path
          d="M7.5 12a4.5 4.5 0 0 1 4.5-4.5"
          fill="none"
          stroke="var(--accent)"
          strokeWidth="1.75"
          strokeLinecap="round"
          opacity="0.55"
        />
        <circle cx="12" cy="12" r="2.25" fill="var(--accent)" />
      </svg>
      <span className="text-[15px] font-semibold tracking-tight text-foreground">
        Gold<span className="text-accent-strong">lens</span>
      </span>
    </>
  );
}
