import "server-only";

import { and, asc, count, eq, ilike, isNull, or, sql } from "drizzle-orm";

import type { Database } from "~/db";
import { teamMemberships, users, type UserRole } from "~/db/schema";

import { hashPassword } from "../auth/password";
import { createAccountInvite } from "../teams/invites";
import { accountChangeRefusal, type AccountChange } from "./account-rules";
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

/**
 * The target account and the number of active admins, both locked until the transaction ends:
 * two admins demoting each other at the same moment queue up here, and the second one sees the
 * first one's change before the last-admin rule is checked.
 */
async function lockForChange(tx: Transaction, userId: string) {
  const admins = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, "admin"), isNull(users.deactivatedAt)))
    .orderBy(asc(users.id))
    .for("update");
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
  if (!target) throw new AdminRuleError("not-found", "There is no such account any more.");
  return { target, activeAdmins: admins.length };
}

function refuseIfNotAllowed(
  actorId: string,
  locked: Awaited<ReturnType<typeof lockForChange>>,
  change: AccountChange,
) {
  const refusal = accountChangeRefusal({ actorId, ...locked, change });
  if (refusal) throw new AdminRuleError("conflict", refusal);
}

/** Gives an account another global role; takes effect at its next request (roles are read fresh). */
export async function changeUserRole(
  db: Database,
  actorId: string,
  input: { userId: string; role: UserRole },
) {
  return db.transaction(async (tx) => {
    const locked = await lockForChange(tx, input.userId);
    const { target } = locked;
    if (target.role === input.role) return { id: target.id, role: target.role, changed: false };
    refuseIfNotAllowed(actorId, locked, { kind: "role", to: input.role });
    await tx
      .update(users)
      .set({ role: input.role, updatedAt: new Date() })
      .where(eq(users.id, target.id));
    await recordAudit(tx, {
      actorId,
      action: "user.role",
      targetType: "user",
      targetId: target.id,
      details: { name: target.name, email: target.email, from: target.role, to: input.role },
    });
    return { id: target.id, role: input.role, changed: true };
  });
}

/**
 * Deactivates or reactivates an account. A deactivated account can't sign in and is refused at
 * its next request; its memberships, notes and actions stay as they were.
 */
export async function setUserActive(
  db: Database,
  actorId: string,
  input: { userId: string; active: boolean },
) {
  return db.transaction(async (tx) => {
    const locked = await lockForChange(tx, input.userId);
    const { target } = locked;
    if ((target.deactivatedAt === null) === input.active) {
      return { id: target.id, active: input.active, changed: false };
    }
    if (!input.active) refuseIfNotAllowed(actorId, locked, { kind: "deactivate" });
    await tx
      .update(users)
      .set({ deactivatedAt: input.active ? null : new Date(), updatedAt: new Date() })
      .where(eq(users.id, target.id));
    await recordAudit(tx, {
      actorId,
      action: input.active ? "user.reactivate" : "user.deactivate",
      targetType: "user",
      targetId: target.id,
      details: { name: target.name, email: target.email },
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
    const [user] = await tx
      .insert(users)
      .values({ name: input.name, email: input.email, role: input.role, passwordHash })
      .onConflictDoNothing({ target: users.email })
      .returning({ id: users.id, name: users.name, email: users.email, role: users.role });
    if (!user) {
      throw new AdminRuleError("conflict", `An account with ${input.email} already exists.`);
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
