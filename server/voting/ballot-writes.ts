import "server-only";

import { inArray, sql } from "drizzle-orm";

import type { Database } from "~/db";
import { ballotMarks, ballots, participants, sessions, votingRounds } from "~/db/schema";

import type { Settled } from "../batch-queue";
import { SessionRuleError } from "../sessions/commands";
import { recordEvent } from "../sessions/events";
import { checkBallot, type BallotMark } from "./ballot-rules";
import { lockRoundForBallot } from "./round-lock";
import { rulesOf } from "./rounds";

export interface BallotSubmission {
  roundId: string;
  /** The phone's id for this ballot; sending it again is a retry, not a new vote. */
  submissionId: string;
  marks: BallotMark[];
}

/** One phone's ballot waiting to be written. */
export interface PendingBallot {
  sessionId: string;
  participantId: string;
  submission: BallotSubmission;
}

/** A changed ballot carries the session event recorded with it, for the caller to signal. */
export type BallotOutcome = { changed: false } | { changed: true; eventId: number };

interface Accepted {
  index: number;
  pending: PendingBallot;
  marks: BallotMark[];
}

const ballotKey = (roundId: string, participantId: string) => `${roundId}:${participantId}`;

/**
 * Writes a batch of ballots in one transaction, each judged on its own: a refused ballot gets
 * its refusal and the others are still written. The rounds are read under their shared round
 * locks, which closing takes exclusively, so a close waits for ballots in flight: a ballot
 * acknowledged here is always in the tally, and none lands after the close. One ballot per
 * participant per round is the unique constraint; the last of a person's ballots wins whole, and
 * a retry of a stored submission changes nothing.
 */
export async function writeBallots(
  db: Database,
  batch: readonly PendingBallot[],
): Promise<Settled<BallotOutcome>[]> {
  const outcomes: Settled<BallotOutcome>[] = [];
  await db.transaction(async (tx) => {
    const roundIds = [...new Set(batch.map((pending) => pending.submission.roundId))].sort();
    for (const roundId of roundIds) await lockRoundForBallot(tx, roundId);
    // Read under the locks: the rounds, their rooms' stages, and who is still in (a removal
    // that won the race has withdrawn their ballot already).
    const rounds = await tx
      .select({ round: votingRounds, stage: sessions.stage })
      .from(votingRounds)
      .innerJoin(sessions, sql`${sessions.id} = ${votingRounds.sessionId}`)
      .where(inArray(votingRounds.id, roundIds));
    const voters = await tx
      .select({ id: participants.id, removedAt: participants.removedAt })
      .from(participants)
      .where(inArray(participants.id, [...new Set(batch.map((p) => p.participantId))]));
    const roundById = new Map(rounds.map((row) => [row.round.id, row]));
    const removed = new Set(voters.filter((v) => v.removedAt).map((v) => v.id));

    // The last valid ballot of each person and round is the one written.
    const latest = new Map<string, Accepted>();
    batch.forEach((pending, index) => {
      const refusal = refusalOf(pending, roundById.get(pending.submission.roundId), removed);
      if (refusal) {
        outcomes[index] = { ok: false, error: new SessionRuleError(refusal) };
        return;
      }
      const check = checkBallot(
        rulesOf(roundById.get(pending.submission.roundId)!.round),
        pending.submission.marks,
      );
      if (!check.ok) {
        outcomes[index] = { ok: false, error: new SessionRuleError(check.refusal) };
        return;
      }
      latest.set(ballotKey(pending.submission.roundId, pending.participantId), {
        index,
        pending,
        marks: check.marks,
      });
    });
    const accepted = [...latest.values()];
    const written = accepted.length > 0 ? await upsertBallots(tx, accepted) : [];

    const rewritten = written.filter((row) => !row.isNew).map((row) => row.id);
    // A first ballot has no marks to replace: most batches skip this statement.
    if (rewritten.length > 0)
      await tx.delete(ballotMarks).where(inArray(ballotMarks.ballotId, rewritten));
    const ballotIdByKey = new Map(
      written.map((row) => [ballotKey(row.roundId, row.participantId), row.id]),
    );
    const marks = accepted.flatMap(({ pending, marks }) => {
      const ballotId = ballotIdByKey.get(
        ballotKey(pending.submission.roundId, pending.participantId),
      );
      return ballotId
        ? marks.map((mark) => ({ ...mark, ballotId, roundId: pending.submission.roundId }))
        : [];
    });
    if (marks.length > 0) await tx.insert(ballotMarks).values(marks);

    // The turnout changed: each room's event commits with its ballots.
    const eventIdBySession = new Map<string, number>();
    for (const { pending } of accepted) {
      const { sessionId } = pending;
      const key = ballotKey(pending.submission.roundId, pending.participantId);
      if (ballotIdByKey.has(key) && !eventIdBySession.has(sessionId)) {
        eventIdBySession.set(sessionId, await recordEvent(tx, sessionId, "ballot"));
      }
    }
    batch.forEach((pending, index) => {
      if (outcomes[index]) return;
      const key = ballotKey(pending.submission.roundId, pending.participantId);
      const kept = latest.get(key)!;
      // A copy of the ballot written (a retry sent twice at once) changed nothing of its own; a
      // ballot the same person replaced within this batch shares its replacement's outcome.
      const isCopy =
        kept.index !== index &&
        kept.pending.submission.submissionId === pending.submission.submissionId;
      const written = ballotIdByKey.has(key) && !isCopy;
      const eventId = written ? eventIdBySession.get(pending.sessionId) : undefined;
      outcomes[index] = {
        ok: true,
        value: eventId ? { changed: true, eventId } : { changed: false },
      };
    });
  });
  return outcomes;
}

type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];

/** The ballots inserted or changed; a retry of a stored submission is not among them. */
async function upsertBallots(tx: Transaction, accepted: readonly Accepted[]) {
  return (
    tx
      .insert(ballots)
      .values(
        accepted.map(({ pending }) => ({
          roundId: pending.submission.roundId,
          participantId: pending.participantId,
          submissionId: pending.submission.submissionId,
        })),
      )
      .onConflictDoUpdate({
        target: [ballots.roundId, ballots.participantId],
        set: { submissionId: sql`excluded.submission_id`, updatedAt: sql`now()` },
        setWhere: sql`${ballots.submissionId} <> excluded.submission_id`,
      })
      // xmax is 0 on a row this statement inserted, and set on one it updated.
      .returning({
        id: ballots.id,
        roundId: ballots.roundId,
        participantId: ballots.participantId,
        isNew: sql<boolean>`xmax = 0`,
      })
  );
}

type RoundRow = { round: typeof votingRounds.$inferSelect; stage: string };

/** Why a ballot can't be cast now, if it can't; its marks are checked apart. */
function refusalOf(
  pending: PendingBallot,
  row: RoundRow | undefined,
  removed: ReadonlySet<string>,
) {
  if (!row || row.round.sessionId !== pending.sessionId)
    return { key: "voting.roundNotInSession" } as const;
  if (removed.has(pending.participantId)) return { key: "access.noLongerInSession" } as const;
  if (row.round.status !== "open") return { key: "voting.roundClosed" } as const;
  if (row.stage !== "vote") return { key: "voting.paused" } as const;
  return undefined;
}
