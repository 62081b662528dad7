// GET|POST /api/auth/*: Auth.js (next-auth) sign-in, sign-out, session and CSRF endpoints.
import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { authOptions } from "@/lib/auth/options";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ nextauth: string[] }> };

async function handler(request: NextRequest, context: Context) {
  return NextAuth(request, { params: await context.params }, authOptions());
}

export { handler as GET, handler as POST };
