import { createHash, randomBytes } from "node:crypto";

import type { TeamRole, UserRole } from "~/db/schema";

/**
 * Invite link secrets. The link carries a random token; the database keeps only its SHA-256, so
 * a copy of the database hands out no working links. 32 random bytes make guessing hopeless,
 * which is why a plain (unsalted, fast) hash is enough here, unlike for passwords.
 */
export const inviteTokenBytes = 32;
const tokenPattern = /^[A-Za-z0-9_-]{43}$/;

export function newInviteToken(): string {
  return randomBytes(inviteTokenBytes).toString("base64url");
}

export function hashInviteToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Whether a string has the shape of a token we issue (43 base64url characters). */
export function looksLikeInviteToken(token: string): boolean {
  return tokenPattern.test(token);
}

export function invitePath(token: string): string {
  return `/invite/${token}`;
}

export type InviteState = "open" | "expired" | "revoked";

/** A revoked invite stays revoked after its expiry; that is the more useful thing to tell. */
export function inviteState(
  invite: { revokedAt: Date | null; expiresAt: Date },
  now: Date = new Date(),
): InviteState {
  if (invite.revokedAt) return "revoked";
  if (invite.expiresAt.getTime() <= now.getTime()) return "expired";
  return "open";
}

/**
 * The global role an account created through a team invite gets: facilitator invites make
 * facilitators (so they can run the team's sessions), every other invite makes members.
 */
export function accountRoleForInvitee(teamRole: TeamRole): UserRole {
  return teamRole === "facilitator" ? "facilitator" : "member";
}
