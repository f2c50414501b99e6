import { TRPCError } from "@trpc/server";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ZodError } from "zod";

import { auditLog, rateLimits, teamMemberships, users } from "~/db/schema";
import { checkPassword } from "~/server/accounts/sign-in";
import { loadActiveUser, type CurrentUser } from "~/server/auth/active-user";
import { hashPassword } from "~/server/auth/password";
import {
  acceptInvite,
  describeInvite,
  InviteUnusableError,
  signUpWithInvite,
} from "~/server/teams/invites";

import { callerFor, createUser } from "../helpers/callers";
import { createTestDatabase, type TestDatabase } from "../helpers/database";
import { createTeamWithSession } from "../helpers/fixtures";
import { outcome } from "../helpers/outcome";

let database: TestDatabase;
const db = () => database.db;
let admin: CurrentUser;
const password = "a long enough password";

beforeAll(async () => {
  database = await createTestDatabase();
  admin = await createUser(db(), "admin", "Ada");
});
afterAll(() => database.destroy());
beforeEach(async () => {
  await db().delete(rateLimits);
});

const asAdmin = () => callerFor(db(), admin).adminUsers;

/** The code and readable message of a refused call (input errors as "path: message"). */
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

async function auditOf(targetId: string) {
  return db()
    .select()
    .from(auditLog)
    .where(eq(auditLog.targetId, targetId))
    .orderBy(auditLog.createdAt);
}

/** An account that can sign in with `password`. */
async function personWithPassword(name: string, role: "admin" | "facilitator" | "member") {
  const user = await createUser(db(), role, name);
  await db()
    .update(users)
    .set({ passwordHash: await hashPassword(password) })
    .where(eq(users.id, user.id));
  return user;
}

const signIn = (email: string) => checkPassword(db(), { email, password, clientKey: "test" });

describe("listing accounts", () => {
  it("finds people by a part of their name or email, case-insensitively", async () => {
    const grace = await createUser(db(), "member", "Grace Hopper");
    const byName = await asAdmin().list({ search: "grace HOP" });
    expect(byName.users.map((user) => user.id)).toEqual([grace.id]);
    const byEmail = await asAdmin().list({ search: grace.email.slice(0, 20).toUpperCase() });
    expect(byEmail.users.map((user) => user.id)).toContain(grace.id);
  });

  it("takes % and _ in a search literally", async () => {
    await createUser(db(), "member", "Percent Person");
    expect((await asAdmin().list({ search: "%" })).users).toEqual([]);
    expect((await asAdmin().list({ search: "_" })).users).toEqual([]);
  });

  it("pages through the accounts 25 at a time", async () => {
    for (let i = 0; i < 26; i++)
      await createUser(db(), "member", `Paged ${String(i).padStart(2, "0")}`);
    const first = await asAdmin().list({ search: "Paged", page: 1 });
    const second = await asAdmin().list({ search: "Paged", page: 2 });
    expect(first).toMatchObject({ hasMore: true });
    expect(first.users).toHaveLength(25);
    expect(second).toMatchObject({ hasMore: false });
    expect(second.users.map((user) => user.name)).toEqual(["Paged 25"]);
  });

  it("refuses an overlong search with a readable message", async () => {
    expect(await failure(asAdmin().list({ search: "x".repeat(101) }))).toEqual({
      code: "BAD_REQUEST",
      message: "search: Keep the search under 100 characters.",
    });
  });
});

