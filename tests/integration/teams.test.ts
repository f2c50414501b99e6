import { TRPCError } from "@trpc/server";
import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ZodError } from "zod";

import {
  auditLog,
  inviteAcceptances,
  invites,
  rateLimits,
  teamMemberships,
  teams,
  users,
  type TeamRole,
} from "~/db/schema";
import type { CurrentUser } from "~/server/auth/current-user";
import { createTeam } from "~/server/teams/create";
import { hashInviteToken } from "~/server/teams/invite-token";
import {
  createInvite,
  EmailTakenError,
  InviteUnusableError,
  signUpWithInvite,
} from "~/server/teams/invites";

import { callerFor, createUser } from "../helpers/callers";
import { createTestDatabase, type TestDatabase } from "../helpers/database";
import { outcome } from "../helpers/outcome";

let database: TestDatabase;
const db = () => database.db;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.destroy());
// Every caller here shares one client key; each test starts with a fresh invite-attempt budget.
beforeEach(async () => {
  await db().delete(rateLimits);
});

/**
 * The code and message of a refused call. Input errors carry their zod issues; over HTTP the
 * error formatter turns them into "path: message" sentences, so the same is done here.
 */
async function failure(call: Promise<unknown>) {
  try {
    await call;
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    const message =
      error.cause instanceof ZodError
        ? error.cause.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ")
        : error.message;
    return { code: error.code, message };
  }
  throw new Error("expected the call to fail");
}

