import { rankResults, type PracticeSums } from "../voting/tally";

/**
 * The maturity trend of a team: for each practice (by identity, so it survives edits of its
 * wording) the mean "today" and "importance" ratings of each session that rated it. Pure, so
 * the shaping is tested without a database; the means come from the same tally the room saw.
 */

/** A revealed maturity round of one of the team's sessions. */
export interface TrendRound {
  roundId: string;
  number: number;
  sessionId: string;
  sessionTitle: string;
  sessionAt: Date;
  practiceIds: readonly string[];
  ballots: number;
}

export interface TrendSums extends PracticeSums {
  roundId: string;
}

export interface TrendSession {
  id: string;
  title: string;
  at: Date;
}

export interface TrendPoint {
  sessionId: string;
  /** Means from 1 to 5. */
  today: number;
  importance: number;
  /** How many people rated the practice in that round. */
  ratings: number;
}

export interface PracticeTrend {
  practiceId: string;
  title: string;
  /** One per session that rated the practice, oldest first. */
  points: TrendPoint[];
  /** Sessions (among the trend's) in which the team adopted this practice. */
  adoptedIn: string[];
}

export interface MaturityTrend {
  /** Sessions with at least one rated practice, oldest first: the charts' x axis. */
  sessions: TrendSession[];
  practices: PracticeTrend[];
}

export interface TrendPractice {
  practiceId: string;
  /** The latest wording of the practice. */
  title: string;
}

/**
 * Shapes revealed maturity rounds into a per-practice trend. A session that revealed several
 * maturity rounds counts with its latest one that rated the practice (a re-vote replaces the
 * first impression, as the room saw it). Practices come in the order given; unrated ones are left out.
 */
export function maturityTrend(
  rounds: readonly TrendRound[],
  sums: readonly TrendSums[],
  practices: readonly TrendPractice[],
  adoptions: readonly { practiceId: string; sessionId: string }[] = [],
): MaturityTrend {
  const sumsByRound = new Map<string, TrendSums[]>();
  for (const row of sums) {
    const list = sumsByRound.get(row.roundId) ?? [];
    list.push(row);
    sumsByRound.set(row.roundId, list);
  }
  const chronological = [...rounds].sort(
    (a, b) =>
      a.sessionAt.getTime() - b.sessionAt.getTime() ||
      a.sessionId.localeCompare(b.sessionId) ||
      a.number - b.number,
  );

  // practiceId → sessionId → point; later rounds of a session overwrite earlier ones.
  const points = new Map<string, Map<string, TrendPoint>>();
  const sessions = new Map<string, TrendSession>();
  for (const round of chronological) {
    const results = rankResults(
      "maturity",
      round.practiceIds,
      sumsByRound.get(round.roundId) ?? [],
      round.ballots,
    );
    if (results.method !== "maturity") continue;
    for (const row of results.rows) {
      if (row.ratings === 0 || row.today === null || row.importance === null) continue;
      const bySession = points.get(row.practiceId) ?? new Map<string, TrendPoint>();
      bySession.set(round.sessionId, {
        sessionId: round.sessionId,
        today: row.today,
        importance: row.importance,
        ratings: row.ratings,
      });
      points.set(row.practiceId, bySession);
      sessions.set(round.sessionId, {
        id: round.sessionId,
        title: round.sessionTitle,
        at: round.sessionAt,
      });
    }
  }

  const sessionOrder = [...sessions.values()];
  const position = new Map(sessionOrder.map((session, index) => [session.id, index]));
  const titles = new Map(practices.map((p) => [p.practiceId, p.title]));
  const order = [
    ...practices.map((p) => p.practiceId),
    // Rated but missing from the list given (should not happen): still shown, last.
    ...[...points.keys()].filter((id) => !titles.has(id)),
  ];
  return {
    sessions: sessionOrder,
    practices: order
      .filter((practiceId) => points.has(practiceId))
      .map((practiceId) => ({
        practiceId,
        title: titles.get(practiceId) ?? "Untitled practice",
        points: [...points.get(practiceId)!.values()].sort(
          (a, b) => position.get(a.sessionId)! - position.get(b.sessionId)!,
        ),
        adoptedIn: [
          ...new Set(
            adoptions
              .filter((a) => a.practiceId === practiceId && position.has(a.sessionId))
              .map((a) => a.sessionId),
          ),
        ],
      })),
  };
}

/** The change from a practice's first rated session to its last, or null with one point. */
export function trendChange(trend: Pick<PracticeTrend, "points">) {
  const first = trend.points[0];
  const last = trend.points.at(-1);
  if (!first || !last || first === last) return null;
  return { today: last.today - first.today, importance: last.importance - first.importance };
}
