import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { prisma } from "../db";
import { audit } from "../audit";
import { authConfig } from "./config";
import { ROLES, type Role } from "./access";
import { verifyPassword } from "./passwords";
import { recordFailedSignIn, recordSuccessfulSignIn, signInBlocked } from "./rateLimit";

const credentials = z.object({ email: z.string().trim().toLowerCase().email().max(200), password: z.string().min(1).max(200) });

function clientAddress(headers: Record<string, string | string[] | undefined> | undefined): string {
  const forwarded = headers?.["x-forwarded-for"];
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(",")[0]?.trim();
  return first || "unknown";
}

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

let cached: NextAuthOptions | null = null;

/** Built on first use, so a build without a secret can still compile the routes. */
export function authOptions(): NextAuthOptions {
  if (cached) return cached;
  cached = {
    secret: authConfig().secret,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/signin" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(raw, req) {
          const parsed = credentials.safeParse(raw);
          if (!parsed.success) return null;
          const { email, password } = parsed.data;
          const ip = clientAddress(req?.headers as Record<string, string> | undefined);
          if (await signInBlocked(email, ip)) {
            await audit({ action: "auth.sign_in_failed", actorEmail: email, detail: { reason: "rate_limited" } });
            throw new Error("Too many failed sign-ins. Try again in 15 minutes.");
          }
          const user = await prisma.user.findUnique({ where: { email } });
          const ok = user?.passwordHash ? await verifyPassword(user.passwordHash, password) : false;
          if (!user || !ok) {
            await recordFailedSignIn(email, ip);
            await audit({ action: "auth.sign_in_failed", actorEmail: email, detail: { reason: "bad_credentials" } });
            return null;
          }
          await recordSuccessfulSignIn(email);
          await audit({ action: "auth.signed_in", userId: user.id, actorEmail: user.email });
          return { id: user.id, email: user.email, name: user.name, role: user.role };
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.sub = user.id;
          token.role = (user as { role?: string }).role;
        }
        return token;
      },
      session({ session, token }) {
        const role = ROLES.find((r) => r === token.role);
        if (session.user) Object.assign(session.user, { id: token.sub, role: role ?? null });
        return session;
      },
    },
  };
  return cached;
}

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
}
