import { describe, expect, it } from "vitest";

import {
  isAllowedOrigin,
  requestOriginFromHeaders,
  type RequestOrigin,
} from "~/server/http/origin-check";

const publicUrl = "https://practica.example.com";

function post(overrides: Partial<RequestOrigin>): RequestOrigin {
  return {
    method: "POST",
    origin: null,
    secFetchSite: null,
    host: "practica.example.com",
    publicUrl,
    ...overrides,
  };
}

describe("origin check for state-changing requests", () => {
  it("lets a POST from the public URL's origin through", () => {
    expect(isAllowedOrigin(post({ origin: publicUrl, secFetchSite: "same-origin" }))).toBe(true);
  });

  it("lets a POST through whose Origin is the host it was sent to (e.g. http://localhost:3000)", () => {
    expect(
      isAllowedOrigin(
        post({
          origin: "http://localhost:3000",
          host: "localhost:3000",
          publicUrl: "http://x.test",
        }),
      ),
    ).toBe(true);
  });

  it("refuses a POST from a foreign origin, whatever the fetch metadata says", () => {
    for (const secFetchSite of [null, "cross-site", "same-origin"]) {
      expect(isAllowedOrigin(post({ origin: "https://evil.example", secFetchSite }))).toBe(false);
    }
  });

  it("refuses look-alike origins: other scheme, other port, sub-domain, suffix, null", () => {
    for (const origin of [
      "http://practica.example.com",
      "https://practica.example.com:8443",
      "https://evil.practica.example.com",
      "https://practica.example.com.evil.example",
      "null",
      "not a url",
    ]) {
      expect(isAllowedOrigin(post({ origin })), origin).toBe(false);
    }
  });

  it("lets a POST without Origin through only when no browser says it came from elsewhere", () => {
    // Tools (bench, tests, curl) send neither header.
    expect(isAllowedOrigin(post({}))).toBe(true);
    expect(isAllowedOrigin(post({ secFetchSite: "same-origin" }))).toBe(true);
    expect(isAllowedOrigin(post({ secFetchSite: "cross-site" }))).toBe(false);
    expect(isAllowedOrigin(post({ secFetchSite: "same-site" }))).toBe(false);
    expect(isAllowedOrigin(post({ secFetchSite: "none" }))).toBe(false);
  });

  it("applies to every unsafe method, in any case", () => {
    for (const method of ["PUT", "PATCH", "DELETE", "post"]) {
      expect(isAllowedOrigin(post({ method, origin: "https://evil.example" }))).toBe(false);
    }
  });
});

describe("origin check for reads", () => {
  const get = (secFetchSite: string | null, origin: string | null = null) =>
    isAllowedOrigin(post({ method: "GET", secFetchSite, origin }));

  it("lets same-origin, typed-in and tool GETs through", () => {
    expect(get("same-origin", publicUrl)).toBe(true);
    expect(get("none")).toBe(true);
    expect(get(null)).toBe(true);
  });

  it("refuses GETs a browser says another site made", () => {
    expect(get("cross-site", "https://evil.example")).toBe(false);
    expect(get("same-site")).toBe(false);
  });
});

describe("origin facts from headers", () => {
  it("prefers the first X-Forwarded-Host over Host", () => {
    const headers = new Headers({
      host: "app:3000",
      "x-forwarded-host": "practica.example.com, inner",
      origin: publicUrl,
      "sec-fetch-site": "same-origin",
    });
    expect(requestOriginFromHeaders("POST", headers, publicUrl)).toEqual({
      method: "POST",
      origin: publicUrl,
      secFetchSite: "same-origin",
      host: "practica.example.com",
      publicUrl,
    });
    expect(requestOriginFromHeaders("POST", new Headers({ host: "a:1" }), publicUrl).host).toBe(
      "a:1",
    );
  });
});