const tokenOf = (path: string) => path.replace(/^\/invite\//, "");

async function membershipsOf(teamId: string, userId: string) {
  return db()
    .select({ role: teamMemberships.role })
    .from(teamMemberships)
    .where(and(eq(teamMemberships.teamId, teamId), eq(teamMemberships.userId, userId)));
}

/** A team made by a fresh facilitator, and an invite to it. */
async function teamWithInvite(name: string, teamRole: TeamRole = "member") {
  const facilitator = await createUser(db(), "facilitator", `${name} facilitator`);
  const team = await callerFor(db(), facilitator).team.create({ name });
  const invite = await callerFor(db(), facilitator).team.createInvite({
    teamId: team.id,
    teamRole,
  });
  return { facilitator, team, invite, token: tokenOf(invite.path) };
}

describe("creating a team", () => {
  it("makes the creating facilitator the team's facilitator", async () => {
    const facilitator = await createUser(db(), "facilitator", "Fran");
    const caller = callerFor(db(), facilitator);
    const team = await caller.team.create({ name: "  Mobile Apps  " });
    expect(team).toMatchObject({ name: "Mobile Apps", slug: "mobile-apps" });
    expect(await caller.team.members({ teamId: team.id })).toEqual([
      expect.objectContaining({ userId: facilitator.id, name: "Fran", role: "facilitator" }),
    ]);
    expect(await caller.team.list()).toEqual([
      {
        id: team.id,
        slug: "mobile-apps",
        name: "Mobile Apps",
        role: "facilitator",
        memberCount: 1,
      },
    ]);
  });

  it("gives teams whose names share a slug numeric suffixes", async () => {
    const caller = callerFor(db(), await createUser(db(), "facilitator"));
    const slugs = [];
    for (const name of ["Platform Team", "platform team!", "Plätform Team"]) {
      slugs.push((await caller.team.create({ name })).slug);
    }
    expect(slugs).toEqual(["platform-team", "platform-team-2", "platform-team-3"]);
  });

  it("gives teams created at the same moment with one name distinct slugs", async () => {
    const caller = callerFor(db(), await createUser(db(), "facilitator"));
    const created = await Promise.all(
      Array.from({ length: 5 }, () => caller.team.create({ name: "Race" })),
    );
    expect(new Set(created.map((team) => team.slug))).toEqual(
      new Set(["race", "race-2", "race-3", "race-4", "race-5"]),
    );
  });

  it("falls back to 'team' for a name without Latin letters or digits", async () => {
    const creator = await createUser(db(), "facilitator");
    expect((await createTeam(db(), { name: "チーム", creatorId: creator.id })).slug).toMatch(
      /^team(-\d+)?$/,
    );
  });

  it.each([
    ["an empty name", "   ", "name: Name the team."],
    ["a name over 80 characters", "x".repeat(81), "name: Keep the team name under 80 characters."],
  ])("refuses %s with a readable message", async (_, name, message) => {
    const caller = callerFor(db(), await createUser(db(), "facilitator"));
    expect(await failure(caller.team.create({ name }))).toEqual({ code: "BAD_REQUEST", message });
  });
});

describe("invite links", () => {
  it("store only the SHA-256 of the token that the link carries", async () => {
    const { team, invite, token } = await teamWithInvite("Hashes");
    expect(invite.path).toMatch(/^\/invite\/[A-Za-z0-9_-]{43}$/);
    const [row] = await db().select().from(invites).where(eq(invites.id, invite.id));
    expect(row).toMatchObject({ teamId: team.id, tokenHash: hashInviteToken(token) });
    expect(JSON.stringify(row)).not.toContain(token);
  });

  it("expire after 7 days unless told otherwise, and within 1 to 30 days", async () => {
    const { facilitator, team, invite } = await teamWithInvite("Expiry");
    const days = (invite.expiresAt.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.99);
    expect(days).toBeLessThanOrEqual(7);
    const caller = callerFor(db(), facilitator);
    const longer = await caller.team.createInvite({ teamId: team.id, expiresInDays: 30 });
    expect((longer.expiresAt.getTime() - Date.now()) / 86_400_000).toBeGreaterThan(29.99);
    for (const expiresInDays of [0, 31, 2.5]) {
      expect(await outcome(caller.team.createInvite({ teamId: team.id, expiresInDays }))).toBe(
        "BAD_REQUEST",
      );
    }
  });

  it("show anyone holding the link only the team's and inviter's names, role and state", async () => {
    const { token } = await teamWithInvite("Visible", "facilitator");
    expect(await callerFor(db(), null).team.inviteByToken({ token })).toEqual({
      state: "open",
      teamName: "Visible",
      inviterName: "Visible facilitator",
      teamRole: "facilitator",
    });
  });

  it("add the accepting member to the team with the invite's role", async () => {
    const { team, token } = await teamWithInvite("Accepting");
    const newcomer = await createUser(db(), "member");
    expect(await callerFor(db(), newcomer).team.acceptInvite({ token })).toEqual({
      teamSlug: team.slug,
      teamName: "Accepting",
      outcome: "joined",
    });
    expect(await membershipsOf(team.id, newcomer.id)).toEqual([{ role: "member" }]);
  });

  it("give a facilitator membership only through a facilitator invite, and never demote", async () => {
    const { facilitator, team, token } = await teamWithInvite("Roles", "member");
    const caller = callerFor(db(), facilitator);
    const facilitatorToken = tokenOf(
      (await caller.team.createInvite({ teamId: team.id, teamRole: "facilitator" })).path,
    );
    const person = await createUser(db(), "facilitator");
    const as = callerFor(db(), person);
    expect((await as.team.acceptInvite({ token })).outcome).toBe("joined");
    expect(await membershipsOf(team.id, person.id)).toEqual([{ role: "member" }]);
    expect((await as.team.acceptInvite({ token: facilitatorToken })).outcome).toBe("promoted");
    expect(await membershipsOf(team.id, person.id)).toEqual([{ role: "facilitator" }]);
    expect((await as.team.acceptInvite({ token })).outcome).toBe("already-member");
    expect(await membershipsOf(team.id, person.id)).toEqual([{ role: "facilitator" }]);
  });

  it("accepted twice make one membership", async () => {
    const { team, token } = await teamWithInvite("Twice");
    const newcomer = await createUser(db(), "member");
    const caller = callerFor(db(), newcomer);
    expect((await caller.team.acceptInvite({ token })).outcome).toBe("joined");
    expect((await caller.team.acceptInvite({ token })).outcome).toBe("already-member");
    expect(await membershipsOf(team.id, newcomer.id)).toHaveLength(1);
  });

  it("accepted by one person several times at once make one membership", async () => {
    const { team, invite, token } = await teamWithInvite("Concurrent");
    const newcomer = await createUser(db(), "member");
    const caller = callerFor(db(), newcomer);
    const outcomes = await Promise.all(
      Array.from({ length: 6 }, () => caller.team.acceptInvite({ token })),
    );
    expect(outcomes.filter((result) => result.outcome === "joined")).toHaveLength(1);
    expect(await membershipsOf(team.id, newcomer.id)).toHaveLength(1);
    const [acceptances] = await db()
      .select({ n: count() })
      .from(inviteAcceptances)
      .where(eq(inviteAcceptances.inviteId, invite.id));
    expect(acceptances!.n).toBe(1);
  });

  it("serve many people until they expire, counting who accepted", async () => {
    const { facilitator, team, invite, token } = await teamWithInvite("Many");
    for (let i = 0; i < 3; i++) {
      await callerFor(db(), await createUser(db(), "member")).team.acceptInvite({ token });
    }
    const open = await callerFor(db(), facilitator).team.listInvites({ teamId: team.id });
    expect(open).toEqual([
      expect.objectContaining({
        id: invite.id,
        teamRole: "member",
        createdByName: "Many facilitator",
        acceptedCount: 3,
      }),
    ]);
    expect(await callerFor(db(), facilitator).team.members({ teamId: team.id })).toHaveLength(4);
  });

  it("stop working once expired", async () => {
    const { facilitator, team, invite, token } = await teamWithInvite("Expired");
    await db()
      .update(invites)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(invites.id, invite.id));
    expect(await callerFor(db(), null).team.inviteByToken({ token })).toMatchObject({
      state: "expired",
      teamName: "Expired",
    });
    const newcomer = await createUser(db(), "member");
    expect(await failure(callerFor(db(), newcomer).team.acceptInvite({ token }))).toEqual({
      code: "PRECONDITION_FAILED",
      message: "This invite link has expired. Ask the team's facilitator for a new one.",
    });
    expect(await membershipsOf(team.id, newcomer.id)).toEqual([]);
    expect(await callerFor(db(), facilitator).team.listInvites({ teamId: team.id })).toEqual([]);
  });

  it("stop working once revoked, and drop off the open invites", async () => {
    const { facilitator, team, invite, token } = await teamWithInvite("Revoked");
    const caller = callerFor(db(), facilitator);
    expect(await caller.team.revokeInvite({ teamId: team.id, inviteId: invite.id })).toEqual({
      id: invite.id,
    });
    // Revoking again is harmless.
    expect(await outcome(caller.team.revokeInvite({ teamId: team.id, inviteId: invite.id }))).toBe(
      "ok",
    );
    expect(await caller.team.listInvites({ teamId: team.id })).toEqual([]);
    expect(await callerFor(db(), null).team.inviteByToken({ token })).toMatchObject({
      state: "revoked",
    });
    const newcomer = await createUser(db(), "member");
    expect(await failure(callerFor(db(), newcomer).team.acceptInvite({ token }))).toEqual({
      code: "PRECONDITION_FAILED",
      message: "This invite link was withdrawn. Ask the team's facilitator for a new one.",
    });
    expect(await membershipsOf(team.id, newcomer.id)).toEqual([]);
  });

  it.each([
    ["an unknown token", "A".repeat(43)],
    ["a malformed token", "not a token"],
    ["an empty token", ""],
  ])("answer %s as unknown and let nobody in", async (_, token) => {
    expect(await callerFor(db(), null).team.inviteByToken({ token })).toEqual({
      state: "unknown",
    });
    const newcomer = await createUser(db(), "member");
    expect(await failure(callerFor(db(), newcomer).team.acceptInvite({ token }))).toEqual({
      code: "NOT_FOUND",
      message:
        "This invite link doesn't work. Check that you copied all of it, or ask for a new one.",
    });
  });

  it("refuse an over-long token as bad input", async () => {
    expect(
      await outcome(callerFor(db(), null).team.inviteByToken({ token: "x".repeat(201) })),
    ).toBe("BAD_REQUEST");
  });

  it("of another team can't be revoked through your own team", async () => {
    const mine = await teamWithInvite("Mine");
    const theirs = await teamWithInvite("Theirs");
    const call = callerFor(db(), mine.facilitator).team.revokeInvite({
      teamId: mine.team.id,
      inviteId: theirs.invite.id,
    });
    expect(await failure(call)).toMatchObject({ code: "NOT_FOUND" });
    expect(
      await callerFor(db(), theirs.facilitator).team.listInvites({ teamId: theirs.team.id }),
    ).toHaveLength(1);
  });

  it("are limited to 20 attempts per client in 10 minutes", async () => {
    const { token } = await teamWithInvite("Limited");
    const caller = callerFor(db(), await createUser(db(), "member"));
    for (let i = 0; i < 20; i++) await caller.team.acceptInvite({ token });
    const refused = await failure(caller.team.acceptInvite({ token }));
    expect(refused.code).toBe("TOO_MANY_REQUESTS");
    expect(refused.message).toMatch(
      /^Too many invite attempts from your network\. Wait 10 minutes/,
    );
  });
});