describe("changing a role", () => {
  it("takes effect at the person's next request, and is logged", async () => {
    const mia = await createUser(db(), "member", "Mia");
    expect(await outcome(callerFor(db(), mia).team.create({ name: "Too early" }))).toBe(
      "FORBIDDEN",
    );
    expect(await asAdmin().changeRole({ userId: mia.id, role: "facilitator" })).toMatchObject({
      role: "facilitator",
      changed: true,
    });
    const fresh = await loadActiveUser(db(), mia.id);
    expect(fresh?.role).toBe("facilitator");
    expect(await outcome(callerFor(db(), fresh).team.create({ name: "Mia's team" }))).toBe("ok");
    expect(await auditOf(mia.id)).toEqual([
      expect.objectContaining({
        actorId: admin.id,
        action: "user.role",
        targetType: "user",
        details: { name: "Mia", email: mia.email, from: "member", to: "facilitator" },
      }),
    ]);
  });

  it("changes nothing and logs nothing when the role is the same", async () => {
    const same = await createUser(db(), "member", "Same");
    expect(await asAdmin().changeRole({ userId: same.id, role: "member" })).toMatchObject({
      changed: false,
    });
    expect(await auditOf(same.id)).toEqual([]);
  });

  it("won't let an admin take away their own admin role", async () => {
    expect(await failure(asAdmin().changeRole({ userId: admin.id, role: "member" }))).toEqual({
      code: "CONFLICT",
      message: "You can't take away your own admin role. Ask another admin to do it.",
    });
    expect((await loadActiveUser(db(), admin.id))?.role).toBe("admin");
    expect(await auditOf(admin.id)).toEqual([]);
  });

  it("refuses an admin who was demoted meanwhile, and keeps the last active admin", async () => {
    // A separate install so that the admin count is exactly two.
    const other = await createTestDatabase();
    try {
      const ann = await createUser(other.db, "admin", "Ann");
      const bob = await createUser(other.db, "admin", "Bob");
      await callerFor(other.db, bob).adminUsers.changeRole({ userId: ann.id, role: "member" });
      // Ann's request was let in as an admin a moment before Bob demoted her.
      const stale = callerFor(other.db, ann).adminUsers;
      const calls = [
        () => stale.changeRole({ userId: bob.id, role: "facilitator" }),
        () => stale.deactivate({ userId: bob.id }),
        () => stale.reactivate({ userId: bob.id }),
        () => stale.create({ name: "Eve", email: "eve@example.test", role: "admin", password }),
        () => stale.createInvite({ role: "admin" }),
      ];
      for (const call of calls) {
        expect(await failure(call())).toEqual({
          code: "FORBIDDEN",
          message:
            "You are no longer an active admin, so this change was not made. Ask another admin if you need it.",
        });
      }
      expect((await loadActiveUser(other.db, bob.id))?.role).toBe("admin");
      expect(await other.db.select().from(users).where(eq(users.name, "Eve"))).toEqual([]);
      // Only Bob's demotion of Ann is in the log: nothing of Ann's stale calls committed.
      expect(
        (await other.db.select({ action: auditLog.action }).from(auditLog)).map((r) => r.action),
      ).toEqual(["user.role"]);
    } finally {
      await other.destroy();
    }
  });

  it("lets only one of two admins demoting each other at once go through", async () => {
    const other = await createTestDatabase();
    try {
      const ann = await createUser(other.db, "admin", "Ann");
      const bob = await createUser(other.db, "admin", "Bob");
      // Both ask at once: one demotion goes through; the other waits for it on the admin rows,
      // then finds its actor demoted and is refused.
      const results = await Promise.all([
        outcome(callerFor(other.db, ann).adminUsers.changeRole({ userId: bob.id, role: "member" })),
        outcome(callerFor(other.db, bob).adminUsers.changeRole({ userId: ann.id, role: "member" })),
      ]);
      expect([...results].sort()).toEqual(["FORBIDDEN", "ok"]);
      const admins = await other.db.select().from(users).where(eq(users.role, "admin"));
      expect(admins).toHaveLength(1);
    } finally {
      await other.destroy();
    }
  });

  it("refuses an unknown role and an unknown account clearly", async () => {
    const someone = await createUser(db(), "member");
    expect(
      await failure(asAdmin().changeRole({ userId: someone.id, role: "owner" as "admin" })),
    ).toEqual({ code: "BAD_REQUEST", message: "role: Choose admin, facilitator or member." });
    expect(
      await failure(
        asAdmin().changeRole({ userId: "00000000-0000-4000-8000-000000000000", role: "member" }),
      ),
    ).toEqual({ code: "NOT_FOUND", message: "There is no such account any more." });
  });
});

describe("deactivating an account", () => {
  it("refuses the person's next request and their sign-in, and keeps their history", async () => {
    const { team, member } = await createTeamWithSession(db(), "deactivation");
    await db()
      .update(users)
      .set({ passwordHash: await hashPassword(password) })
      .where(eq(users.id, member.id));
    expect(await signIn(member.email)).toMatchObject({ ok: true });

    await asAdmin().deactivate({ userId: member.id });

    expect(await loadActiveUser(db(), member.id)).toBeNull();
    // The request context carries what loadActiveUser found: nobody.
    expect(await outcome(callerFor(db(), null).account.me())).toBe("UNAUTHORIZED");
    expect(await signIn(member.email)).toEqual({ ok: false, reason: "invalid" });
    const memberships = await db()
      .select()
      .from(teamMemberships)
      .where(and(eq(teamMemberships.teamId, team.id), eq(teamMemberships.userId, member.id)));
    expect(memberships).toHaveLength(1);
    expect((await auditOf(member.id)).map((row) => row.action)).toEqual(["user.deactivate"]);

    await asAdmin().reactivate({ userId: member.id });
    expect(await loadActiveUser(db(), member.id)).not.toBeNull();
    expect(await signIn(member.email)).toMatchObject({ ok: true });
    expect((await auditOf(member.id)).map((row) => row.action)).toEqual([
      "user.deactivate",
      "user.reactivate",
    ]);
  });

  it("won't let an admin deactivate themselves", async () => {
    expect(await failure(asAdmin().deactivate({ userId: admin.id }))).toEqual({
      code: "CONFLICT",
      message: "You can't deactivate your own account. Ask another admin to do it.",
    });
    expect(await loadActiveUser(db(), admin.id)).not.toBeNull();
  });

  it("lets one admin deactivate another while a third stays active", async () => {
    const second = await personWithPassword("Second admin", "admin");
    await asAdmin().deactivate({ userId: second.id });
    expect(await signIn(second.email)).toEqual({ ok: false, reason: "invalid" });
  });
});

