// Every page and API request passes the access table (lib/auth/access.ts) here before it reaches a route.
import type { NextRequest } from "next/server";
import { handleProxy } from "@/lib/auth/proxyHandler";

export function proxy(request: NextRequest) {
  return handleProxy(request);
}

export const config = {
  // Static files need no session: build output, the icon, the map worker and the offline map geometry.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg|maplibre-gl-worker.mjs|geo/).*)"],
};
