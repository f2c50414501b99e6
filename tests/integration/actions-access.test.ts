import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";

import { teamMemberships } from "~/db/schema";
import { feedCalendar } from "~/server/actions/calendar-feeds";
import type { CurrentUser } from "~/server/auth/current-user";

import { createUser } from "../helpers/callers";
import { keptAction, sessionInActionsStage } from "../helpers/actions";
import { createTeamWithSession, type TeamWithSession } from "../helpers/fixtures";
import { outcome } from "../helpers/outcome";
import {
  as,
  database,
  home,
  joinAsGuest,
  setUpVotingWorld,
  type Caller,
  type Guest,
} from "../helpers/voting";

/** Who may call each follow-through procedure: every kind of caller against every procedure. */

setUpVotingWorld();

const roles = [
  "anonymous",
  "signed-in non-member",
  "member of this team",
  "owner of the action",
  "member of another team",
  "facilitator of another team",
  "facilitator of this team",
  "admin",
  "guest participant of this session",
  "participant of another session",
] as const;
type Role = (typeof roles)[number];

let other: TeamWithSession;
let callers: Record<Role, Caller>;
let live: Awaited<ReturnType<typeof sessionInActionsStage>>;
let reviewing: Awaited<ReturnType<typeof sessionInActionsStage>>;
let ownedAction: string;
let reviewedAction: string;
let owner: CurrentUser;

beforeAll(async () => {
  other = await createTeamWithSession(database.db, "other");
  const admin = await createUser(database.db, "admin");
  const outsider = await createUser(database.db, "member", "outsider");
  owner = await createUser(database.db, "member", "owner");
  await database.db
    .insert(teamMemberships)
    .values({ teamId: home.team.id, userId: owner.id, role: "member" });

  const earlier = await sessionInActionsStage(1);
  reviewedAction = await keptAction(earlier, "Reviewed in the next session", owner.id);
  await as(home.facilitator).session.end({ sessionId: earlier.sessionId });
  reviewing = await sessionInActionsStage(0);
  await as(home.facilitator).session.stage({
    sessionId: reviewing.sessionId,
    command: { type: "goto", stage: "review" },
  });
  live = await sessionInActionsStage(1);
  ownedAction = await keptAction(live, "Owned by one member", owner.id);

  await as(other.facilitator).session.stage({
    sessionId: other.session.id,
    command: { type: "goto", stage: "read" },
  });
  const otherGuest: Guest = await joinAsGuest("Elsewhere", other.session.joinCode);
  callers = {
    anonymous: as(null),
    "signed-in non-member": as(outsider),
    "member of this team": as(home.member),
    "owner of the action": as(owner),
    "member of another team": as(other.member),
    "facilitator of another team": as(other.facilitator),
    "facilitator of this team": as(home.facilitator),
    admin: as(admin),
    "guest participant of this session": live.guests[0]!.caller,
    "participant of another session": otherGuest.caller,
  };
});

const signedOut = new Set<Role>([
  "anonymous",
  "guest participant of this session",
  "participant of another session",
]);
const outsiders = new Set<Role>([
  "signed-in non-member",
  "member of another team",
  "facilitator of another team",
]);

/** Reading the team's board and feeds: its members (any role) and admins. */
const teamMember = (role: Role) =>
  signedOut.has(role) ? "UNAUTHORIZED" : outsiders.has(role) ? "NOT_FOUND" : "ok";
/** Running the session: this team's facilitators and admins. */
const sessionFacilitator = (role: Role) =>
  role === "member of this team" || role === "owner of the action" ? "FORBIDDEN" : teamMember(role);
/** Changing an action on the board: its owner, this team's facilitators and admins. */
const actionEditor = (role: Role) =>
  role === "member of this team" ? "FORBIDDEN" : teamMember(role);
const participant = (role: Role) =>
  role === "guest participant of this session" ? "ok" : "UNAUTHORIZED";

const procedures: Record<
  string,
  { expected: (role: Role) => string; call: (c: Caller) => Promise<unknown> }
