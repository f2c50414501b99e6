import "server-only";

import { and, count, eq, sql } from "drizzle-orm";

import type { Database } from "~/db";
import { ballotMarks, ballots, participants, sessions, votingRounds } from "~/db/schema";

import type { RateLimitCharge } from "../rate-limit";
import { SessionRuleError } from "../sessions/commands";
import { checkBallot, type BallotMark } from "./ballot-rules";
import { lockRoundForBallot } from "./round-lock";
import { rulesOf } from "./rounds";

type Session = typeof sessions.$inferSelect;
type Participant = typeof participants.$inferSelect;

export interface BallotSubmission {
  roundId: string;
  /** The phone's id for this ballot; sending it again is a retry, not a new vote. */
  submissionId: string;
  marks: BallotMark[];
}

/**
 * Per participant, as ballots are: a phone changing its mind a few times a second for a while
 * is well within it; a script recasting in a loop is not. (The people a script can make are
 * limited by joinCharge in code-guard.ts, so no second key per address, which would catch a
 * whole room voting behind one Wi-Fi address.)
 */
export function ballotCharge(participantId: string): RateLimitCharge {
  return { key: `ballot:${participantId}`, rule: { limit: 60, windowSeconds: 60 } };
}

/**
 * Casts or changes a participant's ballot. One ballot per participant per round is the unique
 * constraint, written with insert … on conflict: concurrent casts queue on the ballot's row and
 * the last one wins whole; a retry of the same submission changes nothing. The round is read
 * under a shared round lock that closing takes exclusively, so a close waits for ballots in
 * flight: a ballot acknowledged here is always in the tally, and none lands after the close.
 */
export async function castBallot(
  db: Database,
  session: Session,
  voter: Participant,
  submission: BallotSubmission,
) {
  if (session.endedAt) throw new SessionRuleError({ key: "sessions.ended" });
  return db.transaction(async (tx) => {
    await lockRoundForBallot(tx, submission.roundId);
    // One read under the lock: the round, the room's stage and whether this person is still in
    // (a removal that won the race has withdrawn their ballot already).
    const [row] = await tx
      .select({ round: votingRounds, stage: sessions.stage, removedAt: participants.removedAt })
      .from(votingRounds)
      .innerJoin(sessions, eq(sessions.id, votingRounds.sessionId))
      .innerJoin(participants, eq(participants.id, voter.id))
      .where(and(eq(votingRounds.id, submission.roundId), eq(votingRounds.sessionId, session.id)));
    if (!row) throw new SessionRuleError({ key: "voting.roundNotInSession" });
    if (row.removedAt) throw new SessionRuleError({ key: "access.noLongerInSession" });
    const { round } = row;
    if (round.status !== "open") {
      throw new SessionRuleError({ key: "voting.roundClosed" });
    }
    if (row.stage !== "vote") {
      throw new SessionRuleError({ key: "voting.paused" });
    }
    const check = checkBallot(rulesOf(round), submission.marks);
    if (!check.ok) throw new SessionRuleError(check.refusal);

    const [written] = await tx
      .insert(ballots)
      .values({ roundId: round.id, participantId: voter.id, submissionId: submission.submissionId })
      .onConflictDoUpdate({
        target: [ballots.roundId, ballots.participantId],
        set: { submissionId: sql`excluded.submission_id`, updatedAt: sql`now()` },
        setWhere: sql`${ballots.submissionId} <> excluded.submission_id`,
      })
      .returning({ id: ballots.id });
    // Nothing written: this exact submission is already stored.
    if (!written) return { changed: false };

    await tx.delete(ballotMarks).where(eq(ballotMarks.ballotId, written.id));
    if (check.marks.length > 0) {
      await tx
        .insert(ballotMarks)
        .values(check.marks.map((mark) => ({ ...mark, ballotId: written.id, roundId: round.id })));
    }
    return { changed: true };
  });
}

/** A participant's own ballot in a round, for their phone only; null before they vote. */
export async function ownBallot(db: Database, participantId: string, roundId: string) {
  const [ballot] = await db
    .select({ id: ballots.id, submissionId: ballots.submissionId, updatedAt: ballots.updatedAt })
    .from(ballots)
    .where(and(eq(ballots.roundId, roundId), eq(ballots.participantId, participantId)));
  if (!ballot) return null;
  const marks = await db
    .select({
      practiceId: ballotMarks.practiceId,
      points: ballotMarks.points,
      importance: ballotMarks.importance,
    })
    .from(ballotMarks)
    .where(eq(ballotMarks.ballotId, ballot.id));
  return { submissionId: ballot.submissionId, updatedAt: ballot.updatedAt, marks };
}

/** How many have voted in a round (not what). */
export async function turnoutOf(db: Database, roundId: string) {
  const [row] = await db
    .select({ voted: count() })
    .from(ballots)
    .where(eq(ballots.roundId, roundId));
  return row?.voted ?? 0;
}

/** The sums per practice over a round's counted ballots, and how many ballots there are. */
export async function sumsOf(db: Database, roundId: string) {
  const [sums, ballotCount] = await Promise.all([
    db
      .select({
        practiceId: ballotMarks.practiceId,
        marks: sql<number>`count(*)::int`,
        points: sql<number>`coalesce(sum(${ballotMarks.points}), 0)::int`,
        importance: sql<number>`coalesce(sum(${ballotMarks.importance}), 0)::int`,
      })
      .from(ballotMarks)
      .innerJoin(ballots, eq(ballots.id, ballotMarks.ballotId))
      .where(eq(ballotMarks.roundId, roundId))
      .groupBy(ballotMarks.practiceId),
    turnoutOf(db, roundId),
  ]);
  return { sums, ballots: ballotCount };
}
