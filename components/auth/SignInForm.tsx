"use client";

import { useState, type FormEvent } from "react";
import { signIn } from "next-auth/react";
import type { Role } from "@/lib/auth/access";

const ROLE_LABELS: Record<Role, string> = {
  executive: "Executive",
  investigator: "Claims investigator",
  marketing: "Marketing manager",
  admin: "Administrator",
};

interface Props {
  callbackUrl: string;
  initialError: string | null;
  demo: { users: ReadonlyArray<{ email: string; name: string; role: Role }>; password: string } | null;
}

export function SignInForm({ callbackUrl, initialError, demo }: Props) {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(initialError);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    setError(null);
    const result = await signIn("credentials", { email, password, redirect: false, callbackUrl });
    if (result?.ok && !result.error) {
      window.location.assign(callbackUrl);
      return;
    }
    setPending(false);
    setError(result?.error && result.error !== "CredentialsSignin" ? result.error : "Sign-in failed. Check the email and password.");
  }

  return (
    <div className="rounded-xl border border-border bg-surface p-8 shadow-[0_1px_2px_rgb(0_0_0/0.04)]">
      <div className="flex items-center justify-between gap-4">
        <h1 className="text-2xl font-semibold tracking-tight text-foreground">Sign in</h1>
        {demo && (
          <span className="rounded-full border border-accent-strong/40 bg-accent/10 px-2.5 py-0.5 text-xs font-semibold uppercase tracking-wide text-accent-strong">
            Demo mode
          </span>
        )}
      </div>
      <form onSubmit={submit} className="mt-6 flex flex-col gap-4" aria-describedby={error ? "signin-error" : undefined}>
        <label className="flex flex-col gap-1.5 text-sm font-medium text-foreground">
          Email
          <input
            type="email"
            name="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            className="rounded-md border border-border bg-background px-3 py-2 text-sm font-normal outline-none focus-visible:ring-2 focus-visible:ring-accent-strong"
          />
        </label>
        <label className="flex flex-col gap-1.5 text-sm font-medium text-foreground">
          Password
          <input
            type="password"
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            className="rounded-md border border-border bg-background px-3 py-2 text-sm font-normal outline-none focus-visible:ring-2 focus-visible:ring-accent-strong"
          />
        </label>
        {error && (
          <p id="signin-error" role="alert" className="rounded-md bg-red-500/10 px-3 py-2 text-sm text-red-700 dark:text-red-300">
            {error}
          </p>
        )}
        <button
          type="submit"
          disabled={pending}
          className="rounded-md bg-accent-strong px-4 py-2 text-sm font-semibold text-white transition hover:opacity-90 disabled:opacity-60"
        >
          {pending ? "Signing in…" : "Sign in"}
        </button>
      </form>
      {demo && (
        <section aria-labelledby="demo-users" className="mt-8 border-t border-border pt-6">
          <h2 id="demo-users" className="text-sm font-semibold text-foreground">
            Demo users
          </h2>
          <p className="mt-1 text-sm text-muted">
            Password for all: <code className="rounded bg-surface-muted px-1.5 py-0.5 text-foreground">{demo.password}</code>
          </p>
          <ul className="mt-3 flex flex-col gap-2">
            {demo.users.map((u) => (
              <li key={u.email}>
                <button
                  type="button"
                  onClick={() => {
                    setEmail(u.email);
                    setPassword(demo.password);
                  }}
                  className="flex w-full items-center justify-between rounded-md border border-border px-3 py-2 text-left text-sm transition hover:border-border-strong"
                >
                  <span className="font-mono text-xs text-foreground">{u.email}</span>
                  <span className="text-xs text-muted">{ROLE_LABELS[u.role]}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
