import "server-only";

import { and, asc, desc, eq } from "drizzle-orm";

import type { Database } from "~/db";
import { adoptedPractices, votingRounds } from "~/db/schema";

import { sumsOf, turnoutOf } from "./ballots";
import { rulesOf, type Round } from "./rounds";
import { rankResults } from "./tally";

/** A round as every screen may see it: its rules and status, never who voted what. */
function publicRound(round: Round) {
  const rules = rulesOf(round);
  return {
    id: round.id,
    number: round.number,
    status: round.status,
    ...rules,
    practiceIds: [...rules.practiceIds],
  };
}

async function computeResults(db: Database, round: Round) {
  const rules = rulesOf(round);
  const { sums, ballots } = await sumsOf(db, round.id);
  return {
    roundId: round.id,
    number: round.number,
    ...rankResults(rules.method, rules.practiceIds, sums, ballots),
  };
}

type Results = Awaited<ReturnType<typeof computeResults>>;

/**
 * Revealed results never change: ballots need an open round, and a removal only withdraws
 * ballots of an open round. So each process sums a revealed round once, not on every push of
 * the room's snapshot. Bounded: the oldest entries go first.
 */
const revealedResults = new Map<string, Promise<Results>>();
const revealedResultsKept = 500;

function resultsOf(db: Database, round: Round): Promise<Results> {
  if (round.status !== "revealed") return computeResults(db, round);
  let results = revealedResults.get(round.id);
  if (!results) {
    results = computeResults(db, round);
    // A failed load (e.g. the database restarting) is tried again next time, not kept.
    results.catch(() => revealedResults.delete(round.id));
    revealedResults.set(round.id, results);
    if (revealedResults.size > revealedResultsKept) {
      revealedResults.delete(revealedResults.keys().next().value!);
    }
  }
  return results;
}

/**
 * The results of the latest revealed round that had this practice on its ballot: the evidence
 * for adopting it, even when a later run-off left it out. Null if no revealed round had it.
 */
export async function resultsRanking(db: Database, sessionId: string, practiceId: string) {
  const revealed = await db
    .select()
    .from(votingRounds)
    .where(and(eq(votingRounds.sessionId, sessionId), eq(votingRounds.status, "revealed")))
    .orderBy(desc(votingRounds.number));
  const round = revealed.find((r) => rulesOf(r).practiceIds.includes(practiceId));
  return round ? resultsOf(db, round) : null;
}

/**
 * Voting as the room sees it: the current round and its turnout, the latest revealed results,
 * and the practices adopted. Tallies of a round appear only once it is revealed.
 */
export async function loadVotingState(db: Database, sessionId: string) {
  const [rounds, adopted] = await Promise.all([
    db
      .select()
      .from(votingRounds)
      .where(eq(votingRounds.sessionId, sessionId))
      .orderBy(desc(votingRounds.number)),
    db
      .select({ practiceId: adoptedPractices.practiceId })
      .from(adoptedPractices)
      .where(eq(adoptedPractices.sessionId, sessionId))
      .orderBy(asc(adoptedPractices.adoptedAt)),
  ]);
  const current = rounds[0];
  const revealed = rounds.find((round) => round.status === "revealed");
  const [results, openTurnout] = await Promise.all([
    revealed ? resultsOf(db, revealed) : null,
    // A revealed current round's turnout is its results' ballot count: no second count.
    current && current !== revealed ? turnoutOf(db, current.id) : null,
  ]);
  const voted = openTurnout ?? results?.ballots ?? 0;
  return {
    round: current ? { ...publicRound(current), voted } : null,
    results,
    adoptedPracticeIds: adopted.map((row) => row.practiceId),
  };
}

export type VotingState = Awaited<ReturnType<typeof loadVotingState>>;
export type RevealedResults = NonNullable<VotingState["results"]>;
