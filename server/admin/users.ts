import "server-only";

import { and, asc, count, eq, ilike, isNull, or, sql } from "drizzle-orm";

import type { Database } from "~/db";
import { invites, teamMemberships, users, type UserRole } from "~/db/schema";

import { endAccountSessionsOf } from "../auth/account-sessions";
import { hashPassword } from "../auth/password";
import type { ServerText } from "../i18n/server-text";
import { createAccountInvite, openAccountInvites, revokeAccountInvitesOf } from "../teams/invites";
import { accountChangeRefusalText, type AccountChange } from "./account-rules";
import { recordAudit } from "./audit";
import { AdminRuleError } from "./errors";
import { likePattern, pageWindow } from "./paging";

export const usersPageSize = 25;

/** People matching a search on name or email, by name, one page at a time. */
export async function listUsers(db: Database, input: { search: string; page: number }) {
  const pattern = likePattern(input.search);
  const teamCounts = db
    .select({ userId: teamMemberships.userId, teams: count().as("teams") })
    .from(teamMemberships)
    .groupBy(teamMemberships.userId)
    .as("team_counts");
  const { limit, offset } = pageWindow(input.page, usersPageSize);
  const rows = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      deactivatedAt: users.deactivatedAt,
      createdAt: users.createdAt,
      teamCount: sql<number>`coalesce(${teamCounts.teams}, 0)`.mapWith(Number),
    })
    .from(users)
    .leftJoin(teamCounts, eq(teamCounts.userId, users.id))
    .where(pattern ? or(ilike(users.name, pattern), ilike(users.email, pattern)) : undefined)
    .orderBy(asc(users.name), asc(users.email))
    .limit(limit)
    .offset(offset);
  return { users: rows.slice(0, usersPageSize), hasMore: rows.length > usersPageSize };
}

type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];

/** Said to an admin whose request got in just before another admin demoted or deactivated them. */
const noLongerAdmin: ServerText = { key: "admin.noLongerAdmin" };

/**
 * The acting admin's own account, locked against a concurrent demotion or deactivation until the
 * transaction ends. The request was let in as an admin, but another admin may have demoted this
 * one since: then the change must not commit. A demotion that started first is waited for, and
 * its outcome is what this sees.
 */
async function lockActingAdmin(tx: Transaction, actorId: string) {
  const [actor] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, actorId), eq(users.role, "admin"), isNull(users.deactivatedAt)))
    .for("share");
  if (!actor) throw new AdminRuleError("forbidden", noLongerAdmin);
}

/**
 * The target account and the number of active admins, both locked until the transaction ends:
 * two admins demoting each other at the same moment queue up here, and the second one sees the
 * first one's change before the last-admin rule is checked. The acting admin must still be one
 * of those active admins: one demoted a moment ago can't finish a change they started before.
 */
async function lockForChange(tx: Transaction, actorId: string, userId: string) {
  const admins = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, "admin"), isNull(users.deactivatedAt)))
    .orderBy(asc(users.id))
    .for("update");
  if (!admins.some((admin) => admin.id === actorId)) {
    throw new AdminRuleError("forbidden", noLongerAdmin);
  }
  const [target] = await tx
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      deactivatedAt: users.deactivatedAt,
    })
    .from(users)
    .where(eq(users.id, userId))
    .for("update");
  if (!target) throw new AdminRuleError("not-found", { key: "admin.noSuchAccount" });
  return { target, activeAdmins: admins.length };
}

function refuseIfNotAllowed(
  actorId: string,
  locked: Awaited<ReturnType<typeof lockForChange>>,
  change: AccountChange,
) {
  const refusal = accountChangeRefusalText({ actorId, ...locked, change });
  if (refusal) throw new AdminRuleError("conflict", refusal);
}

/** Gives an account another global role; takes effect at its next request (roles are read fresh). */
export async function changeUserRole(
  db: Database,
  actorId: string,
  input: { userId: string; role: UserRole },
) {
  return db.transaction(async (tx) => {
    const locked = await lockForChange(tx, actorId, input.userId);
    const { target } = locked;
    if (target.role === input.role) return { id: target.id, role: target.role, changed: false };
    refuseIfNotAllowed(actorId, locked, { kind: "role", to: input.role });
    await tx
      .update(users)
      .set({ role: input.role, updatedAt: new Date() })
      .where(eq(users.id, target.id));
    // A sign-up link can make an admin, so only an admin's links stay good.
    const revokedLinks = target.role === "admin" ? await revokeAccountInvitesOf(tx, target.id) : 0;
    await recordAudit(tx, {
      actorId,
      action: "user.role",
      targetType: "user",
      targetId: target.id,
      details: {
        name: target.name,
        email: target.email,
        from: target.role,
        to: input.role,
        ...(revokedLinks > 0 ? { revokedSignUpLinks: revokedLinks } : {}),
      },
    });
    return { id: target.id, role: input.role, changed: true };
  });
}

