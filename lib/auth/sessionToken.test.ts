import { afterEach, describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";
import * as jwt from "next-auth/jwt";

// The session cookie is opened once per token: later requests with the same cookie reuse the claims until the
// token expires; another secret, an expired token or a tampered one opens to nothing.
vi.mock("next-auth/jwt", async (importOriginal) => {
  const actual = await importOriginal<typeof import("next-auth/jwt")>();
  return { ...actual, decode: vi.fn(actual.decode) };
});
const { readSessionToken } = await import("./sessionToken");

const SECRET = "s".repeat(40);
const withCookie = (token: string) => new NextRequest("http://localhost/api/claims", { headers: { cookie: `next-auth.session-token=${token}` } });
const decodeCalls = () => vi.mocked(jwt.decode).mock.calls.length;

afterEach(() => {
  vi.useRealTimers();
  vi.mocked(jwt.decode).mockClear();
});

describe("readSessionToken", () => {
  it("opens a token once and answers the same claims for it afterwards", async () => {
    const token = await jwt.encode({ token: { sub: "u1", email: "ana@insurer.com", role: "investigator" }, secret: SECRET });
    const first = await readSessionToken(withCookie(token), SECRET);
    const second = await readSessionToken(withCookie(token), SECRET);
    expect(first).toMatchObject({ sub: "u1", email: "ana@insurer.com", role: "investigator" });
    expect(second).toEqual(first);
    expect(decodeCalls()).toBe(1);
  });

  it("does not answer from what another secret opened", async () => {
    const token = await jwt.encode({ token: { sub: "u2", role: "admin" }, secret: SECRET });
    expect(await readSessionToken(withCookie(token), SECRET)).toMatchObject({ sub: "u2" });
    expect(await readSessionToken(withCookie(token), "t".repeat(40))).toBeNull();
  });

  it("stops answering for a token once it has expired", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const token = await jwt.encode({ token: { sub: "u3", role: "executive" }, secret: SECRET, maxAge: 60 });
    expect(await readSessionToken(withCookie(token), SECRET)).toMatchObject({ sub: "u3" });
    // Past its expiry and the 15 s of clock tolerance the library itself allows.
    vi.setSystemTime(Date.now() + 76_000);
    expect(await readSessionToken(withCookie(token), SECRET)).toBeNull();
    expect(decodeCalls()).toBe(2);
  });

  it("opens nothing from a tampered token, a missing cookie or an expired one", async () => {
    const token = await jwt.encode({ token: { sub: "u4", role: "admin" }, secret: SECRET });
    const tampered = token.slice(0, -4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
    expect(await readSessionToken(withCookie(tampered), SECRET)).toBeNull();
    expect(await readSessionToken(new NextRequest("http://localhost/api/claims"), SECRET)).toBeNull();
    const expired = await jwt.encode({ token: { sub: "u5", role: "admin" }, secret: SECRET, maxAge: -60 });
    expect(await readSessionToken(withCookie(expired), SECRET)).toBeNull();
  });
});
