import { describe, expect, it } from "vitest";

import { parseCookies } from "~/server/http/cookies";

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
