import "server-only";

import { and, eq } from "drizzle-orm";

import type { Database } from "~/db";
import { teamMemberships, type TeamRole } from "~/db/schema";

/** The user's role in a team, or null when they are not in it. */
export async function membershipRole(
  db: Database,
  teamId: string,
  userId: string,
): Promise<TeamRole | null> {
  const [row] = await db
    .select({ role: teamMemberships.role })
    .from(teamMemberships)
    .where(and(eq(teamMemberships.teamId, teamId), eq(teamMemberships.userId, userId)));
  return row?.role ?? null;
}
