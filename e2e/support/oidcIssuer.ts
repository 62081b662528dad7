import { createHash, createSign, generateKeyPairSync, randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

// A minimal OpenID Connect provider for tests: discovery, JWKS, an authorize endpoint that signs in
// whoever the test chose (no login form), and a token endpoint that checks the PKCE verifier and returns
// an RS256 ID token.
export interface OidcUser {
  sub: string;
  email: string;
  name: string;
  groups?: string[];
}

export interface OidcIssuer {
  url: string;
  /** The next authorization signs in this user. */
  signInAs(user: OidcUser): void;
  close(): Promise<void>;
}

const b64url = (data: Buffer | string) => Buffer.from(data).toString("base64url");

export async function startOidcIssuer(clientId: string): Promise<OidcIssuer> {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const jwk = { ...publicKey.export({ format: "jwk" }), kid: "test-key", use: "sig", alg: "RS256" };
  const codes = new Map<string, { user: OidcUser; challenge: string | null; redirectUri: string; nonce: string | null }>();
  let nextUser: OidcUser | null = null;
  let url = "";

  function idToken(user: OidcUser, nonce: string | null): string {
    const now = Math.floor(Date.now() / 1000);
    const header = b64url(JSON.stringify({ alg: "RS256", typ: "JWT", kid: "test-key" }));
    const payload = b64url(
      JSON.stringify({ iss: url, aud: clientId, sub: user.sub, email: user.email, email_verified: true, name: user.name, groups: user.groups ?? [], iat: now, exp: now + 300, ...(nonce ? { nonce } : {}) }),
    );
    const signature = createSign("RSA-SHA256").update(`${header}.${payload}`).sign(privateKey);
    return `${header}.${payload}.${b64url(signature)}`;
  }

  const server: Server = createServer((req, res) => {
    const requestUrl = new URL(req.url ?? "/", url);
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    if (requestUrl.pathname === "/.well-known/openid-configuration") {
      return json(200, {
        issuer: url,
        authorization_endpoint: `${url}/authorize`,
        token_endpoint: `${url}/token`,
        jwks_uri: `${url}/jwks`,
        response_types_supported: ["code"],
        subject_types_supported: ["public"],
        id_token_signing_alg_values_supported: ["RS256"],
        code_challenge_methods_supported: ["S256"],
        token_endpoint_auth_methods_supported: ["client_secret_basic", "client_secret_post"],
      });
    }
    if (requestUrl.pathname === "/jwks") return json(200, { keys: [jwk] });
    if (requestUrl.pathname === "/authorize") {
      const q = requestUrl.searchParams;
      if (q.get("client_id") !== clientId || !nextUser) return json(400, { error: "invalid_request" });
      const code = randomBytes(16).toString("hex");
      codes.set(code, { user: nextUser, challenge: q.get("code_challenge"), redirectUri: q.get("redirect_uri") ?? "", nonce: q.get("nonce") });
      const back = new URL(q.get("redirect_uri") ?? "");
      back.searchParams.set("code", code);
      if (q.get("state")) back.searchParams.set("state", q.get("state")!);
      res.writeHead(302, { location: back.toString() });
      return res.end();
    }
    if (requestUrl.pathname === "/token" && req.method === "POST") {
      let body = "";
      req.on("data", (d: Buffer) => (body += d.toString()));
      req.on("end", () => {
        const form = new URLSearchParams(body);
        const grant = codes.get(form.get("code") ?? "");
        codes.delete(form.get("code") ?? "");
        const verifier = form.get("code_verifier") ?? "";
        if (!grant || (grant.challenge && b64url(createHash("sha256").update(verifier).digest()) !== grant.challenge)) return json(400, { error: "invalid_grant" });
        json(200, { access_token: randomBytes(16).toString("hex"), token_type: "Bearer", expires_in: 300, id_token: idToken(grant.user, grant.nonce) });
      });
      return;
    }
    json(404, { error: "not_found" });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    signInAs(user) {
      nextUser = user;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
