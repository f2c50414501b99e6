import "server-only";

import { and, eq, isNull, sql } from "drizzle-orm";

import type { Database } from "~/db";
import {
  actions,
  ballots,
  notes,
  participants,
  sessions,
  votingRounds,
  type SessionStage,
} from "~/db/schema";

import { LocalizedError } from "../i18n/localized-error";
import { lockRoundForClosing } from "../voting/round-lock";

import { moveStage, type StageCommand } from "./stages";

type Session = typeof sessions.$inferSelect;

/** A rule of the live session refused the request; its words are a server message. */
export class SessionRuleError extends LocalizedError {}

/**
 * Whether the session's team has actions still open from its earlier sessions (the review
 * stage). Joined on the session, so callers need only its id.
 */
export async function hasOpenActionsToReview(db: Database, sessionId: string) {
  const [row] = await db
    .select({ id: actions.id })
    .from(actions)
    .innerJoin(sessions, eq(sessions.id, sessionId))
    .where(
      and(
        eq(actions.teamId, sessions.teamId),
        sql`${actions.status} in ('todo', 'doing')`,
        sql`${actions.sessionId} is distinct from ${sessions.id}`,
      ),
    )
    .limit(1);
  return row !== undefined;
}

/**
 * Moves the session to another stage. The update only applies if the stage is still the one
 * the rule was checked against, so two clicks racing can't skip a stage.
 */
export async function changeStage(db: Database, session: Session, command: StageCommand) {
  const result = moveStage(
    {
      stage: session.stage,
      ended: session.endedAt !== null,
      hasReview: await hasOpenActionsToReview(db, session.id),
    },
    command,
  );
  // The stage rules' refusals are sentences of the server messages, translated by their words.
  if (!result.ok) throw new SessionRuleError(result.reason);
  const [updated] = await db
    .update(sessions)
    .set({ stage: result.stage })
    .where(
      and(eq(sessions.id, session.id), eq(sessions.stage, session.stage), isNull(sessions.endedAt)),
    )
    .returning({ stage: sessions.stage });
  if (!updated) throw new SessionRuleError({ key: "sessions.stageChanged" });
  return updated.stage satisfies SessionStage;
}

export type TimerCommand =
  { type: "start"; seconds: number } | { type: "pause" } | { type: "resume" } | { type: "clear" };

/** A running timer is an end time; a paused one is the time that was left. */
export async function changeTimer(db: Database, session: Session, command: TimerCommand) {
  if (session.endedAt) throw new SessionRuleError({ key: "sessions.ended" });
  const now = Date.now();
  let set: { timerEndsAt: Date | null; timerRemainingMs: number | null };
  switch (command.type) {
    case "start":
      set = { timerEndsAt: new Date(now + command.seconds * 1000), timerRemainingMs: null };
      break;
    case "pause":
      if (!session.timerEndsAt) throw new SessionRuleError({ key: "sessions.noTimerRunning" });
      set = {
        timerEndsAt: null,
        timerRemainingMs: Math.max(0, session.timerEndsAt.getTime() - now),
      };
      break;
    case "resume":
      if (session.timerRemainingMs === null)
        throw new SessionRuleError({ key: "sessions.noTimerPaused" });
      set = { timerEndsAt: new Date(now + session.timerRemainingMs), timerRemainingMs: null };
      break;
    case "clear":
      set = { timerEndsAt: null, timerRemainingMs: null };
      break;
  }
  await db.update(sessions).set(set).where(eq(sessions.id, session.id));
}

export async function endSession(db: Database, session: Session) {
  const [ended] = await db
    .update(sessions)
    .set({ endedAt: new Date(), timerEndsAt: null, timerRemainingMs: null })
    .where(and(eq(sessions.id, session.id), isNull(sessions.endedAt)))
    .returning({ id: sessions.id });
  if (!ended) throw new SessionRuleError({ key: "sessions.alreadyEnded" });
}

/**
 * Removes someone from the session; their cookie stops working. Scoped to this session. Their
 * ballot in an open round is withdrawn; closed and revealed rounds stay as they were counted, so
 * removing someone can never change (and so reveal) what the room already saw.
 */
export async function removeParticipant(db: Database, sessionId: string, participantId: string) {
  await db.transaction(async (tx) => {
    const [open] = await tx
      .select({ id: votingRounds.id })
      .from(votingRounds)
      .where(and(eq(votingRounds.sessionId, sessionId), eq(votingRounds.status, "open")));
    // Waits for ballots in flight; any that arrive later see the removal and are refused.
    if (open) await lockRoundForClosing(tx, open.id);
    await markRemoved(tx, sessionId, participantId);
    if (open) {
      await tx
        .delete(ballots)
        .where(and(eq(ballots.roundId, open.id), eq(ballots.participantId, participantId)));
    }
  });
}

async function markRemoved(db: Pick<Database, "update">, sessionId: string, participantId: string) {
  const [removed] = await db
    .update(participants)
    .set({ removedAt: new Date() })
    .where(
      and(
        eq(participants.id, participantId),
        eq(participants.sessionId, sessionId),
        isNull(participants.removedAt),
      ),
    )
    .returning({ id: participants.id });
  if (!removed) throw new SessionRuleError({ key: "sessions.personNotInSession" });
}

/** Hides a note from the room (or shows it again). Scoped to this session. */
export async function setNoteHidden(
  db: Database,
  sessionId: string,
  noteId: string,
  hidden: boolean,
  byUserId: string,
) {
  const [note] = await db
    .update(notes)
    .set(
      hidden
        ? { hiddenAt: new Date(), hiddenById: byUserId }
        : { hiddenAt: null, hiddenById: null },
    )
    .where(and(eq(notes.id, noteId), eq(notes.sessionId, sessionId)))
    .returning({ id: notes.id });
  if (!note) throw new SessionRuleError({ key: "sessions.noteNotInSession" });
}
