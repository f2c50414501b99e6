import "server-only";

import { eq, inArray } from "drizzle-orm";

import type { Database } from "~/db";
import { participants, sessions } from "~/db/schema";

import { createBatchQueues } from "../batch-queue";

export interface ParticipantInSession {
  participant: typeof participants.$inferSelect;
  session: typeof sessions.$inferSelect;
}

const enqueueLookUp = createBatchQueues<Database, string, ParticipantInSession | undefined>(
  async (db, ids) => {
    const rows = await db
      .select({ participant: participants, session: sessions })
      .from(participants)
      .innerJoin(sessions, eq(sessions.id, participants.sessionId))
      .where(inArray(participants.id, [...new Set(ids)]));
    const byId = new Map(rows.map((row) => [row.participant.id, row]));
    return ids.map((id) => ({ ok: true as const, value: byId.get(id) }));
  },
  500,
);

/**
 * A participant and their session, read fresh for each phone request. Every request a phone
 * makes starts here, so the lookups of requests that arrive together share one query (each
 * batch is read after its requests arrived, so none sees older rows than a query of its own).
 */
export function lookUpParticipant(db: Database, participantId: string) {
  return enqueueLookUp(db, participantId);
}
