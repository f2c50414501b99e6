import "server-only";

import { and, asc, desc, eq, gt, isNull, notExists } from "drizzle-orm";

import type { Database } from "~/db";
import {
  inviteAcceptances,
  invites,
  teamMemberships,
  teams,
  users,
  type TeamRole,
  type UserRole,
} from "~/db/schema";

import { recordAudit } from "../admin/audit";
import { hashPassword } from "../auth/password";
import { LocalizedError } from "../i18n/localized-error";
import { hitRateLimit, type RateLimitRule } from "../rate-limit";
import {
  accountRoleForInvitee,
  hashInviteToken,
  inviteState,
  invitePath,
  looksLikeInviteToken,
  newInviteToken,
  type InviteState,
} from "./invite-token";

export const defaultInviteDays = 7;

/** Accepting invites and signing up through them, per client: generous for a team, not a bot. */
export const inviteAttemptsPerClient: RateLimitRule = { limit: 20, windowSeconds: 10 * 60 };

export class InviteUnusableError extends LocalizedError {
  constructor(
    readonly state:
      Exclude<InviteState, "open"> | "unknown" | "used" | "account-only" | "no-longer-valid",
  ) {
    super({
      key: (
        {
          unknown: "invites.unknown",
          expired: "invites.expired",
          revoked: "invites.revoked",
          used: "invites.used",
          "account-only": "invites.accountOnly",
          "no-longer-valid": "invites.noLongerValid",
        } as const
      )[state],
    });
  }
}

export class EmailTakenError extends LocalizedError {
  constructor() {
    super({ key: "invites.emailTaken" });
  }
}

export class TooManyInviteAttemptsError extends LocalizedError {
  constructor(readonly retryAfterSeconds: number) {
    super({
      key: "invites.tooManyAttempts",
      values: { minutes: Math.ceil(retryAfterSeconds / 60) },
    });
  }
}

/** Counts one accept or sign-up attempt of a client; throws once it is over the limit. */
export async function countInviteAttempt(db: Database, clientKey: string) {
  const state = await hitRateLimit(
    db,
    `invite-attempt:client:${clientKey}`,
    inviteAttemptsPerClient,
  );
  if (!state.allowed) throw new TooManyInviteAttemptsError(state.retryAfterSeconds);
}

/** Issues an invite link to a team. The token is returned once and never stored. */
export async function createInvite(
  db: Pick<Database, "insert">,
  input: { teamId: string; createdById: string; teamRole: TeamRole; expiresInDays: number },
  now: Date = new Date(),
) {
  const token = newInviteToken();
  const [invite] = await db
    .insert(invites)
    .values({
      tokenHash: hashInviteToken(token),
      teamId: input.teamId,
      teamRole: input.teamRole,
      userRole: accountRoleForInvitee(input.teamRole),
      createdById: input.createdById,
      expiresAt: new Date(now.getTime() + input.expiresInDays * 24 * 60 * 60 * 1000),
    })
    .returning({ id: invites.id, teamRole: invites.teamRole, expiresAt: invites.expiresAt });
  if (!invite) throw new Error("Creating the invite returned nothing");
  return { ...invite, path: invitePath(token) };
}

/**
 * Issues a sign-up link that creates one account with `userRole` and joins no team (admins hand
 * these out). It is used up by the first sign-up, since it can carry the admin role.
 */
export async function createAccountInvite(
  db: Pick<Database, "insert">,
  input: { createdById: string; userRole: UserRole; expiresInDays: number },
  now: Date = new Date(),
) {
  const token = newInviteToken();
  const [invite] = await db
    .insert(invites)
    .values({
      tokenHash: hashInviteToken(token),
      teamId: null,
      userRole: input.userRole,
      createdById: input.createdById,
      expiresAt: new Date(now.getTime() + input.expiresInDays * 24 * 60 * 60 * 1000),
    })
    .returning({ id: invites.id, userRole: invites.userRole, expiresAt: invites.expiresAt });
  if (!invite) throw new Error("Creating the invite returned nothing");
  return { ...invite, path: invitePath(token) };
}

