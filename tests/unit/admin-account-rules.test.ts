import { describe, expect, it } from "vitest";

import {
  accountChangeRefusal,
  removesActiveAdmin,
  type AccountChangeTarget,
} from "~/server/admin/account-rules";

const ann: AccountChangeTarget = { id: "ann", name: "Ann", role: "admin", deactivatedAt: null };
const max: AccountChangeTarget = { id: "max", name: "Max", role: "member", deactivatedAt: null };

describe("changing accounts from the admin screens", () => {
  it("refuses an admin deactivating or demoting themselves, however many admins there are", () => {
    const asAnn = { actorId: "ann", target: ann, activeAdmins: 5 };
    expect(accountChangeRefusal({ ...asAnn, change: { kind: "deactivate" } })).toBe(
      "You can't deactivate your own account. Ask another admin to do it.",
    );
    expect(accountChangeRefusal({ ...asAnn, change: { kind: "role", to: "facilitator" } })).toBe(
      "You can't take away your own admin role. Ask another admin to do it.",
    );
    expect(accountChangeRefusal({ ...asAnn, change: { kind: "role", to: "admin" } })).toBeNull();
  });

  it("refuses taking away the last active admin", () => {
    for (const change of [{ kind: "deactivate" }, { kind: "role", to: "member" }] as const) {
      expect(accountChangeRefusal({ actorId: "bob", target: ann, change, activeAdmins: 1 })).toBe(
        "Ann is the last active admin. Make someone else an admin first.",
      );
      expect(
        accountChangeRefusal({ actorId: "bob", target: ann, change, activeAdmins: 2 }),
      ).toBeNull();
    }
  });

  it("lets anything happen to people who aren't active admins", () => {
    const deactivatedAdmin = { ...ann, deactivatedAt: new Date() };
    for (const target of [max, deactivatedAdmin]) {
      expect(
        accountChangeRefusal({
          actorId: "bob",
          target,
          change: { kind: "deactivate" },
          activeAdmins: 1,
        }),
      ).toBeNull();
    }
  });

  it("knows which changes take an active admin away", () => {
    expect(removesActiveAdmin(ann, { kind: "role", to: "admin" })).toBe(false);
    expect(removesActiveAdmin(ann, { kind: "role", to: "member" })).toBe(true);
    expect(removesActiveAdmin(ann, { kind: "deactivate" })).toBe(true);
    expect(removesActiveAdmin(max, { kind: "role", to: "admin" })).toBe(false);
  });
});
