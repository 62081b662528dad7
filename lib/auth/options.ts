import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { prisma } from "../db";
import { audit } from "../audit";
import { authConfig, type AuthConfig } from "./config";
import { ROLES, type Role } from "./access";
import { ensureExternalUser } from "./externalUsers";
import { resolveRole } from "./roleMap";
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

/** The role an OIDC profile maps to: AUTH_ROLE_MAP over the email and the values of OIDC_ROLE_CLAIM. */
export function oidcRole(profile: Record<string, unknown> | undefined, email: string, config: Extract<AuthConfig, { mode: "oidc" }>): Role | null {
  const claim = profile?.[config.oidc.roleClaim];
  const values = Array.isArray(claim) ? claim.filter((v): v is string => typeof v === "string") : typeof claim === "string" ? claim.split(/[ ,]+/) : [];
  return resolveRole(config.roleMap, email, values);
}

function oidcProvider(config: Extract<AuthConfig, { mode: "oidc" }>): NextAuthOptions["providers"][number] {
  return {
    id: "oidc",
    name: "Single sign-on",
    type: "oauth",
    wellKnown: `${config.oidc.issuer}/.well-known/openid-configuration`,
    clientId: config.oidc.clientId,
    clientSecret: config.oidc.clientSecret,
    authorization: { params: { scope: "openid email profile" } },
    idToken: true,
    checks: ["pkce", "state"],
    profile(profile: Record<string, unknown>) {
      const email = typeof profile.email === "string" ? profile.email : "";
      const name = [profile.name, profile.preferred_username, email].find((v): v is string => typeof v === "string" && v !== "");
      return { id: String(profile.sub), email, name: name ?? email };
    },
  };
}

function demoCredentialsProvider(): NextAuthOptions["providers"][number] {
  return CredentialsProvider({
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
  });
}

/** Built on first use, so a build without a secret can still compile the routes. */
export function authOptions(): NextAuthOptions {
  if (cached) return cached;
  const config = authConfig();
  cached = {
    secret: config.secret ?? undefined,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/signin", error: "/signin" },
    providers: config.mode === "oidc" ? [oidcProvider(config)] : [demoCredentialsProvider()],
    callbacks: {
      async signIn({ user, account, profile }) {
        if (account?.type !== "oauth" || config.mode !== "oidc") return true;
        const email = typeof user.email === "string" ? user.email.trim().toLowerCase() : "";
        const role = email ? oidcRole(profile as Record<string, unknown> | undefined, email, config) : null;
        if (!email || !role) {
          await audit({ action: "auth.sign_in_failed", actorEmail: email || null, detail: { reason: email ? "no_role" : "no_email", provider: "oidc" } });
          return false;
        }
        // The token carries the app database id and the mapped role from here on.
        const id = await ensureExternalUser(email, user.name ?? email, role);
        Object.assign(user, { id, email, role });
        await audit({ action: "auth.signed_in", userId: id, actorEmail: email, detail: { provider: "oidc" } });
        return true;
      },
      jwt({ token, user }) {
        if (user) {
          token.sub = user.id;
          token.email = user.email;
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
