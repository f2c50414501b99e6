import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { auditLog, teamMemberships, teams, users } from "~/db/schema";
import type { CurrentUser } from "~/server/auth/active-user";

import { callerFor, createUser } from "../helpers/callers";
import { createTestDatabase, type TestDatabase } from "../helpers/database";

let database: TestDatabase;
const db = () => database.db;
let admin: CurrentUser;

beforeAll(async () => {
  database = await createTestDatabase();
  admin = await createUser(db(), "admin", "Ada");
});
afterAll(() => database.destroy());

const asAdmin = () => callerFor(db(), admin).adminTeams;

/** An account whose email is stored the way the app stores emails: lower-cased, no spaces. */
async function person(role: "admin" | "facilitator" | "member", name: string) {
  const user = await createUser(db(), role, name);
  const email = `${name.toLowerCase().replace(/\W+/g, "-")}-${user.id}@example.test`;
  await db().update(users).set({ email }).where(eq(users.id, user.id));
  return { ...user, email };
}

async function failure(call: Promise<unknown>) {
  try {
    await call;
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    return { code: error.code, message: error.message };
  }
  throw new Error("expected the call to fail");
}

/** A team with a facilitator and a member, made directly in the database. */
async function teamWithPeople(name: string) {
  const [team] = await db()
    .insert(teams)
    .values({ slug: name.toLowerCase().replace(/\W+/g, "-"), name })
    .returning();
  const facilitator = await person("facilitator", `${name} Facilitator`);
  const member = await person("member", `${name} Member`);
  await db()
    .insert(teamMemberships)
    .values([
      { teamId: team!.id, userId: facilitator.id, role: "facilitator" },
      { teamId: team!.id, userId: member.id, role: "member" },
    ]);
  return { team: team!, facilitator, member };
}

async function rolesIn(teamId: string) {
  const rows = await db()
    .select({ userId: teamMemberships.userId, role: teamMemberships.role })
    .from(teamMemberships)
    .where(eq(teamMemberships.teamId, teamId));
  return Object.fromEntries(rows.map((row) => [row.userId, row.role]));
}

const auditOf = (targetId: string) =>
  db().select().from(auditLog).where(eq(auditLog.targetId, targetId));

describe("the list of teams", () => {
  it("shows every team with its facilitators first, then members", async () => {
    const { team, facilitator, member } = await teamWithPeople("Listed");
    const { teams: found } = await asAdmin().list({ search: "listed" });
    expect(found).toEqual([
      expect.objectContaining({
        id: team.id,
        name: "Listed",
        members: [
          expect.objectContaining({ userId: facilitator.id, role: "facilitator" }),
          expect.objectContaining({ userId: member.id, role: "member", userRole: "member" }),
        ],
      }),
    ]);
    expect(await asAdmin().choices()).toContainEqual({ id: team.id, name: "Listed" });
  });
});

describe("moving a person between teams", () => {
  it("takes them out of one team and into the other with their team role, and logs it", async () => {
    const from = await teamWithPeople("Source");
    const to = await teamWithPeople("Target");
    const moved = await asAdmin().moveMember({
      userId: from.facilitator.id,
      fromTeamId: from.team.id,
      toTeamId: to.team.id,
    });
    expect(moved).toEqual({ userId: from.facilitator.id, teamId: to.team.id, role: "facilitator" });
    expect(await rolesIn(from.team.id)).toEqual({ [from.member.id]: "member" });
    expect(await rolesIn(to.team.id)).toMatchObject({ [from.facilitator.id]: "facilitator" });
    const logged = await auditOf(from.facilitator.id);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({
      actorId: admin.id,
      action: "team.member.move",
      targetType: "membership",
      details: {
        fromTeam: "Source",
        toTeam: "Target",
        role: "facilitator",
        name: "Source Facilitator",
      },
    });
  });

  it("refuses a move into a team they are already in, and changes nothing", async () => {
    const a = await teamWithPeople("Alpha");
    const b = await teamWithPeople("Beta");
    await db().insert(teamMemberships).values({ teamId: b.team.id, userId: a.member.id });
    expect(
      await failure(
        asAdmin().moveMember({ userId: a.member.id, fromTeamId: a.team.id, toTeamId: b.team.id }),
      ),
    ).toEqual({
      code: "CONFLICT",
      message: "Alpha Member is already in Beta. Remove them from Alpha instead.",
    });
    expect(await rolesIn(a.team.id)).toHaveProperty(a.member.id, "member");
    expect(await auditOf(a.member.id)).toEqual([]);
  });

  it("refuses to move someone who isn't in the team, or into the same team", async () => {
    const a = await teamWithPeople("Gamma");
    const b = await teamWithPeople("Delta");
    expect(
      await failure(
        asAdmin().moveMember({ userId: b.member.id, fromTeamId: a.team.id, toTeamId: b.team.id }),
      ),
    ).toEqual({
      code: "NOT_FOUND",
      message: "That person is not in Gamma any more. Reload to see who is.",
    });
    expect(
      await failure(
        asAdmin().moveMember({ userId: a.member.id, fromTeamId: a.team.id, toTeamId: a.team.id }),
      ),
    ).toEqual({ code: "CONFLICT", message: "Choose a different team to move them to." });
  });

  it("lets the moved person see the new team and not the old one at once", async () => {
    const a = await teamWithPeople("Old home");
    const b = await teamWithPeople("New home");
    await asAdmin().moveMember({ userId: a.member.id, fromTeamId: a.team.id, toTeamId: b.team.id });
    const seen = await callerFor(db(), a.member).team.list();
    expect(seen.map((team) => team.name)).toEqual(["New home"]);
  });
});

describe("membership changes", () => {
  it("adds an account by email, changes its team role, removes it, logging each", async () => {
    const { team } = await teamWithPeople("Changes");
    const newcomer = await person("facilitator", "Newcomer");
    await asAdmin().addMember({ teamId: team.id, email: newcomer.email.toUpperCase() });
    expect(await rolesIn(team.id)).toHaveProperty(newcomer.id, "member");
    await asAdmin().changeMemberRole({ teamId: team.id, userId: newcomer.id, role: "facilitator" });
    expect(await rolesIn(team.id)).toHaveProperty(newcomer.id, "facilitator");
    // As the team's facilitator now, the newcomer may invite people to it.
    const invite = callerFor(db(), newcomer).team.createInvite({ teamId: team.id });
    await expect(invite).resolves.toMatchObject({ teamRole: "member" });
    await asAdmin().removeMember({ teamId: team.id, userId: newcomer.id });
    expect(await rolesIn(team.id)).not.toHaveProperty(newcomer.id);
    const actions = (await auditOf(newcomer.id)).map((row) => row.action).sort();
    expect(actions).toEqual(["team.member.add", "team.member.remove", "team.member.role"]);
  });

  it("refuses an unknown email and a second membership clearly", async () => {
    const { team, member } = await teamWithPeople("Strict");
    expect(
      await failure(asAdmin().addMember({ teamId: team.id, email: "ghost@example.test" })),
    ).toEqual({
      code: "NOT_FOUND",
      message: "There is no account with ghost@example.test. Create it on the Users page first.",
    });
    expect(await failure(asAdmin().addMember({ teamId: team.id, email: member.email }))).toEqual({
      code: "CONFLICT",
      message: "Strict Member is already in Strict.",
    });
  });
});
