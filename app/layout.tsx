import type { Metadata, Viewport } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { MainNav } from "@/components/auth/MainNav";
import { UserMenu } from "@/components/auth/UserMenu";
import { PAGE_COLUMN } from "@/components/pageColumn";
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
            <div className={`${PAGE_COLUMN} flex flex-wrap items-center gap-x-4 py-2 sm:h-14 sm:flex-nowrap sm:gap-x-8 sm:py-0`}>
              <Link href="/" prefetch={false} className="flex shrink-0 items-center gap-2.5 rounded-md" aria-label="Goldlens home">
                <Wordmark />
              </Link>
              <MainNav />
              <UserMenu />
            </div>
          </header>
          <main id="main" className="flex-1">
            {children}
          </main>
          <footer className="border-t border-border">
            <div className={`${PAGE_COLUMN} flex flex-col gap-1 py-5 text-xs text-subtle sm:flex-row sm:items-center sm:justify-between`}>
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
