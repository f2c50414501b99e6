import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { auditLog, invites, rateLimits, users } from "~/db/schema";
import type { CurrentUser } from "~/server/auth/current-user";
import { createInvite, describeInvite, signUpWithInvite } from "~/server/teams/invites";
import { createTeam } from "~/server/teams/create";

import { callerFor, createUser } from "../helpers/callers";
import { createTestDatabase, type TestDatabase } from "../helpers/database";

/** Admin sign-up links (invites without a team): listing, revoking, and who still vouches. */
let database: TestDatabase;
const db = () => database.db;
let admin: CurrentUser;
const password = "a long enough password";
const noLongerValid = "This link is no longer valid. Ask an admin for a new one.";

beforeAll(async () => {
  database = await createTestDatabase();
  admin = await createUser(db(), "admin", "Ada");
});
afterAll(() => database.destroy());
beforeEach(async () => {
  await db().delete(rateLimits);
});

const adminUsers = (user: CurrentUser = admin) => callerFor(db(), user).adminUsers;
const tokenOf = (path: string) => path.replace(/^\/invite\//, "");
let signUps = 0;
const signUp = (token: string) => {
  signUps += 1;
  return signUpWithInvite(db(), {
    token,
    email: `new-${signUps}@example.test`,
    name: `Newcomer ${signUps}`,
    password,
  });
};

async function failure(call: Promise<unknown>) {
  try {
    await call;
  } catch (error) {
    if (error instanceof TRPCError) return { code: error.code, message: error.message };
    if (error instanceof Error) return { message: error.message };
    throw error;
  }
  throw new Error("expected the call to fail");
}

async function auditOf(targetId: string) {
  return db()
    .select()
    .from(auditLog)
    .where(eq(auditLog.targetId, targetId))
    .orderBy(auditLog.createdAt);
}

const listedIds = async () => (await adminUsers().listInvites()).invites.map((i) => i.id);

describe("listing sign-up links", () => {
  it("shows open, unused, unexpired links with role, maker and expiry, never the token", async () => {
    const open = await adminUsers().createInvite({ role: "facilitator", expiresInDays: 3 });
    const used = await adminUsers().createInvite({ role: "member" });
    await signUp(tokenOf(used.path));
    const expired = await adminUsers().createInvite({ role: "member" });
    await db()
      .update(invites)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(invites.id, expired.id));
    const revoked = await adminUsers().createInvite({ role: "member" });
    await adminUsers().revokeInvite({ inviteId: revoked.id });
    // A team's invite is the team's business, not a sign-up link.
    const team = await createTeam(db(), { name: "Listed", creatorId: admin.id });
    const teamInvite = await createInvite(db(), {
      teamId: team.id,
      createdById: admin.id,
      teamRole: "member",
      expiresInDays: 7,
    });

    const { invites: listed, hasMore } = await adminUsers().listInvites();
    expect(hasMore).toBe(false);
    const ids = listed.map((invite) => invite.id);
    expect(ids).toContain(open.id);
    for (const gone of [used.id, expired.id, revoked.id, teamInvite.id]) {
      expect(ids).not.toContain(gone);
    }
    const row = listed.find((invite) => invite.id === open.id);
    expect(row?.createdAt).toBeInstanceOf(Date);
    expect({ ...row, createdAt: undefined }).toEqual({
      id: open.id,
      userRole: "facilitator",
      createdAt: undefined,
      expiresAt: open.expiresAt,
      createdById: admin.id,
      createdByName: "Ada",
      createdByEmail: admin.email,
    });
    const serialized = JSON.stringify(listed);
    expect(serialized).not.toContain(tokenOf(open.path));
    expect(serialized).not.toMatch(/token/i);
  });
});

