import type { Metadata } from "next";
import { SignInForm } from "@/components/auth/SignInForm";
import { authConfig } from "@/lib/auth/config";
import { demoUsers } from "@/lib/auth/demoUsers";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; error?: string }> }) {
  const { callbackUrl, error } = await searchParams;
  const config = authConfig();
  // Only same-site paths are followed after sign-in.
  const next = callbackUrl && callbackUrl.startsWith("/") && !callbackUrl.startsWith("//") ? callbackUrl : "/";
  return (
    <div className="mx-auto w-full max-w-md px-6 py-16">
      <SignInForm
        callbackUrl={next}
        initialError={error ? "Sign-in failed. Check the email and password." : null}
        demo={config.mode === "demo" ? { users: demoUsers, password: config.demoPassword } : null}
      />
    </div>
  );
}