/** Whether an account invite (one without a team) has made its one account already. */
async function accountInviteUsed(db: Pick<Database, "select">, inviteId: string) {
  const [row] = await db
    .select({ inviteId: inviteAcceptances.inviteId })
    .from(inviteAcceptances)
    .where(eq(inviteAcceptances.inviteId, inviteId))
    .limit(1);
  return row !== undefined;
}

/**
 * Whether a sign-up link's maker no longer vouches for it (see accountInviteCreatorRefusal). Not
 * locked: demoting or deactivating an admin revokes their links in the same transaction, and the
 * caller holds the invite row locked, so a demotion either committed before (the link reads as
 * revoked) or waits for this sign-up to end.
 */
async function accountInviteCreatorGone(db: Pick<Database, "select">, createdById: string | null) {
  if (createdById === null) return true;
  const [creator] = await db
    .select({ role: users.role, deactivatedAt: users.deactivatedAt })
    .from(users)
    .where(eq(users.id, createdById));
  return accountInviteCreatorRefusal(creator ?? null);
}

/**
 * Revokes one of the team's invites. Scoped by team, so a facilitator can't reach another team's
 * invite by its id. Revoking twice keeps the first time (`changed` is false the second time).
 * Returns null when there is no such invite in the team.
 */
export async function revokeInvite(
  db: Pick<Database, "update" | "select">,
  input: { teamId: string; inviteId: string },
  now: Date = new Date(),
) {
  const ofTeam = and(eq(invites.id, input.inviteId), eq(invites.teamId, input.teamId));
  const [revoked] = await db
    .update(invites)
    .set({ revokedAt: now })
    .where(and(ofTeam, isNull(invites.revokedAt)))
    .returning({ id: invites.id });
  if (revoked) return { id: revoked.id, changed: true };
  const [existing] = await db.select({ id: invites.id }).from(invites).where(ofTeam);
  return existing ? { id: existing.id, changed: false } : null;
}

/** Whether nobody has signed up through the (team-less) invite yet. */
const unusedInvite = (db: Pick<Database, "select">) =>
  notExists(
    db
      .select({ inviteId: inviteAcceptances.inviteId })
      .from(inviteAcceptances)
      .where(eq(inviteAcceptances.inviteId, invites.id)),
  );

/** How many open sign-up links the admin screen lists at most. */
export const openAccountInvitesShown = 100;

/**
 * Admin sign-up links that still work: team-less, neither revoked, expired nor used, and made by
 * someone who is still an active admin (see `accountInviteCreatorRefusal`). Newest first,
 * bounded; never the token (only its hash is stored anyway).
 */
export async function openAccountInvites(db: Pick<Database, "select">, now: Date = new Date()) {
  const rows = await db
    .select({
      id: invites.id,
      userRole: invites.userRole,
      createdAt: invites.createdAt,
      expiresAt: invites.expiresAt,
      createdById: users.id,
      createdByName: users.name,
      createdByEmail: users.email,
    })
    .from(invites)
    .innerJoin(users, eq(users.id, invites.createdById))
    .where(
      and(
        isNull(invites.teamId),
        isNull(invites.revokedAt),
        gt(invites.expiresAt, now),
        eq(users.role, "admin"),
        isNull(users.deactivatedAt),
        unusedInvite(db),
      ),
    )
    .orderBy(desc(invites.createdAt), asc(invites.id))
    .limit(openAccountInvitesShown + 1);
  return {
    invites: rows.slice(0, openAccountInvitesShown),
    hasMore: rows.length > openAccountInvitesShown,
  };
}

/**
 * Revokes every sign-up link the user made that is not revoked yet: an admin who is demoted or
 * deactivated takes their links with them. Call it in the transaction that makes that change.
 * Returns how many links it revoked.
 */
