import type { Metadata } from "next";
import { SignInForm } from "@/components/auth/SignInForm";
import { SsoSignIn } from "@/components/auth/SsoSignIn";
import { authConfig } from "@/lib/auth/config";
import { demoUsers } from "@/lib/auth/demoUsers";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

const SSO_ERRORS: Record<string, string> = {
  AccessDenied: "Your account has no Goldlens role. Ask an administrator to add you to AUTH_ROLE_MAP.",
};

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; error?: string }> }) {
  const { callbackUrl, error } = await searchParams;
  const config = authConfig();
  // Only same-site paths are followed after sign-in.
  const next = callbackUrl && callbackUrl.startsWith("/") && !callbackUrl.startsWith("//") ? callbackUrl : "/";
  return (
    <div className="mx-auto w-full max-w-md px-6 py-16">
      {config.mode === "demo" ? (
        <SignInForm
          callbackUrl={next}
          initialError={error ? "Sign-in failed. Check the email and password." : null}
          demo={{ users: demoUsers, password: config.demoPassword }}
        />
      ) : config.mode === "oidc" ? (
        <SsoSignIn callbackUrl={next} error={error ? (SSO_ERRORS[error] ?? "Sign-in with your organisation's account failed. Try again.") : null} />
      ) : (
        <div className="rounded-xl border border-border bg-surface p-8">
          <h1 className="text-2xl font-semibold tracking-tight text-foreground">Sign in through Databricks</h1>
          <p className="mt-2 text-sm text-muted">
            This Goldlens runs as a Databricks App: open it from your Databricks workspace and it knows who you are. No identity reached it with this
            request.
          </p>
        </div>
      )}
    </div>
  );
}
