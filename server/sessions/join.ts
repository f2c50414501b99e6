import "server-only";

import { and, eq, sql } from "drizzle-orm";

import type { Database } from "~/db";
import { participants, type sessions } from "~/db/schema";

import { SessionRuleError } from "./commands";

type Session = typeof sessions.$inferSelect;
type Participant = typeof participants.$inferSelect;

export interface JoinRequest {
  displayName: string;
  /** The signed-in account joining as itself, if any. */
  userId: string | null;
  /** The participant this browser's signed cookie names, if it has one for this session. */
  cookieParticipantId: string | null;
  /** Random key of the join form, so a double submit finds the first participant. */
  joinKey: string;
}

function refuseRemoved(participant: Participant) {
  if (participant.removedAt) {
    throw new SessionRuleError({ key: "access.removedFromSession" });
  }
  return participant;
}

/**
 * Joins a live session, idempotently: the browser's cookie, the account, or the form's join key
 * each lead back to the same participant, so reloads, double taps and retries never make two.
 */
export async function joinSession(db: Database, session: Session, request: JoinRequest) {
  if (session.endedAt) throw new SessionRuleError({ key: "sessions.ended" });

  if (request.cookieParticipantId) {
    const [known] = await db
      .select()
      .from(participants)
      .where(
        and(
          eq(participants.id, request.cookieParticipantId),
          eq(participants.sessionId, session.id),
        ),
      );
    if (known) return refuseRemoved(known);
  }

  if (request.userId) {
    const [member] = await db
      .insert(participants)
      .values({ sessionId: session.id, userId: request.userId, displayName: request.displayName })
      .onConflictDoUpdate({
        target: [participants.sessionId, participants.userId],
        targetWhere: sql`${participants.userId} is not null`,
        set: { lastSeenAt: sql`now()` },
      })
      .returning();
    return refuseRemoved(member!);
  }

  const [guest] = await db
    .insert(participants)
    .values({ sessionId: session.id, displayName: request.displayName, joinKey: request.joinKey })
    .onConflictDoUpdate({
      target: [participants.sessionId, participants.joinKey],
      set: { lastSeenAt: sql`now()` },
    })
    .returning();
  return refuseRemoved(guest!);
}