describe("creating an account", () => {
  it("makes an account that signs in with the initial password and has the role", async () => {
    const created = await asAdmin().create({
      name: "  Nia  ",
      email: "  Nia@Example.TEST ",
      role: "facilitator",
      password,
    });
    expect(created).toMatchObject({ name: "Nia", email: "nia@example.test", role: "facilitator" });
    expect(await signIn("nia@example.test")).toMatchObject({ ok: true });
    const [row] = await auditOf(created.id);
    expect(row).toMatchObject({
      action: "user.create",
      actorId: admin.id,
      details: { name: "Nia", email: "nia@example.test", role: "facilitator" },
    });
    expect(JSON.stringify(row)).not.toContain(password);
  });

  it("refuses a taken email and leaves no trace", async () => {
    expect(
      await failure(
        asAdmin().create({ name: "Twin", email: "NIA@example.test", role: "member", password }),
      ),
    ).toEqual({ code: "CONFLICT", message: "An account with nia@example.test already exists." });
    expect(await db().select().from(users).where(eq(users.name, "Twin"))).toEqual([]);
  });

  it("refuses bad fields with readable messages", async () => {
    expect(
      await failure(
        asAdmin().create({ name: "", email: "nope", role: "member", password: "short" }),
      ),
    ).toEqual({
      code: "BAD_REQUEST",
      message:
        "name: Enter your name.; email: Enter a valid email address.; password: Use at least 10 characters for the password.",
    });
  });
});

describe("sign-up links for one account", () => {
  it("create one account with the chosen role and no team, then stop working", async () => {
    const invite = await asAdmin().createInvite({ role: "facilitator", expiresInDays: 3 });
    const token = invite.path.replace(/^\/invite\//, "");
    expect(await describeInvite(db(), token)).toMatchObject({
      state: "open",
      teamName: null,
      userRole: "facilitator",
      inviterName: "Ada",
    });
    const signedUp = await signUpWithInvite(db(), {
      token,
      email: "lin@example.test",
      name: "Lin",
      password,
    });
    expect(signedUp).toMatchObject({ role: "facilitator", teamSlug: null });
    expect(await describeInvite(db(), token)).toMatchObject({ state: "used" });
    await expect(
      signUpWithInvite(db(), { token, email: "lou@example.test", name: "Lou", password }),
    ).rejects.toEqual(new InviteUnusableError("used"));
    expect(await auditOf(invite.id)).toEqual([
      expect.objectContaining({ action: "user.invite", targetType: "invite", actorId: admin.id }),
      expect.objectContaining({
        action: "user.invite.accept",
        targetType: "invite",
        actorId: signedUp.userId,
        details: {
          inviteId: invite.id,
          userId: signedUp.userId,
          name: "Lin",
          email: "lin@example.test",
          role: "facilitator",
        },
      }),
    ]);
  });

  it("can't be accepted by someone who already has an account", async () => {
    const invite = await asAdmin().createInvite({ role: "admin" });
    const member = await createUser(db(), "member");
    await expect(
      acceptInvite(db(), { token: invite.path.replace(/^\/invite\//, ""), userId: member.id }),
    ).rejects.toEqual(new InviteUnusableError("account-only"));
    expect((await loadActiveUser(db(), member.id))?.role).toBe("member");
  });

  it("refuses a lifetime over 30 days", async () => {
    expect(await failure(asAdmin().createInvite({ role: "member", expiresInDays: 31 }))).toEqual({
      code: "BAD_REQUEST",
      message: "expiresInDays: A sign-up link can work for at most 30 days.",
    });
  });
});
