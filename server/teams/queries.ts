import "server-only";

import { and, asc, count, desc, eq, gt, isNotNull, isNull, sql } from "drizzle-orm";

import type { Database } from "~/db";
import { inviteAcceptances, invites, teamMemberships, teams, users } from "~/db/schema";

import type { CurrentUser } from "../auth/current-user";
import { isAdmin } from "../auth/policy";

/**
 * The teams a user may see with their member counts: their own teams, or every team for an
 * admin (who may see any team, see policy.maySeeTeam). `role` is null where the admin is not in
 * the team.
 */
export async function teamsVisibleTo(db: Database, user: CurrentUser) {
  const memberCounts = db
    .select({ teamId: teamMemberships.teamId, members: count().as("members") })
    .from(teamMemberships)
    .groupBy(teamMemberships.teamId)
    .as("member_counts");
  return db
    .select({
      id: teams.id,
      slug: teams.slug,
      name: teams.name,
      role: teamMemberships.role,
      memberCount: sql<number>`coalesce(${memberCounts.members}, 0)`.mapWith(Number),
    })
    .from(teams)
    .leftJoin(
      teamMemberships,
      and(eq(teamMemberships.teamId, teams.id), eq(teamMemberships.userId, user.id)),
    )
    .leftJoin(memberCounts, eq(memberCounts.teamId, teams.id))
    .where(isAdmin(user) ? undefined : isNotNull(teamMemberships.userId))
    .orderBy(asc(teams.name), asc(teams.slug));
}

/** The people in a team, facilitators first. */
export async function teamMembers(db: Database, teamId: string) {
  return db
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      role: teamMemberships.role,
      joinedAt: teamMemberships.joinedAt,
    })
    .from(teamMemberships)
    .innerJoin(users, eq(users.id, teamMemberships.userId))
    .where(eq(teamMemberships.teamId, teamId))
    .orderBy(
      sql`case when ${teamMemberships.role} = 'facilitator' then 0 else 1 end`,
      asc(users.name),
      asc(users.email),
    );
}

/** A team's invites that still work (neither revoked nor expired), newest first. */
export async function openInvitesOfTeam(db: Database, teamId: string, now: Date = new Date()) {
  const acceptances = db
    .select({ inviteId: inviteAcceptances.inviteId, accepted: count().as("accepted") })
    .from(inviteAcceptances)
    .groupBy(inviteAcceptances.inviteId)
    .as("acceptance_counts");
  return db
    .select({
      id: invites.id,
      teamRole: invites.teamRole,
      createdAt: invites.createdAt,
      expiresAt: invites.expiresAt,
      createdByName: users.name,
      acceptedCount: sql<number>`coalesce(${acceptances.accepted}, 0)`.mapWith(Number),
    })
    .from(invites)
    .leftJoin(users, eq(users.id, invites.createdById))
    .leftJoin(acceptances, eq(acceptances.inviteId, invites.id))
    .where(and(eq(invites.teamId, teamId), isNull(invites.revokedAt), gt(invites.expiresAt, now)))
    .orderBy(desc(invites.createdAt));
}
