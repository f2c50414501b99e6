import { describe, expect, it } from "vitest";

import { parseCookies, servedOverHttps } from "~/server/http/cookies";
import { participantCookieName, participantSetCookie } from "~/server/sessions/participant-cookie";

describe("cookie header parsing", () => {
  it("reads names and decoded values, first one winning", () => {
    const cookies = parseCookies("a=1; b=hello%20world; a=2; broken; =x; c=%E0%A4%A");
    expect(cookies.get("a")).toBe("1");
    expect(cookies.get("b")).toBe("hello world");
    expect(cookies.get("c")).toBe("%E0%A4%A");
    expect(cookies.has("broken")).toBe(false);
  });

  it("is empty without a header", () => {
    expect(parseCookies(null).size).toBe(0);
  });
});

describe("participant Set-Cookie", () => {
  const secret = "a-secret-that-is-long-enough-for-this-test";
  const session = "6f0b3c1e-4d7a-4f4e-9a53-0c1d2e3f4a5b";
  const participant = "0a1b2c3d-1111-4222-8333-444455556666";
  const attributes = (header: string) =>
    header
      .split(";")
      .slice(1)
      .map((part) => part.trim().toLowerCase());

  it("is httpOnly, SameSite=Lax and Secure behind https", () => {
    const header = participantSetCookie(secret, session, participant, true);
    expect(header.startsWith(`${participantCookieName(session)}=${participant}.`)).toBe(true);
    expect(attributes(header)).toEqual(
      expect.arrayContaining(["httponly", "samesite=lax", "secure", "path=/"]),
    );
  });

  it("leaves out Secure on plain http (browsers would drop it), keeping the rest", () => {
    const header = participantSetCookie(secret, session, participant, false);
    expect(attributes(header)).toEqual(expect.arrayContaining(["httponly", "samesite=lax"]));
    expect(attributes(header)).not.toContain("secure");
  });
});

describe("servedOverHttps", () => {
  it("is true only for an https public URL", () => {
    expect(servedOverHttps("https://practica.example.com")).toBe(true);
    expect(servedOverHttps("http://localhost:3000")).toBe(false);
    expect(servedOverHttps(undefined)).toBe(false);
  });
});
