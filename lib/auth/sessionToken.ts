import { LRUCache } from "lru-cache";
import type { NextRequest } from "next/server";
import { decode, getToken, type JWT, type JWTDecodeParams } from "next-auth/jwt";

// Opening the session cookie (a key derived with HKDF, then AES-GCM) costs about a millisecond, and every API
// request needs it twice: in the proxy and in the route. The same token text always opens to the same claims,
// so they are kept, by secret and token, until the token expires. A token that does not open is not kept.
const opened = new LRUCache<string, JWT>({ max: 2_000 });

const nowSeconds = () => Date.now() / 1000;

async function openOnce(params: JWTDecodeParams): Promise<JWT | null> {
  if (!params.token) return null;
  const key = `${String(params.secret)}\u0000${params.salt ?? ""}\u0000${params.token}`;
  const kept = opened.get(key);
  if (kept && typeof kept.exp === "number" && kept.exp > nowSeconds()) return kept;
  const claims = await decode(params);
  if (claims && typeof claims.exp === "number" && claims.exp > nowSeconds()) {
    opened.set(key, claims, { ttl: Math.ceil((claims.exp - nowSeconds()) * 1000) });
  }
  return claims;
}

/** The session's claims from the request's cookie (or bearer token), or null when there is none or it does not open. */
export function readSessionToken(request: NextRequest, secret: string): Promise<JWT | null> {
  return getToken({ req: request, secret, decode: openOnce });
}
