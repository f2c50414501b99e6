import { describe, expect, it } from "vitest";

import { auditKindOf } from "~/server/admin/audit-kinds";
import { likePattern, pageWindow } from "~/server/admin/paging";

describe("admin list searches and pages", () => {
  it("finds the search text anywhere, taking LIKE's wildcards literally", () => {
    expect(likePattern("  ada ")).toBe("%ada%");
    expect(likePattern("50%_off\\")).toBe("%50\\%\\_off\\\\%");
    expect(likePattern("   ")).toBeNull();
  });

  it("fetches one row more than a page, to know whether another follows", () => {
    expect(pageWindow(1, 25)).toEqual({ limit: 26, offset: 0 });
    expect(pageWindow(3, 25)).toEqual({ limit: 26, offset: 50 });
    expect(pageWindow(0, 25)).toEqual({ limit: 26, offset: 0 });
  });

  it("sorts audit actions into kinds by their first word", () => {
    expect(auditKindOf("content.publish")).toBe("content");
    expect(auditKindOf("user.deactivate")).toBe("users");
    expect(auditKindOf("team.member.move")).toBe("teams");
    expect(auditKindOf("teamwork")).toBeNull();
  });
});