/**
 * Deactivates or reactivates an account. A deactivated account can't sign in and is refused at
 * its next request (its sign-ins are ended too); its memberships, notes and actions stay as
 * they were.
 */
export async function setUserActive(
  db: Database,
  actorId: string,
  input: { userId: string; active: boolean },
) {
  return db.transaction(async (tx) => {
    const locked = await lockForChange(tx, actorId, input.userId);
    const { target } = locked;
    if ((target.deactivatedAt === null) === input.active) {
      return { id: target.id, active: input.active, changed: false };
    }
    if (!input.active) refuseIfNotAllowed(actorId, locked, { kind: "deactivate" });
    await tx
      .update(users)
      .set({ deactivatedAt: input.active ? null : new Date(), updatedAt: new Date() })
      .where(eq(users.id, target.id));
    // Reactivating brings no links back: they were revoked, and an admin can make new ones.
    const revokedLinks = input.active ? 0 : await revokeAccountInvitesOf(tx, target.id);
    // Nor any sign-in: a reactivated person signs in again rather than reusing an old cookie.
    if (!input.active) await endAccountSessionsOf(tx, target.id);
    await recordAudit(tx, {
      actorId,
      action: input.active ? "user.reactivate" : "user.deactivate",
      targetType: "user",
      targetId: target.id,
      details: {
        name: target.name,
        email: target.email,
        ...(revokedLinks > 0 ? { revokedSignUpLinks: revokedLinks } : {}),
      },
    });
    return { id: target.id, active: input.active, changed: true };
  });
}

/** Creates an account with an initial password that the admin hands over. */
export async function createAccount(
  db: Database,
  actorId: string,
  input: { name: string; email: string; role: UserRole; password: string },
) {
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    await lockActingAdmin(tx, actorId);
    const [user] = await tx
      .insert(users)
      .values({ name: input.name, email: input.email, role: input.role, passwordHash })
      .onConflictDoNothing({ target: users.email })
      .returning({ id: users.id, name: users.name, email: users.email, role: users.role });
    if (!user) {
      throw new AdminRuleError("conflict", {
        key: "admin.accountExists",
        values: { email: input.email },
      });
    }
    await recordAudit(tx, {
      actorId,
      action: "user.create",
      targetType: "user",
      targetId: user.id,
      details: { name: user.name, email: user.email, role: user.role },
    });
    return user;
  });
}

/** A sign-up link that creates one account with the given role, and no team. */
export async function inviteAccount(
  db: Database,
  actorId: string,
  input: { role: UserRole; expiresInDays: number },
) {
  return db.transaction(async (tx) => {
    // Also for member links: a link from a demoted admin would be refused at sign-up anyway.
    await lockActingAdmin(tx, actorId);
    const invite = await createAccountInvite(tx, {
      createdById: actorId,
      userRole: input.role,
      expiresInDays: input.expiresInDays,
    });
    await recordAudit(tx, {
      actorId,
      action: "user.invite",
      targetType: "invite",
      targetId: invite.id,
      details: { role: input.role, expiresAt: invite.expiresAt.toISOString() },
    });
    return invite;
  });
}

/** The open sign-up links (see openAccountInvites); never their tokens. */
export function listAccountInvites(db: Database) {
  return openAccountInvites(db);
}

/**
 * Withdraws a sign-up link (one without a team; team invites belong to their team's page).
 * Revoking one that is already revoked changes nothing and logs nothing.
 */
export async function revokeAccountInvite(
  db: Database,
  actorId: string,
  input: { inviteId: string },
) {
  return db.transaction(async (tx) => {
    await lockActingAdmin(tx, actorId);
    const [invite] = await tx
      .select({
        id: invites.id,
        userRole: invites.userRole,
        expiresAt: invites.expiresAt,
        revokedAt: invites.revokedAt,
        createdById: invites.createdById,
      })
      .from(invites)
      .where(and(eq(invites.id, input.inviteId), isNull(invites.teamId)))
      .for("update");
    if (!invite) {
      throw new AdminRuleError("not-found", { key: "admin.noSuchSignUpLink" });
    }
    if (invite.revokedAt !== null) return { id: invite.id, changed: false };
    await tx.update(invites).set({ revokedAt: new Date() }).where(eq(invites.id, invite.id));
    await recordAudit(tx, {
      actorId,
      action: "user.invite.revoke",
      targetType: "invite",
      targetId: invite.id,
      details: {
        role: invite.userRole,
        expiresAt: invite.expiresAt.toISOString(),
        createdById: invite.createdById,
      },
    });
    return { id: invite.id, changed: true };
  });
}
