import "server-only";

import { and, asc, eq, ilike, inArray, or, sql } from "drizzle-orm";

import type { Database } from "~/db";
import { teamMemberships, teams, users, type TeamRole } from "~/db/schema";

import { recordAudit } from "./audit";
import { AdminRuleError } from "./errors";
import { likePattern, pageWindow } from "./paging";

export const teamsPageSize = 20;
/** The move-to list names every team; past this many, an install needs a search box instead. */
export const maxTeamChoices = 500;

/** Teams matching a search on name or slug, each with its people (facilitators first). */
export async function listTeamsWithPeople(db: Database, input: { search: string; page: number }) {
  const pattern = likePattern(input.search);
  const { limit, offset } = pageWindow(input.page, teamsPageSize);
  const rows = await db
    .select({ id: teams.id, slug: teams.slug, name: teams.name, createdAt: teams.createdAt })
    .from(teams)
    .where(pattern ? or(ilike(teams.name, pattern), ilike(teams.slug, pattern)) : undefined)
    .orderBy(asc(teams.name), asc(teams.slug))
    .limit(limit)
    .offset(offset);
  const page = rows.slice(0, teamsPageSize);
  const people = page.length
    ? await db
        .select({
          teamId: teamMemberships.teamId,
          userId: users.id,
          name: users.name,
          email: users.email,
          userRole: users.role,
          deactivatedAt: users.deactivatedAt,
          role: teamMemberships.role,
        })
        .from(teamMemberships)
        .innerJoin(users, eq(users.id, teamMemberships.userId))
        .where(
          inArray(
            teamMemberships.teamId,
            page.map((team) => team.id),
          ),
        )
        .orderBy(
          sql`case when ${teamMemberships.role} = 'facilitator' then 0 else 1 end`,
          asc(users.name),
          asc(users.email),
        )
    : [];
  return {
    teams: page.map((team) => ({
      ...team,
      members: people.filter((person) => person.teamId === team.id),
    })),
    hasMore: rows.length > teamsPageSize,
  };
}

/** Every team's id and name, for "move to…" choices. */
export async function teamChoices(db: Database) {
  return db
    .select({ id: teams.id, name: teams.name })
    .from(teams)
    .orderBy(asc(teams.name), asc(teams.slug))
    .limit(maxTeamChoices);
}

type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];

async function teamById(tx: Transaction, teamId: string) {
  const [team] = await tx
    .select({ id: teams.id, name: teams.name })
    .from(teams)
    .where(eq(teams.id, teamId));
  if (!team) throw new AdminRuleError("not-found", { key: "admin.noSuchTeam" });
  return team;
}

/** The membership, locked until the transaction ends so a concurrent move can't also take it. */
async function lockMembership(tx: Transaction, team: { id: string; name: string }, userId: string) {
  const [row] = await tx
    .select({ role: teamMemberships.role, name: users.name, email: users.email })
    .from(teamMemberships)
    .innerJoin(users, eq(users.id, teamMemberships.userId))
    .where(and(eq(teamMemberships.teamId, team.id), eq(teamMemberships.userId, userId)))
    .for("update", { of: teamMemberships });
  if (!row) {
    throw new AdminRuleError("not-found", {
      key: "admin.notInTeam",
      values: { team: team.name },
    });
  }
  return row;
}

/** Adds an account, named by its email, to a team. */
export async function addTeamMember(
  db: Database,
  actorId: string,
  input: { teamId: string; email: string; role: TeamRole },
) {
  return db.transaction(async (tx) => {
    const team = await teamById(tx, input.teamId);
    const [person] = await tx
      .select({ id: users.id, name: users.name, email: users.email })
      .from(users)
      .where(eq(users.email, input.email));
    if (!person) {
      throw new AdminRuleError("not-found", {
        key: "admin.noAccountWithEmail",
        values: { email: input.email },
      });
    }
    const added = await tx
      .insert(teamMemberships)
      .values({ teamId: team.id, userId: person.id, role: input.role })
      .onConflictDoNothing()
      .returning({ role: teamMemberships.role });
    if (added.length === 0) {
      throw new AdminRuleError("conflict", {
        key: "admin.alreadyInTeam",
        values: { name: person.name, team: team.name },
      });
    }
    await recordAudit(tx, {
      actorId,
      action: "team.member.add",
      targetType: "membership",
      targetId: person.id,
      details: { ...personDetails(person), ...teamDetails(team), role: input.role },
    });
    return { teamId: team.id, userId: person.id, role: input.role };
  });
}