describe("revoking a sign-up link", () => {
  it("stops the link, drops it from the list and is audited once", async () => {
    const invite = await adminUsers().createInvite({ role: "admin" });
    const token = tokenOf(invite.path);
    expect(await adminUsers().revokeInvite({ inviteId: invite.id })).toEqual({
      id: invite.id,
      changed: true,
    });
    expect(await listedIds()).not.toContain(invite.id);
    expect(await describeInvite(db(), token)).toMatchObject({ state: "revoked" });
    expect(await failure(signUp(token))).toEqual({ message: noLongerValid });
    expect(
      await db()
        .select()
        .from(users)
        .where(eq(users.name, `Newcomer ${signUps}`)),
    ).toEqual([]);

    // Revoking again is harmless, and logs nothing more.
    expect(await adminUsers().revokeInvite({ inviteId: invite.id })).toEqual({
      id: invite.id,
      changed: false,
    });
    expect((await auditOf(invite.id)).map((row) => [row.action, row.actorId])).toEqual([
      ["user.invite", admin.id],
      ["user.invite.revoke", admin.id],
    ]);
    const [revokeRow] = (await auditOf(invite.id)).slice(1);
    expect(revokeRow).toMatchObject({
      targetType: "invite",
      details: { role: "admin", createdById: admin.id },
    });
  });

  it("refuses a team's invite and an unknown id, and changes nothing", async () => {
    const team = await createTeam(db(), { name: "Not a sign-up link", creatorId: admin.id });
    const teamInvite = await createInvite(db(), {
      teamId: team.id,
      createdById: admin.id,
      teamRole: "member",
      expiresInDays: 7,
    });
    const refusal = {
      code: "NOT_FOUND",
      message: "There is no such sign-up link. Reload the page to see the open ones.",
    };
    expect(await failure(adminUsers().revokeInvite({ inviteId: teamInvite.id }))).toEqual(refusal);
    expect(
      await failure(
        adminUsers().revokeInvite({ inviteId: "00000000-0000-4000-8000-000000000000" }),
      ),
    ).toEqual(refusal);
    const [row] = await db().select().from(invites).where(eq(invites.id, teamInvite.id));
    expect(row?.revokedAt).toBeNull();
    expect(await auditOf(teamInvite.id)).toEqual([]);
  });
});

describe("a sign-up link whose maker is no longer an active admin", () => {
  it("is revoked when its maker is demoted, and refused", async () => {
    const maker = await createUser(db(), "admin", "Demoted maker");
    const invite = await adminUsers(maker).createInvite({ role: "admin" });
    const teamLink = await createTeam(db(), { name: "Demoted's team", creatorId: maker.id });
    const teamInvite = await createInvite(db(), {
      teamId: teamLink.id,
      createdById: maker.id,
      teamRole: "member",
      expiresInDays: 7,
    });
    expect(await listedIds()).toContain(invite.id);

    await adminUsers().changeRole({ userId: maker.id, role: "facilitator" });

    const [row] = await db().select().from(invites).where(eq(invites.id, invite.id));
    expect(row?.revokedAt).not.toBeNull();
    // Team invites stay: a facilitator may still invite people to their team.
    const [teamRow] = await db().select().from(invites).where(eq(invites.id, teamInvite.id));
    expect(teamRow?.revokedAt).toBeNull();
    expect(await listedIds()).not.toContain(invite.id);
    expect(await failure(signUp(tokenOf(invite.path)))).toEqual({ message: noLongerValid });
    const [roleAudit] = await auditOf(maker.id);
    expect(roleAudit).toMatchObject({ action: "user.role", details: { revokedSignUpLinks: 1 } });
  });

  it("is revoked when its maker is deactivated, and stays refused after reactivation", async () => {
    const maker = await createUser(db(), "admin", "Deactivated maker");
    const invite = await adminUsers(maker).createInvite({ role: "member" });
    await adminUsers().deactivate({ userId: maker.id });
    expect(await listedIds()).not.toContain(invite.id);
    expect(await failure(signUp(tokenOf(invite.path)))).toEqual({ message: noLongerValid });
    await adminUsers().reactivate({ userId: maker.id });
    expect(await failure(signUp(tokenOf(invite.path)))).toEqual({ message: noLongerValid });
  });

  it("is refused even if its maker lost the role some other way", async () => {
    // E.g. a link made by a request that got in just before the demotion, or a role changed in
    // the database directly: the link is not revoked, but its maker no longer vouches for it.
    const demoted = await createUser(db(), "admin", "Quietly demoted");
    const deactivated = await createUser(db(), "admin", "Quietly deactivated");
    const deleted = await createUser(db(), "admin", "Deleted");
    const links = await Promise.all(
      [demoted, deactivated, deleted].map((maker) =>
        adminUsers(maker).createInvite({ role: "admin" }),
      ),
    );
    await db().update(users).set({ role: "member" }).where(eq(users.id, demoted.id));
    await db().update(users).set({ deactivatedAt: new Date() }).where(eq(users.id, deactivated.id));
    await db().delete(users).where(eq(users.id, deleted.id));

    const listed = await listedIds();
    for (const link of links) {
      expect(listed).not.toContain(link.id);
      expect(await describeInvite(db(), tokenOf(link.path))).toMatchObject({ state: "revoked" });
      expect(await failure(signUp(tokenOf(link.path)))).toEqual({ message: noLongerValid });
    }
  });

  it("still works while its maker is an active admin, and the sign-up is audited", async () => {
    const invite = await adminUsers().createInvite({ role: "member" });
    const signedUp = await signUp(tokenOf(invite.path));
    const [accept] = (await auditOf(invite.id)).filter(
      (row) => row.action === "user.invite.accept",
    );
    expect(accept).toMatchObject({
      actorId: signedUp.userId,
      targetType: "invite",
      details: {
        inviteId: invite.id,
        userId: signedUp.userId,
        email: `new-${signUps}@example.test`,
        role: "member",
      },
    });
  });
});
