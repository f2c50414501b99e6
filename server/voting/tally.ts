import type { VotingMethod } from "~/db/schema/stage-list";

/** The sums of one practice's marks in a round, as the database aggregates them. */
export interface PracticeSums {
  practiceId: string;
  /** How many ballots marked this practice. */
  marks: number;
  /** Sum of points: dots, approvals, or "today" ratings. */
  points: number;
  /** Sum of "importance" ratings (maturity only). */
  importance: number;
}

interface Ranked {
  practiceId: string;
  /** 1-based; practices that tie share a rank (1, 1, 3). */
  rank: number;
  tied: boolean;
}

export interface ScoreRow extends Ranked {
  /** Dots placed, or ballots that approved. */
  score: number;
}

export interface MaturityRow extends Ranked {
  ratings: number;
  /** Averages from 1 to 5; null when nobody rated the practice. */
  today: number | null;
  importance: number | null;
  /** importance − today: how far the team is from where it wants to be. */
  gap: number | null;
}

export type RoundResults =
  | { method: "dots" | "approval"; ballots: number; rows: ScoreRow[] }
  | { method: "maturity"; ballots: number; rows: MaturityRow[] };

// (`a === b` first: unrated practices all sit at -Infinity, whose difference is NaN.)
const sameValue = (a: number, b: number) => a === b || Math.abs(a - b) < 1e-9;

/**
 * Gaps are ranked as people read them, to one decimal: 4/3 and 5/4 both show "+1.3", and two
 * practices that show the same gap are a tie, not a first and a second.
 */
const asShown = (gap: number) => Math.round(gap * 10) / 10;

/**
 * Standard competition ranking over rows already sorted best first: equal values share the
 * rank of the first of them, and every row of a group of equals is marked as tied.
 */
function rank<T extends { practiceId: string }>(
  sorted: T[],
  value: (row: T) => number,
): (T & Ranked)[] {
  return sorted.map((row, index) => {
    let first = index;
    while (first > 0 && sameValue(value(sorted[first - 1]!), value(row))) first--;
    const tied =
      (index > 0 && sameValue(value(sorted[index - 1]!), value(row))) ||
      (index + 1 < sorted.length && sameValue(value(sorted[index + 1]!), value(row)));
    return { ...row, rank: first + 1, tied };
  });
}

/**
 * Ranks a round's practices from the sums of its stored marks. Every practice on the ballot
 * appears, marked or not; ties keep the essay's order and share a rank.
 */
export function rankResults(
  method: VotingMethod,
  practiceIds: readonly string[],
  sums: readonly PracticeSums[],
  ballots: number,
): RoundResults {
  const byPractice = new Map(sums.map((s) => [s.practiceId, s]));
  const position = new Map(practiceIds.map((id, index) => [id, index]));
  const inOrder = (a: { practiceId: string }, b: { practiceId: string }) =>
    position.get(a.practiceId)! - position.get(b.practiceId)!;

  if (method === "maturity") {
    const rows = practiceIds.map((practiceId) => {
      const s = byPractice.get(practiceId);
      const ratings = s?.marks ?? 0;
      const today = ratings > 0 ? s!.points / ratings : null;
      const importance = ratings > 0 ? s!.importance / ratings : null;
      const gap = today !== null && importance !== null ? importance - today : null;
      return { practiceId, ratings, today, importance, gap };
    });
    // Biggest gap first: where the team most wants to improve. Unrated practices go last.
    const gapOf = (row: { gap: number | null }) =>
      row.gap === null ? Number.NEGATIVE_INFINITY : asShown(row.gap);
    rows.sort((a, b) => (sameValue(gapOf(a), gapOf(b)) ? inOrder(a, b) : gapOf(b) - gapOf(a)));
    return { method, ballots, rows: rank(rows, gapOf) };
  }

  const rows = practiceIds.map((practiceId) => ({
    practiceId,
    score: byPractice.get(practiceId)?.points ?? 0,
  }));
  rows.sort((a, b) => (a.score === b.score ? inOrder(a, b) : b.score - a.score));
  return { method, ballots, rows: rank(rows, (row) => row.score) };
}
