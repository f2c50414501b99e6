import { describe, expect, it } from "vitest";

import type { TeamRole, UserRole } from "~/db/schema";
import {
  isAdmin,
  isSignedIn,
  mayFacilitate,
  mayManageTeam,
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