describe("signing up through an invite", () => {
  const person = { name: "Nia New", password: "a long enough password" };
  const email = () => `nia-${crypto.randomUUID()}@example.test`;

  it("creates a member account in the team from a member invite", async () => {
    const { team, token } = await teamWithInvite("Signup");
    const address = email();
    const result = await signUpWithInvite(db(), { ...person, email: address, token });
    expect(result).toMatchObject({ role: "member", teamSlug: team.slug, outcome: "joined" });
    const [account] = await db().select().from(users).where(eq(users.email, address));
    expect(account).toMatchObject({ name: "Nia New", role: "member" });
    expect(account!.passwordHash).toMatch(/^scrypt\$/);
    expect(await membershipsOf(team.id, account!.id)).toEqual([{ role: "member" }]);
  });

  it("creates a facilitator account from a facilitator invite", async () => {
    const { team, token } = await teamWithInvite("Signup facilitators", "facilitator");
    const result = await signUpWithInvite(db(), { ...person, email: email(), token });
    expect(result.role).toBe("facilitator");
    expect(await membershipsOf(team.id, result.userId)).toEqual([{ role: "facilitator" }]);
  });

  it("refuses a taken email and leaves everything as it was", async () => {
    const { team, token } = await teamWithInvite("Taken");
    const existing = await createUser(db(), "member");
    await expect(
      signUpWithInvite(db(), { ...person, email: existing.email, token }),
    ).rejects.toBeInstanceOf(EmailTakenError);
    expect(await membershipsOf(team.id, existing.id)).toEqual([]);
  });

  it("creates no account through an expired invite", async () => {
    const { invite, token } = await teamWithInvite("Late");
    await db()
      .update(invites)
      .set({ expiresAt: new Date(0) })
      .where(eq(invites.id, invite.id));
    const address = email();
    await expect(signUpWithInvite(db(), { ...person, email: address, token })).rejects.toEqual(
      new InviteUnusableError("expired"),
    );
    expect(await db().select().from(users).where(eq(users.email, address))).toEqual([]);
  });
});