export async function revokeAccountInvitesOf(
  db: Pick<Database, "update">,
  createdById: string,
  now: Date = new Date(),
) {
  const revoked = await db
    .update(invites)
    .set({ revokedAt: now })
    .where(
      and(eq(invites.createdById, createdById), isNull(invites.teamId), isNull(invites.revokedAt)),
    )
    .returning({ id: invites.id });
  return revoked.length;
}

/**
 * Whether a sign-up link's maker no longer vouches for it: the account is gone (the link's
 * creator became null), deactivated, or no longer an admin. Such links create no account.
 */
export function accountInviteCreatorRefusal(
  creator: { role: UserRole | null; deactivatedAt: Date | null } | null,
): boolean {
  return !creator || creator.role !== "admin" || creator.deactivatedAt !== null;
}

/**
 * What the invite page may show anyone holding a link: the team's and inviter's names, the role
 * offered and whether it still works. An account invite (no team) has a null team name and
 * reads as used once it has made its account.
 */
export async function describeInvite(db: Database, token: string, now: Date = new Date()) {
  if (!looksLikeInviteToken(token)) return { state: "unknown" as const };
  const [row] = await db
    .select({
      id: invites.id,
      teamName: teams.name,
      inviterName: users.name,
      teamRole: invites.teamRole,
      userRole: invites.userRole,
      expiresAt: invites.expiresAt,
      revokedAt: invites.revokedAt,
      inviterRole: users.role,
      inviterDeactivatedAt: users.deactivatedAt,
    })
    .from(invites)
    .leftJoin(teams, eq(teams.id, invites.teamId))
    .leftJoin(users, eq(users.id, invites.createdById))
    .where(eq(invites.tokenHash, hashInviteToken(token)));
  if (!row) return { state: "unknown" as const };
  const shown = { state: inviteState(row, now), inviterName: row.inviterName };
  if (row.teamName === null) {
    const used = await accountInviteUsed(db, row.id);
    // A link whose maker is no longer an active admin reads as withdrawn, as signing up refuses it.
    const creatorGone =
      shown.state === "open" &&
      accountInviteCreatorRefusal({
        role: row.inviterRole,
        deactivatedAt: row.inviterDeactivatedAt,
      });
    return {
      ...shown,
      ...(creatorGone ? { state: "revoked" as const } : {}),
      ...(used ? { state: "used" as const } : {}),
      teamName: null,
      teamRole: row.teamRole,
      userRole: row.userRole,
    };
  }
  return { ...shown, teamName: row.teamName, teamRole: row.teamRole };
}

type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];

/**
 * The open invite behind a token, locked against a concurrent revoke until the transaction ends
 * (FOR SHARE: many people may accept one link at the same time). Signing up locks FOR UPDATE
 * instead, so that two sign-ups through a one-account link can't both see it unused.
 */
async function lockOpenInvite(
  tx: Transaction,
  token: string,
  now: Date,
  lock: "share" | "update" = "share",
) {
  if (!looksLikeInviteToken(token)) throw new InviteUnusableError("unknown");
  const [invite] = await tx
    .select({
      id: invites.id,
      teamId: teams.id,
      teamSlug: teams.slug,
      teamName: teams.name,
      teamRole: invites.teamRole,
      userRole: invites.userRole,
      expiresAt: invites.expiresAt,
      revokedAt: invites.revokedAt,
      createdById: invites.createdById,
    })
    .from(invites)
    .leftJoin(teams, eq(teams.id, invites.teamId))
    .where(eq(invites.tokenHash, hashInviteToken(token)))
    .for(lock, { of: invites });
  if (!invite) throw new InviteUnusableError("unknown");
  const state = inviteState(invite, now);
  // A withdrawn sign-up link (no team) was withdrawn by an admin, not a team's facilitator.
  if (state === "revoked" && invite.teamId === null) {
    throw new InviteUnusableError("no-longer-valid");
  }
  if (state !== "open") throw new InviteUnusableError(state);
  return invite;
}

/** A team invite: one whose team still exists (a deleted team's invites go with it). */
function teamOf<
  T extends { teamId: string | null; teamSlug: string | null; teamName: string | null },
