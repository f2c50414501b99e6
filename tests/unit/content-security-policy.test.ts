import { describe, expect, it } from "vitest";

import {
  newNonce,
  pageContentSecurityPolicy,
  resourceContentSecurityPolicy,
} from "~/server/http/content-security-policy";

const directives = (policy: string) =>
  new Map(
    policy.split(";").map((part) => {
      const [name, ...values] = part.trim().split(/\s+/);
      return [name, values] as const;
    }),
  );

describe("page Content-Security-Policy", () => {
  it("runs scripts only by nonce (and what they load), never inline or eval in production", () => {
    const policy = directives(
      pageContentSecurityPolicy("abc123", { https: false, development: false }),
    );
    expect(policy.get("script-src")).toEqual(["'self'", "'nonce-abc123'", "'strict-dynamic'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("base-uri")).toEqual(["'none'"]);
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(policy.get("form-action")).toEqual(["'self'"]);
    expect(policy.has("upgrade-insecure-requests")).toBe(false);
  });

  it("allows eval only in development, and upgrades requests only behind https", () => {
    expect(
      directives(pageContentSecurityPolicy("n", { https: false, development: true })).get(
        "script-src",
      ),
    ).toContain("'unsafe-eval'");
    expect(
      directives(pageContentSecurityPolicy("n", { https: true, development: false })).has(
        "upgrade-insecure-requests",
      ),
    ).toBe(true);
  });

  it("closes everything for responses that are not pages", () => {
    const policy = directives(resourceContentSecurityPolicy);
    expect(policy.get("default-src")).toEqual(["'none'"]);
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
  });
});

describe("nonce", () => {
  it("is 128 random bits in base64, fresh each time", () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});

describe("Zod under the policy", () => {
  it("runs jitless (no eval probe) once instrumentation-client.ts has run", async () => {
    await import("~/instrumentation-client");
    const { config } = await import("zod/v4/core");
    expect(config().jitless).toBe(true);
  });
});