describe("team procedures, for every kind of caller", () => {
  type Who =
    | "anonymous"
    | "memberOfOtherTeam"
    | "memberOfThisTeam"
    | "facilitatorOfOtherTeam"
    | "facilitatorOfThisTeam"
    | "admin";
  const procedures = [
    "list",
    "create",
    "bySlug",
    "members",
    "createInvite",
    "listInvites",
    "revokeInvite",
    "inviteByToken",
    "acceptInvite",
  ] as const;
  type Procedure = (typeof procedures)[number];
  type Outcome = "ok" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_FOUND";
  const ok = "ok";
  const anon = "UNAUTHORIZED";
  const deny = "FORBIDDEN";
  const none = "NOT_FOUND";

  // One row per caller, one column per procedure, in the order of `procedures`.
  // prettier-ignore
  const table: Record<Who, Outcome[]> = {
    //                       list  create bySlug members createInvite listInvites revokeInvite inviteByToken acceptInvite
    anonymous:              [anon, anon,  anon,  anon,   anon,        anon,       anon,        ok,           anon],
    memberOfOtherTeam:      [ok,   deny,  none,  none,   none,        none,       none,        ok,           ok  ],
    memberOfThisTeam:       [ok,   deny,  ok,    ok,     deny,        deny,       deny,        ok,           ok  ],
    facilitatorOfOtherTeam: [ok,   ok,    none,  none,   none,        none,       none,        ok,           ok  ],
    facilitatorOfThisTeam:  [ok,   ok,    ok,    ok,     ok,          ok,         ok,          ok,           ok  ],
    admin:                  [ok,   ok,    ok,    ok,     ok,          ok,         ok,          ok,           ok  ],
  };
  const expected = (who: Who) =>
    Object.fromEntries(procedures.map((procedure, i) => [procedure, table[who][i]])) as Record<
      Procedure,
      Outcome
    >;

  const callers = {} as Record<Who, CurrentUser | null>;
  let owner: CurrentUser;
  let thisTeam: { id: string; slug: string };
  let lobbyToken: string;

  beforeAll(async () => {
    owner = await createUser(db(), "facilitator", "owner");
    thisTeam = await createTeam(db(), { name: "This team", creatorId: owner.id });
    const otherTeam = await createTeam(db(), { name: "Other team", creatorId: owner.id });
    // Accepting must not change who is in "This team", so the accept column uses a third team.
    const lobby = await createTeam(db(), { name: "Lobby", creatorId: owner.id });
    lobbyToken = tokenOf(
      (
        await createInvite(db(), {
          teamId: lobby.id,
          createdById: owner.id,
          teamRole: "member",
          expiresInDays: 7,
        })
      ).path,
    );
    const member = async (role: "member" | "facilitator", teamId: string, teamRole: TeamRole) => {
      const user = await createUser(db(), role);
      await db().insert(teamMemberships).values({ teamId, userId: user.id, role: teamRole });
      return user;
    };
    callers.anonymous = null;
    callers.memberOfOtherTeam = await member("member", otherTeam.id, "member");
    callers.memberOfThisTeam = await member("member", thisTeam.id, "member");
    callers.facilitatorOfOtherTeam = await member("facilitator", otherTeam.id, "facilitator");
    callers.facilitatorOfThisTeam = await member("facilitator", thisTeam.id, "facilitator");
    callers.admin = await createUser(db(), "admin");
  });

  it.each(Object.keys(table) as Who[])("%s", async (who) => {
    const caller = callerFor(db(), callers[who]);
    // A fresh invite per caller, so that one caller's revoke can't change the next one's answer.
    const invite = await createInvite(db(), {
      teamId: thisTeam.id,
      createdById: owner.id,
      teamRole: "member",
      expiresInDays: 7,
    });
    const teamId = thisTeam.id;
    const actual: Record<Procedure, string> = {
      list: await outcome(caller.team.list()),
      create: await outcome(caller.team.create({ name: `Made by ${who}` })),
      bySlug: await outcome(caller.team.bySlug({ slug: thisTeam.slug })),
      members: await outcome(caller.team.members({ teamId })),
      createInvite: await outcome(caller.team.createInvite({ teamId })),
      listInvites: await outcome(caller.team.listInvites({ teamId })),
      revokeInvite: await outcome(caller.team.revokeInvite({ teamId, inviteId: invite.id })),
      inviteByToken: await outcome(caller.team.inviteByToken({ token: tokenOf(invite.path) })),
      acceptInvite: await outcome(caller.team.acceptInvite({ token: lobbyToken })),
    };
    expect(actual).toEqual(expected(who));
  });

  it("answer an unknown slug exactly like another team's slug", async () => {
    const caller = callerFor(db(), callers.memberOfOtherTeam);
    const unknown = await failure(caller.team.bySlug({ slug: "no-such-team" }));
    const foreign = await failure(caller.team.bySlug({ slug: thisTeam.slug }));
    expect(foreign).toEqual(unknown);
  });

  it("list a member's own teams only, and every team for an admin", async () => {
    const member = await createUser(db(), "member");
    await db().insert(teamMemberships).values({ teamId: thisTeam.id, userId: member.id });
    const mine = await callerFor(db(), member).team.list();
    expect(mine).toEqual([
      { id: thisTeam.id, slug: thisTeam.slug, name: "This team", role: "member", memberCount: 4 },
    ]);
    const all = await callerFor(db(), callers.admin).team.list();
    const [{ n }] = (await db().select({ n: count() }).from(teams)) as [{ n: number }];
    expect(all).toHaveLength(n);
    expect(all.find((team) => team.id === thisTeam.id)).toMatchObject({ role: null });
  });

  it("tell the page whether the caller may manage the team", async () => {
    const bySlug = (who: Who) => callerFor(db(), callers[who]).team.bySlug({ slug: thisTeam.slug });
    expect(await bySlug("memberOfThisTeam")).toMatchObject({
      membership: "member",
      canManage: false,
    });
    expect(await bySlug("facilitatorOfThisTeam")).toMatchObject({
      membership: "facilitator",
      canManage: true,
    });
    expect(await bySlug("admin")).toMatchObject({ membership: null, canManage: true });
  });
});