> = {
  "action.propose": {
    expected: participant,
    call: (c) =>
      c.action.propose({
        sessionId: live.sessionId,
        practiceId: live.adopted[0],
        title: "Proposed by a caller",
      }),
  },
  "action.create": {
    expected: sessionFacilitator,
    call: (c) =>
      c.action.create({
        sessionId: live.sessionId,
        practiceId: live.adopted[1],
        title: "Created by a caller",
      }),
  },
  "action.update": {
    expected: sessionFacilitator,
    call: (c) =>
      c.action.update({
        sessionId: live.sessionId,
        actionId: ownedAction,
        patch: { dueOn: "2026-12-02" },
      }),
  },
  "action.merge": {
    expected: sessionFacilitator,
    call: async (c) => {
      const propose = (title: string) =>
        as(home.facilitator).action.create({
          sessionId: live.sessionId,
          practiceId: live.adopted[0],
          title,
        });
      const [keep, duplicate] = [await propose("Keep this one"), await propose("Duplicate of it")];
      return c.action.merge({
        sessionId: live.sessionId,
        duplicateId: duplicate.id,
        intoId: keep.id,
      });
    },
  },
  "action.review": {
    expected: sessionFacilitator,
    call: (c) =>
      c.action.review({
        sessionId: reviewing.sessionId,
        actionId: reviewedAction,
        outcome: "carried",
      }),
  },
  "action.reviewOwn": {
    // Guests have no account, so own no action: the rule refuses them after the door lets them in.
    expected: (role) =>
      role === "guest participant of this session" ? "CONFLICT" : "UNAUTHORIZED",
    call: (c) =>
      c.action.reviewOwn({
        sessionId: live.sessionId,
        actionId: reviewedAction,
        outcome: "carried",
      }),
  },
  "board.list": { expected: teamMember, call: (c) => c.board.list({ teamId: home.team.id }) },
  "board.options": { expected: teamMember, call: (c) => c.board.options({ teamId: home.team.id }) },
  "board.history": {
    expected: teamMember,
    call: (c) => c.board.history({ actionId: ownedAction }),
  },
  "board.move": {
    expected: actionEditor,
    call: (c) => c.board.move({ actionId: ownedAction, status: "doing" }),
  },
  "board.edit": {
    expected: actionEditor,
    call: (c) => c.board.edit({ actionId: ownedAction, title: "Owned by one member, reworded" }),
  },
  "calendar.mine": { expected: teamMember, call: (c) => c.calendar.mine({ teamId: home.team.id }) },
  "calendar.create": {
    expected: teamMember,
    call: (c) => c.calendar.create({ teamId: home.team.id }),
  },
  "calendar.revoke": {
    expected: teamMember,
    call: (c) => c.calendar.revoke({ teamId: home.team.id }),
  },
};

describe("who may call each follow-through procedure", () => {
  for (const [name, procedure] of Object.entries(procedures)) {
    it(`${name} answers each caller as the rules say`, async () => {
      const actual: Record<string, string> = {};
      const expected: Record<string, string> = {};
      for (const role of roles) {
        actual[role] = await outcome(procedure.call(callers[role]));
        expected[role] = procedure.expected(role);
      }
      expect(actual).toEqual(expected);
    });
  }
});

describe("nothing of another team leaks", () => {
  it("keeps each team's board to its own actions, even for an admin looking at one team", async () => {
    const otherLive = await createTeamWithSession(database.db, "third");
    const mine = await callers.admin.board.list({ teamId: home.team.id });
    expect(mine.actions.length).toBeGreaterThan(0);
    const theirs = await callers.admin.board.list({ teamId: otherLive.team.id });
    expect(theirs.actions).toEqual([]);
  });

  it("refuses another team's facilitator on this team's action with NOT_FOUND, not a hint", async () => {
    expect(
      await outcome(
        callers["facilitator of another team"].board.history({ actionId: ownedAction }),
      ),
    ).toBe("NOT_FOUND");
  });
});

describe("calendar feeds", () => {
  const tokenOf = (url: string) => url.split("/").pop()!;
  const read = (token: string) =>
    feedCalendar(database.db, token, "http://localhost:3000", new Date("2026-11-25T12:00:00Z"));

  it("serves the team's open due dates at a secret URL until it is revoked", async () => {
    const { url } = await callers["owner of the action"].calendar.create({ teamId: home.team.id });
    expect(url).toMatch(/^http:\/\/localhost:3000\/api\/calendar\/[A-Za-z0-9_-]{43}$/);
    const feed = await read(tokenOf(url));
    expect(feed).toContain("BEGIN:VEVENT");
    expect(feed).toContain("Owned by one member");
    expect(await callers["owner of the action"].calendar.revoke({ teamId: home.team.id })).toEqual({
      revoked: true,
    });
    expect(await read(tokenOf(url))).toBeNull();
  });

  it("stops the old URL when a new one is made", async () => {
    const first = await callers["member of this team"].calendar.create({ teamId: home.team.id });
    const second = await callers["member of this team"].calendar.create({ teamId: home.team.id });
    expect(await read(tokenOf(first.url))).toBeNull();
    expect(await read(tokenOf(second.url))).toContain("BEGIN:VCALENDAR");
  });

  it("stops a feed once its maker leaves the team", async () => {
    const leaver = await createUser(database.db, "member", "leaver");
    await database.db
      .insert(teamMemberships)
      .values({ teamId: home.team.id, userId: leaver.id, role: "member" });
    const { url } = await as(leaver).calendar.create({ teamId: home.team.id });
    expect(await read(tokenOf(url))).not.toBeNull();
    await database.db
      .delete(teamMemberships)
      .where(and(eq(teamMemberships.teamId, home.team.id), eq(teamMemberships.userId, leaver.id)));
    expect(await read(tokenOf(url))).toBeNull();
  });

  it("answers unknown and malformed tokens with nothing", async () => {
    expect(await read("A".repeat(43))).toBeNull();
    expect(await read("../../etc/passwd")).toBeNull();
    expect(await read("")).toBeNull();
  });
});
