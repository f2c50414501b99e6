import { describe, expect, it } from "vitest";

import type { TeamRole, UserRole } from "~/db/schema";
import {
  isAdmin,
  isSignedIn,
  mayEditAction,
  mayFacilitate,
  mayManageTeam,
  mayReviewFromPhone,
  maySeeTeam,
} from "~/server/auth/policy";

type Caller = { role: UserRole } | null;
const callers: Record<string, Caller> = {
  anonymous: null,
  member: { role: "member" },
  facilitator: { role: "facilitator" },
  admin: { role: "admin" },
};

describe("global rules, for every role", () => {
  const expected = {
    anonymous: { signedIn: false, facilitate: false, admin: false },
    member: { signedIn: true, facilitate: false, admin: false },
    facilitator: { signedIn: true, facilitate: true, admin: false },
    admin: { signedIn: true, facilitate: true, admin: true },
  };
  it.each(Object.entries(expected))("%s", (name, rules) => {
    const caller = callers[name]!;
    expect({
      signedIn: isSignedIn(caller),
      facilitate: mayFacilitate(caller),
      admin: isAdmin(caller),
    }).toEqual(rules);
  });
});

describe("team rules, for every role and membership", () => {
  const memberships: (TeamRole | null)[] = [null, "member", "facilitator"];
  // [caller, membership] → [may see the team, may manage the team]
  const expected: Record<string, [boolean, boolean][]> = {
    anonymous: [
      [false, false],
      [false, false],
      [false, false],
    ],
    member: [
      [false, false],
      [true, false],
      [true, false], // a member account can't run sessions even if listed as facilitator
    ],
    facilitator: [
      [false, false],
      [true, false],
      [true, true],
    ],
    admin: [
      [true, true],
      [true, true],
      [true, true],
    ],
  };
  for (const [name, rows] of Object.entries(expected)) {
    memberships.forEach((membership, i) => {
      it(`${name} with membership ${membership ?? "none"}`, () => {
        const caller = callers[name]!;
        expect([maySeeTeam(caller, membership), mayManageTeam(caller, membership)]).toEqual(
          rows[i],
        );
      });
    });
  }
});

describe("who may change an action on the board", () => {
  const me = "00000000-0000-4000-8000-000000000001";
  const someoneElse = "00000000-0000-4000-8000-000000000002";
  const as = (role: UserRole) => ({ id: me, role });

  it("lets the owner change it while they are in the team", () => {
    expect(mayEditAction(as("member"), "member", me)).toBe(true);
    expect(mayEditAction(as("member"), null, me)).toBe(false);
  });

  it("keeps other members off an action they don't own, and off unowned ones", () => {
    expect(mayEditAction(as("member"), "member", someoneElse)).toBe(false);
    expect(mayEditAction(as("member"), "member", null)).toBe(false);
    expect(mayEditAction(as("facilitator"), "member", someoneElse)).toBe(false);
  });

  it("lets the team's facilitators and admins change any action", () => {
    expect(mayEditAction(as("facilitator"), "facilitator", someoneElse)).toBe(true);
    expect(mayEditAction(as("admin"), null, null)).toBe(true);
  });

  it("refuses the signed-out", () => {
    expect(mayEditAction(null, null, me)).toBe(false);
  });

  it("lets a phone mark only its signed-in person's own actions in review", () => {
    expect(mayReviewFromPhone(me, me)).toBe(true);
    expect(mayReviewFromPhone(me, someoneElse)).toBe(false);
    expect(mayReviewFromPhone(null, null)).toBe(false);
    expect(mayReviewFromPhone(me, null)).toBe(false);
  });
});
