import { describe, expect, it } from "vitest";

import { requestPathOf, returnPathWithin } from "~/server/http/request-path";

describe("requestPathOf", () => {
  it("keeps the path and the query a visitor asked for", () => {
    expect(requestPathOf(new URL("http://app.test/admin/users?q=ada&page=2"))).toBe(
      "/admin/users?q=ada&page=2",
    );
    expect(requestPathOf(new URL("http://app.test/admin"))).toBe("/admin");
  });

  it("drops Next's _rsc cache-buster, so sign-in doesn't lead back to an RSC payload", () => {
    expect(requestPathOf(new URL("http://app.test/teams/a/board?_rsc=x1y2"))).toBe(
      "/teams/a/board",
    );
    expect(requestPathOf(new URL("http://app.test/teams/a/board?owner=u1&_rsc=x1y2"))).toBe(
      "/teams/a/board?owner=u1",
    );
  });
});

describe("returnPathWithin", () => {
  it("takes the requested address when it lies within the area", () => {
    expect(returnPathWithin("/admin", "/admin")).toBe("/admin");
    expect(returnPathWithin("/admin/users?q=ada", "/admin")).toBe("/admin/users?q=ada");
    expect(returnPathWithin("/teams/a/board?owner=u1", "/teams/a/board")).toBe(
      "/teams/a/board?owner=u1",
    );
  });

  it("falls back to the area for a missing header or one pointing anywhere else", () => {
    expect(returnPathWithin(null, "/admin")).toBe("/admin");
    expect(returnPathWithin("", "/admin")).toBe("/admin");
    expect(returnPathWithin("/administrator", "/admin")).toBe("/admin");
    expect(returnPathWithin("//evil.example/admin", "/admin")).toBe("/admin");
    expect(returnPathWithin("https://evil.example/admin", "/admin")).toBe("/admin");
    expect(returnPathWithin("/teams/b/board", "/teams/a/board")).toBe("/teams/a/board");
  });
});
