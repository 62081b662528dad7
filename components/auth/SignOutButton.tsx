"use client";

import { signOut } from "next-auth/react";

export function SignOutButton() {
  return (
    <button
      type="button"
      onClick={() => signOut({ callbackUrl: "/signin" })}
      className="whitespace-nowrap rounded-md border border-border px-2.5 py-1 text-xs font-medium text-foreground transition hover:border-border-strong"
    >
      Sign out
    </button>
  );
}
