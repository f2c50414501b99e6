import "server-only";

import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";

import type { Database } from "~/db";
import { isUniqueViolation } from "~/db/errors";
import { practiceVersions, votingRounds, type sessions } from "~/db/schema";
import type { VotingMethod } from "~/db/schema/stage-list";

import { SessionRuleError } from "../sessions/commands";
import type { RoundRules } from "./ballot-rules";
import { lockRoundForClosing } from "./round-lock";

type Session = typeof sessions.$inferSelect;
export type Round = typeof votingRounds.$inferSelect;

export interface RoundOptions {
  method: VotingMethod;
  dots: number;
  maxDotsPerPractice: number;
  /** A run-off: only these practices. Null puts every practice of the version on the ballot. */
  practiceIds: string[] | null;
}

/** The rules a round was opened with; its ballot lists exactly these practices. */
export function rulesOf(round: Round): RoundRules {
  return {
    method: round.method,
    practiceIds: round.params.practiceIds ?? [],
    dots: round.params.dots ?? 0,
    maxDotsPerPractice: round.params.maxDotsPerPractice ?? 0,
  };
}

function assertLive(session: Session) {
  if (session.endedAt) throw new SessionRuleError({ key: "sessions.ended" });
}

/** Opens a new round in the vote stage. At most one round of a session is open at a time. */
export async function openRound(db: Database, session: Session, options: RoundOptions) {
  assertLive(session);
  if (session.stage !== "vote") {
    throw new SessionRuleError({ key: "voting.openInVoteStage" });
  }
  const versionPractices = await db
    .select({ id: practiceVersions.practiceId })
    .from(practiceVersions)
    .where(eq(practiceVersions.versionId, session.essayVersionId))
    .orderBy(asc(practiceVersions.position));
  let practiceIds = versionPractices.map((p) => p.id);
  if (options.practiceIds) {
    const chosen = new Set(options.practiceIds);
    if ([...chosen].some((id) => !practiceIds.includes(id))) {
      throw new SessionRuleError({ key: "voting.runOffPractices" });
    }
    practiceIds = practiceIds.filter((id) => chosen.has(id));
  }
  if (practiceIds.length < 2) {
    throw new SessionRuleError({ key: "voting.tooFewPractices" });
  }
  const params =
    options.method === "dots"
      ? { practiceIds, dots: options.dots, maxDotsPerPractice: options.maxDotsPerPractice }
      : { practiceIds };
  try {
    const [round] = await db
      .insert(votingRounds)
      .values({
        sessionId: session.id,
        // The next number of this session; two racing opens collide on a unique index below.
        number: sql`(select coalesce(max(${votingRounds.number}), 0) + 1 from ${votingRounds} where ${votingRounds.sessionId} = ${session.id})`,
        method: options.method,
        params,
      })
      .returning();
    return round!;
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new SessionRuleError({ key: "voting.roundAlreadyOpen" });
    }
    throw error;
  }
}

/** The session's round with this id, or a clear refusal (never another session's round). */
export async function roundOfSession(db: Database, sessionId: string, roundId: string) {
  const [round] = await db
    .select()
    .from(votingRounds)
    .where(and(eq(votingRounds.id, roundId), eq(votingRounds.sessionId, sessionId)));
  if (!round) throw new SessionRuleError({ key: "voting.roundNotInSession" });
  return round;
}

/**
 * Closes the open round: no ballot is accepted or changed after this. Ballots being cast hold
 * the round lock shared, so closing waits for them and every acknowledged ballot counts.
 */
export async function closeRound(db: Database, session: Session, roundId: string) {
  assertLive(session);
  const [closed] = await db.transaction(async (tx) => {
    await lockRoundForClosing(tx, roundId);
    return tx
      .update(votingRounds)
      .set({ status: "closed", closedAt: new Date() })
      .where(
        and(
          eq(votingRounds.id, roundId),
          eq(votingRounds.sessionId, session.id),
          eq(votingRounds.status, "open"),
        ),
      )
      .returning();
  });
  if (!closed) {
    await roundOfSession(db, session.id, roundId);
    throw new SessionRuleError({ key: "voting.roundAlreadyClosed" });
  }
  return closed;
}

/** Shows a round's results to the room, closing it first if it is still open. */
export async function revealRound(db: Database, session: Session, roundId: string) {
  assertLive(session);
  const [revealed] = await db.transaction(async (tx) => {
    await lockRoundForClosing(tx, roundId);
    return tx
      .update(votingRounds)
      .set({
        status: "revealed",
        closedAt: sql`coalesce(${votingRounds.closedAt}, now())`,
        revealedAt: new Date(),
      })
      .where(
        and(
          eq(votingRounds.id, roundId),
          eq(votingRounds.sessionId, session.id),
          inArray(votingRounds.status, ["open", "closed"]),
        ),
      )
      .returning();
  });
  if (!revealed) {
    await roundOfSession(db, session.id, roundId);
    throw new SessionRuleError({ key: "voting.alreadyRevealed" });
  }
  return revealed;
}

/** The session's rounds, newest first. */
export function roundsOfSession(db: Database, sessionId: string) {
  return db
    .select()
    .from(votingRounds)
    .where(eq(votingRounds.sessionId, sessionId))
    .orderBy(desc(votingRounds.number));
}
