import "server-only";

import { desc, eq, sql } from "drizzle-orm";

import type { Database } from "~/db";
import { essayVersions, participants, sessions } from "~/db/schema";

/** A team's sessions, newest first, with how many took part. */
export async function sessionsOfTeam(db: Database, teamId: string) {
  return db
    .select({
      id: sessions.id,
      title: sessions.title,
      joinCode: sessions.joinCode,
      stage: sessions.stage,
      createdAt: sessions.createdAt,
      endedAt: sessions.endedAt,
      workshop: essayVersions.title,
      participantCount: sql<number>`(select count(*)::int from ${participants} where ${participants.sessionId} = ${sessions.id} and ${participants.removedAt} is null)`,
    })
    .from(sessions)
    .innerJoin(essayVersions, eq(essayVersions.id, sessions.essayVersionId))
    .where(eq(sessions.teamId, teamId))
    .orderBy(desc(sessions.createdAt));
}
