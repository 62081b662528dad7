"use client";

import { useState } from "react";
import { signIn } from "next-auth/react";

/** OIDC mode: one button to the organisation's identity provider. */
export function SsoSignIn({ callbackUrl, error }: { callbackUrl: string; error: string | null }) {
  const [pending, setPending] = useState(false);
  return (
    <div className="rounded-xl border border-border bg-surface p-8 shadow-[0_1px_2px_rgb(0_0_0/0.04)]">
      <h1 className="text-2xl font-semibold tracking-tight text-foreground">Sign in</h1>
      <p className="mt-2 text-sm text-muted">Goldlens signs you in with your organisation&apos;s account.</p>
      {error && (
        <p role="alert" className="mt-4 rounded-md bg-red-500/10 px-3 py-2 text-sm text-red-700 dark:text-red-300">
          {error}
        </p>
      )}
      <button
        type="button"
        disabled={pending}
        onClick={() => {
          setPending(true);
          void signIn("oidc", { callbackUrl });
        }}
        className="mt-6 w-full rounded-md bg-accent-strong px-4 py-2 text-sm font-semibold text-white transition hover:opacity-90 disabled:opacity-60"
      >
        {pending ? "Redirecting…" : "Sign in with single sign-on"}
      </button>
    </div>
  );
}
