import { describe, expect, it } from "vitest";

import { hasAccountCookie } from "~/server/auth/session-cookie";

describe("hasAccountCookie", () => {
  it("finds Auth.js's session cookie, chunked or not, over HTTP or HTTPS", () => {
    expect(hasAccountCookie(["authjs.session-token"])).toBe(true);
    expect(hasAccountCookie(["theme", "authjs.session-token.0", "authjs.session-token.1"])).toBe(
      true,
    );
    expect(hasAccountCookie(["__Secure-authjs.session-token"])).toBe(true);
  });

  it("finds none on a phone: a participant cookie, Auth.js's other cookies, look-alikes", () => {
    expect(hasAccountCookie([])).toBe(false);
    expect(hasAccountCookie(["practica_p_0b2873e9", "authjs.csrf-token"])).toBe(false);
    expect(hasAccountCookie(["authjs.callback-url", "xauthjs.session-token"])).toBe(false);
    expect(hasAccountCookie(["authjs.session-token.x"])).toBe(false);
  });
});
