import { randomUUID } from "node:crypto";

import { count } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { auditLog, invites, participants, users } from "~/db/schema";
import type { CurrentUser } from "~/server/auth/current-user";
import { createAccountInvite } from "~/server/teams/invites";
import { participantCookieName, signParticipantCookie } from "~/server/sessions/participant-cookie";

import { callerFor, createUser, testCookieSecret } from "../helpers/callers";
import { createTestDatabase, type TestDatabase } from "../helpers/database";
import { createTeamWithSession, type TeamWithSession } from "../helpers/fixtures";
import { outcome } from "../helpers/outcome";

/**
 * Every procedure of the admin users, teams and audit routers, against every kind of caller that
 * is not an admin. Inputs are valid, so a refusal comes from who is calling, not from the input.
 */
let database: TestDatabase;
let fixture: TeamWithSession;
let guestCookie: string;
let admin: CurrentUser;
/** An open sign-up link, which only an admin may revoke. */
let signUpLinkId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  fixture = await createTeamWithSession(database.db, "access");
  admin = await createUser(database.db, "admin", "Ada");
  const link = await createAccountInvite(database.db, {
    createdById: admin.id,
    userRole: "admin",
    expiresInDays: 7,
  });
  signUpLinkId = link.id;
  const [guest] = await database.db
    .insert(participants)
    .values({ sessionId: fixture.session.id, displayName: "Guest" })
    .returning();
  guestCookie = `${participantCookieName(fixture.session.id)}=${signParticipantCookie(testCookieSecret, fixture.session.id, guest!.id)}`;
});
afterAll(() => database.destroy());

type Caller = ReturnType<typeof callerFor>;

/** Thunks, so that each call starts only when awaited (no unhandled rejections meanwhile). */
function everyAdminCall(caller: Caller): Record<string, () => Promise<unknown>> {
  const { member, facilitator, team } = fixture;
  return {
    "adminUsers.list": () => caller.adminUsers.list({ search: "", page: 1 }),
    "adminUsers.changeRole": () =>
      caller.adminUsers.changeRole({ userId: member.id, role: "admin" }),
    "adminUsers.deactivate": () => caller.adminUsers.deactivate({ userId: facilitator.id }),
    "adminUsers.reactivate": () => caller.adminUsers.reactivate({ userId: member.id }),
    "adminUsers.create": () =>
      caller.adminUsers.create({
        name: "Intruder",
        email: `intruder-${randomUUID()}@example.test`,
        role: "admin",
        password: "a long enough password",
      }),
    "adminUsers.createInvite": () => caller.adminUsers.createInvite({ role: "admin" }),
    "adminUsers.listInvites": () => caller.adminUsers.listInvites(),
    "adminUsers.revokeInvite": () => caller.adminUsers.revokeInvite({ inviteId: signUpLinkId }),
    "adminTeams.list": () => caller.adminTeams.list({ search: "", page: 1 }),
    "adminTeams.choices": () => caller.adminTeams.choices(),
    "adminTeams.addMember": () =>
      caller.adminTeams.addMember({
        teamId: team.id,
        email: admin.email,
        role: "facilitator",
      }),
    "adminTeams.removeMember": () =>
      caller.adminTeams.removeMember({
        teamId: team.id,
        userId: facilitator.id,
      }),
    "adminTeams.changeMemberRole": () =>
      caller.adminTeams.changeMemberRole({
        teamId: team.id,
        userId: member.id,
        role: "facilitator",
      }),
    "adminTeams.moveMember": () =>
      caller.adminTeams.moveMember({
        userId: member.id,
        fromTeamId: team.id,
        toTeamId: randomUUID(),
      }),
    "adminAudit.list": () => caller.adminAudit.list({ kind: null, page: 1 }),
  };
}

async function outcomes(caller: Caller) {
  const calls = everyAdminCall(caller);
  const result: Record<string, string> = {};
  for (const [name, call] of Object.entries(calls)) result[name] = await outcome(call());
  return result;
}

const every = (code: string) =>
  Object.fromEntries(
    Object.keys(everyAdminCall(callerFor(database.db, null))).map((k) => [k, code]),
  );

describe("admin users, teams and audit procedures", () => {
  it("are refused for a facilitator and a member, and change nothing", async () => {
    const usersBefore = await database.db.select().from(users);
    const invitesBefore = await database.db.select().from(invites);
    expect(await outcomes(callerFor(database.db, fixture.facilitator))).toEqual(every("FORBIDDEN"));
    expect(await outcomes(callerFor(database.db, fixture.member))).toEqual(every("FORBIDDEN"));
    expect(await database.db.select().from(users)).toEqual(usersBefore);
    expect(await database.db.select().from(invites)).toEqual(invitesBefore);
    const [audit] = await database.db.select({ n: count() }).from(auditLog);
    expect(audit!.n).toBe(0);
  });

  it("are refused for a guest participant and for anonymous callers", async () => {
    const invitesBefore = await database.db.select().from(invites);
    expect(await outcomes(callerFor(database.db, null, guestCookie))).toEqual(
      every("UNAUTHORIZED"),
    );
    expect(await outcomes(callerFor(database.db, null))).toEqual(every("UNAUTHORIZED"));
    expect(await database.db.select().from(invites)).toEqual(invitesBefore);
  });

  it("are let through for an admin (the calls above are real ones)", async () => {
    const result = await outcomes(callerFor(database.db, admin));
    for (const code of Object.values(result)) {
      expect(["ok", "NOT_FOUND", "CONFLICT"]).toContain(code);
    }
    expect(result["adminUsers.list"]).toBe("ok");
    expect(result["adminUsers.listInvites"]).toBe("ok");
    expect(result["adminUsers.revokeInvite"]).toBe("ok");
    expect(result["adminTeams.moveMember"]).toBe("NOT_FOUND"); // the target team is made up
  });
});