/** Takes someone out of a team; what they did in it (notes, actions) stays. */
export async function removeTeamMember(
  db: Database,
  actorId: string,
  input: { teamId: string; userId: string },
) {
  return db.transaction(async (tx) => {
    const team = await teamById(tx, input.teamId);
    const membership = await lockMembership(tx, team, input.userId);
    await tx
      .delete(teamMemberships)
      .where(and(eq(teamMemberships.teamId, team.id), eq(teamMemberships.userId, input.userId)));
    await recordAudit(tx, {
      actorId,
      action: "team.member.remove",
      targetType: "membership",
      targetId: input.userId,
      details: { ...personDetails(membership), ...teamDetails(team), role: membership.role },
    });
    return { teamId: team.id, userId: input.userId };
  });
}

/** Makes a member a facilitator of the team, or the other way round. */
export async function changeTeamRole(
  db: Database,
  actorId: string,
  input: { teamId: string; userId: string; role: TeamRole },
) {
  return db.transaction(async (tx) => {
    const team = await teamById(tx, input.teamId);
    const membership = await lockMembership(tx, team, input.userId);
    if (membership.role === input.role) return { ...input, changed: false };
    await tx
      .update(teamMemberships)
      .set({ role: input.role })
      .where(and(eq(teamMemberships.teamId, team.id), eq(teamMemberships.userId, input.userId)));
    await recordAudit(tx, {
      actorId,
      action: "team.member.role",
      targetType: "membership",
      targetId: input.userId,
      details: {
        ...personDetails(membership),
        ...teamDetails(team),
        from: membership.role,
        to: input.role,
      },
    });
    return { ...input, changed: true };
  });
}

/** Moves someone from one team to another, keeping their team role; all or nothing. */
export async function moveTeamMember(
  db: Database,
  actorId: string,
  input: { userId: string; fromTeamId: string; toTeamId: string },
) {
  if (input.fromTeamId === input.toTeamId) {
    throw new AdminRuleError("conflict", { key: "admin.chooseOtherTeam" });
  }
  return db.transaction(async (tx) => {
    const from = await teamById(tx, input.fromTeamId);
    const to = await teamById(tx, input.toTeamId);
    const membership = await lockMembership(tx, from, input.userId);
    const added = await tx
      .insert(teamMemberships)
      .values({ teamId: to.id, userId: input.userId, role: membership.role })
      .onConflictDoNothing()
      .returning({ role: teamMemberships.role });
    if (added.length === 0) {
      throw new AdminRuleError("conflict", {
        key: "admin.alreadyInTargetTeam",
        values: { name: membership.name, to: to.name, from: from.name },
      });
    }
    await tx
      .delete(teamMemberships)
      .where(and(eq(teamMemberships.teamId, from.id), eq(teamMemberships.userId, input.userId)));
    await recordAudit(tx, {
      actorId,
      action: "team.member.move",
      targetType: "membership",
      targetId: input.userId,
      details: {
        ...personDetails(membership),
        fromTeamId: from.id,
        fromTeam: from.name,
        toTeamId: to.id,
        toTeam: to.name,
        role: membership.role,
      },
    });
    return { userId: input.userId, teamId: to.id, role: membership.role };
  });
}

// Names as they were at the time, so the log still reads right after a rename or removal.
const personDetails = (person: { name: string; email: string }) => ({
  name: person.name,
  email: person.email,
});
const teamDetails = (team: { id: string; name: string }) => ({
  teamId: team.id,
  team: team.name,
});
