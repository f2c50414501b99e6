import "server-only";

import { asc, eq } from "drizzle-orm";

import type { Database } from "~/db";
import { teamMemberships, teams } from "~/db/schema";

/** The teams a user belongs to, with their role in each. */
export async function teamsOfUser(db: Database, userId: string) {
  return db
    .select({ id: teams.id, slug: teams.slug, name: teams.name, role: teamMemberships.role })
    .from(teamMemberships)
    .innerJoin(teams, eq(teams.id, teamMemberships.teamId))
    .where(eq(teamMemberships.userId, userId))
    .orderBy(asc(teams.name));
}
