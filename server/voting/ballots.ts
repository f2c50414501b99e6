import "server-only";

import { and, count, eq, sql } from "drizzle-orm";

import type { Database } from "~/db";
import { ballotMarks, ballots, type participants, type sessions } from "~/db/schema";

import { createBatchQueues } from "../batch-queue";
import type { RateLimitCharge } from "../rate-limit";
import { SessionRuleError } from "../sessions/commands";
import {
  writeBallots,
  type BallotOutcome,
  type BallotSubmission,
  type PendingBallot,
} from "./ballot-writes";

type Session = typeof sessions.$inferSelect;
type Participant = typeof participants.$inferSelect;

/**
 * Per participant, as ballots are: a phone changing its mind a few times a second for a while
 * is well within it; a script recasting in a loop is not. (The people a script can make are
 * limited by joinCharge in code-guard.ts, so no second key per address, which would catch a
 * whole room voting behind one Wi-Fi address.)
 */
export function ballotCharge(participantId: string): RateLimitCharge {
  return { key: `ballot:${participantId}`, rule: { limit: 60, windowSeconds: 60 } };
}

/** Ballots per transaction: 100 ballots of at most 50 marks stay within Postgres' parameters. */
const maxBallotsPerBatch = 100;

const enqueueBallot = createBatchQueues<Database, PendingBallot, BallotOutcome>(
  writeBallots,
  maxBallotsPerBatch,
);

/**
 * Casts or changes a participant's ballot (see writeBallots for the rules). A room voting at once
 * sends hundreds of ballots a second; those that arrive while a batch is being written go
 * together in the next, so the database sees a few transactions a second instead of one per
 * phone. A changed ballot returns the session event recorded with it, for the caller to signal.
 */
export async function castBallot(
  db: Database,
  session: Session,
  voter: Participant,
  submission: BallotSubmission,
): Promise<BallotOutcome> {
  if (session.endedAt) throw new SessionRuleError({ key: "sessions.ended" });
  return enqueueBallot(db, { sessionId: session.id, participantId: voter.id, submission });
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