>(invite: T) {
  return invite.teamId !== null && invite.teamSlug !== null && invite.teamName !== null
    ? { ...invite, teamId: invite.teamId, teamSlug: invite.teamSlug, teamName: invite.teamName }
    : null;
}

export type JoinOutcome = "joined" | "promoted" | "already-member";

/**
 * Puts the user in the invite's team. The membership's primary key makes a second membership
 * impossible however many accepts race; a facilitator invite promotes a member, and nothing
 * demotes a facilitator.
 */
async function joinTeam(
  tx: Transaction,
  invite: { id: string; teamId: string; teamRole: TeamRole },
  userId: string,
): Promise<JoinOutcome> {
  await tx.insert(inviteAcceptances).values({ inviteId: invite.id, userId }).onConflictDoNothing();
  const inserted = await tx
    .insert(teamMemberships)
    .values({ teamId: invite.teamId, userId, role: invite.teamRole })
    .onConflictDoNothing()
    .returning({ role: teamMemberships.role });
  if (inserted.length > 0) return "joined";
  if (invite.teamRole !== "facilitator") return "already-member";
  const promoted = await tx
    .update(teamMemberships)
    .set({ role: "facilitator" })
    .where(
      and(
        eq(teamMemberships.teamId, invite.teamId),
        eq(teamMemberships.userId, userId),
        eq(teamMemberships.role, "member"),
      ),
    )
    .returning({ role: teamMemberships.role });
  return promoted.length > 0 ? "promoted" : "already-member";
}

/** A signed-in user accepts an invite. Accepting again changes nothing. */
export async function acceptInvite(
  db: Database,
  input: { token: string; userId: string },
  now: Date = new Date(),
) {
  return db.transaction(async (tx) => {
    const invite = teamOf(await lockOpenInvite(tx, input.token, now));
    if (!invite) throw new InviteUnusableError("account-only");
    const outcome = await joinTeam(tx, invite, input.userId);
    return { teamSlug: invite.teamSlug, teamName: invite.teamName, outcome };
  });
}

/**
 * A visitor creates an account through an invite and joins its team, all or nothing: a taken
 * email or a dead invite leaves no account behind. The account's global role comes from the
 * invite (see accountRoleForInvitee). An account invite (no team) makes one account only, and
 * its team fields come back null.
 */
export async function signUpWithInvite(
  db: Database,
  input: { token: string; email: string; name: string; password: string },
  now: Date = new Date(),
) {
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const locked = await lockOpenInvite(tx, input.token, now, "update");
    const invite = teamOf(locked);
    if (!invite && (await accountInviteUsed(tx, locked.id))) {
      throw new InviteUnusableError("used");
    }
    if (!invite && (await accountInviteCreatorGone(tx, locked.createdById))) {
      throw new InviteUnusableError("no-longer-valid");
    }
    const [user] = await tx
      .insert(users)
      .values({ email: input.email, name: input.name, passwordHash, role: locked.userRole })
      .onConflictDoNothing({ target: users.email })
      .returning({ id: users.id, role: users.role, name: users.name, email: users.email });
    if (!user) throw new EmailTakenError();
    if (!invite) {
      await tx.insert(inviteAcceptances).values({ inviteId: locked.id, userId: user.id });
      // The new account is the actor: nobody else acted at this moment.
      await recordAudit(tx, {
        actorId: user.id,
        action: "user.invite.accept",
        targetType: "invite",
        targetId: locked.id,
        details: {
          inviteId: locked.id,
          userId: user.id,
          name: user.name,
          email: user.email,
          role: user.role,
        },
      });
      return { userId: user.id, role: user.role, teamSlug: null, teamName: null, outcome: null };
    }
    const outcome = await joinTeam(tx, invite, user.id);
    return {
      userId: user.id,
      role: user.role,
      teamSlug: invite.teamSlug,
      teamName: invite.teamName,
      outcome,
    };
  });
}
