import "server-only";

import { max, eq } from "drizzle-orm";

import type { Database } from "~/db";
import { sessionEvents } from "~/db/schema";

import type { EventBus } from "../realtime/bus";

export type SessionEventKind =
  | "stage"
  | "timer"
  | "joined"
  | "presence"
  | "removed"
  | "note"
  | "upvote"
  | "note-hidden"
  | "ended"
  | "round"
  | "ballot"
  | "adopted"
  | "action"
  | "review";

/**
 * Records that something changed in a session (after the change is committed) and signals every
 * app instance. The event id orders changes; subscribers resume from it.
 */
export async function announce(
  db: Database,
  bus: EventBus,
  sessionId: string,
  kind: SessionEventKind,
  payload: Record<string, unknown> = {},
): Promise<number> {
  const eventId = await recordEvent(db, sessionId, kind, payload);
  await signalChange(bus, sessionId, eventId);
  return eventId;
}

/**
 * Records a session event, inside the transaction of the change it describes when given one
 * (one commit instead of two on a hot path). Signal it with `signalChange` after the commit.
 */
export async function recordEvent(
  db: Pick<Database, "insert">,
  sessionId: string,
  kind: SessionEventKind,
  payload: Record<string, unknown> = {},
): Promise<number> {
  const [event] = await db
    .insert(sessionEvents)
    .values({ sessionId, kind, payload })
    .returning({ id: sessionEvents.id });
  return event!.id;
}

/** Tells every app instance that a session changed up to an event already committed. */
export async function signalChange(bus: EventBus, sessionId: string, eventId: number) {
  try {
    await bus.publish({ sessionId, eventId });
  } catch (error) {
    // The change itself is saved; screens pick it up on their next update or reconnect.
    console.error("[realtime] publish failed:", error);
  }
}

export async function latestEventId(db: Database, sessionId: string): Promise<number> {
  const [row] = await db
    .select({ id: max(sessionEvents.id) })
    .from(sessionEvents)
    .where(eq(sessionEvents.sessionId, sessionId));
  return row?.id ?? 0;
}
