import "server-only";

import { asc, eq, sql } from "drizzle-orm";

import type { Database } from "~/db";
import { actionEvents, participants, users } from "~/db/schema";

/** Who changed an action: an account, or a participant of a live session. */
export type ActionActor = { userId: string } | { participantId: string };

export type ActionEventKind =
  | "proposed"
  | "created"
  | "edited"
  | "moved"
  | "kept"
  | "dropped"
  | "merged"
  | "merged-in"
  | "reviewed";

type Changes = Record<string, [unknown, unknown]>;

/** The fields of `after` whose values differ from `before`, as [before, after] pairs. */
export function changedFields<T extends Record<string, unknown>>(
  before: T,
  after: Partial<T>,
): Changes {
  const changes: Changes = {};
  for (const [field, value] of Object.entries(after)) {
    if (value === undefined) continue;
    const old = before[field];
    const same =
      old instanceof Date && value instanceof Date
        ? old.getTime() === value.getTime()
        : old === value;
    if (!same) changes[field] = [old ?? null, value ?? null];
  }
  return changes;
}

/** Appends one change to an action's history; call it in the transaction that made the change. */
export async function recordActionEvent(
  db: Database,
  event: { actionId: string; actor: ActionActor; kind: ActionEventKind; changes: Changes },
) {
  await db.insert(actionEvents).values({
    actionId: event.actionId,
    actorUserId: "userId" in event.actor ? event.actor.userId : null,
    actorParticipantId: "participantId" in event.actor ? event.actor.participantId : null,
    kind: event.kind,
    changes: event.changes,
  });
}

/** An action's history, oldest first, with the name of whoever made each change. */
export async function actionHistory(db: Database, actionId: string) {
  return db
    .select({
      id: actionEvents.id,
      kind: actionEvents.kind,
      changes: actionEvents.changes,
      at: actionEvents.createdAt,
      actor: sql<
        string | null
      >`coalesce(${users.name}, ${users.email}, ${participants.displayName})`,
    })
    .from(actionEvents)
    .leftJoin(users, eq(users.id, actionEvents.actorUserId))
    .leftJoin(participants, eq(participants.id, actionEvents.actorParticipantId))
    .where(eq(actionEvents.actionId, actionId))
    .orderBy(asc(actionEvents.createdAt), asc(actionEvents.id));
}