describe("team changes by an admin, in the audit log", () => {
  const teamAudit = (teamId: string) =>
    db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetType, "team"), eq(auditLog.targetId, teamId)))
      .orderBy(auditLog.createdAt);

  it("records creating a team, creating an invite and revoking it", async () => {
    const admin = await createUser(db(), "admin", "Auditing admin");
    const caller = callerFor(db(), admin).team;
    const team = await caller.create({ name: "Admin's team" });
    const invite = await caller.createInvite({ teamId: team.id, teamRole: "facilitator" });
    await caller.revokeInvite({ teamId: team.id, inviteId: invite.id });
    // Revoking again changes nothing, so it logs nothing.
    await caller.revokeInvite({ teamId: team.id, inviteId: invite.id });

    const rows = await teamAudit(team.id);
    expect(rows.map((row) => [row.action, row.actorId])).toEqual([
      ["team.create", admin.id],
      ["team.invite.create", admin.id],
      ["team.invite.revoke", admin.id],
    ]);
    expect(rows[0]?.details).toEqual({ team: "Admin's team", slug: team.slug });
    expect(rows[1]?.details).toEqual({
      team: "Admin's team",
      inviteId: invite.id,
      role: "facilitator",
      expiresAt: invite.expiresAt.toISOString(),
    });
    expect(rows[2]?.details).toEqual({ team: "Admin's team", inviteId: invite.id });
    expect(JSON.stringify(rows)).not.toContain(tokenOf(invite.path));
    const logged = await callerFor(db(), admin).adminAudit.list({ kind: "teams" });
    expect(logged.entries.map((entry) => entry.action)).toEqual(
      expect.arrayContaining(["team.create", "team.invite.create", "team.invite.revoke"]),
    );
  });

  it("records nothing for a facilitator's own team changes", async () => {
    const { facilitator, team, invite } = await teamWithInvite("Facilitated");
    await callerFor(db(), facilitator).team.revokeInvite({ teamId: team.id, inviteId: invite.id });
    expect(await teamAudit(team.id)).toEqual([]);
  });
});
