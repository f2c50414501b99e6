import "server-only";

import { eq, inArray } from "drizzle-orm";

import type { Database } from "~/db";
import { participants, sessions } from "~/db/schema";

import { createBatchQueue } from "../batch-queue";

export interface ParticipantInSession {
  participant: typeof participants.$inferSelect;
  session: typeof sessions.$inferSelect;
}

// One lookup queue per database (tests run several) and process.
const queues = new WeakMap<Database, (id: string) => Promise<ParticipantInSession | undefined>>();

/**
 * A participant and their session, read fresh for each phone request. Every request a phone
 * makes starts here, so the lookups of requests that arrive together share one query (each
 * batch is read after its requests arrived, so none sees older rows than a query of its own).
 */
export function lookUpParticipant(db: Database, participantId: string) {
  let lookUp = queues.get(db);
  if (!lookUp) {
    lookUp = createBatchQueue(async (ids: string[]) => {
      const rows = await db
        .select({ participant: participants, session: sessions })
        .from(participants)
        .innerJoin(sessions, eq(sessions.id, participants.sessionId))
        .where(inArray(participants.id, [...new Set(ids)]));
      const byId = new Map(rows.map((row) => [row.participant.id, row]));
      return ids.map((id) => ({ ok: true as const, value: byId.get(id) }));
    }, 500);
    queues.set(db, lookUp);
  }
  return lookUp(participantId);
}
