import { describe, expect, it } from "vitest";

import {
  maturityTrend,
  trendChange,
  type TrendRound,
  type TrendSums,
} from "~/server/dashboard/trend";

const week = (n: number) => new Date(Date.UTC(2026, 2, 2 + 7 * n, 9));

const round = (
  overrides: Partial<TrendRound> & Pick<TrendRound, "roundId" | "sessionId">,
): TrendRound => ({
  number: 1,
  sessionTitle: `Session ${overrides.sessionId}`,
  sessionAt: week(0),
  practiceIds: ["p1", "p2", "p3"],
  ballots: 2,
  ...overrides,
});

/** Sums of `ratings` today/importance pairs, as the database would add them up. */
const sums = (roundId: string, practiceId: string, ratings: [number, number][]): TrendSums => ({
  roundId,
  practiceId,
  marks: ratings.length,
  points: ratings.reduce((sum, [today]) => sum + today, 0),
  importance: ratings.reduce((sum, [, importance]) => sum + importance, 0),
});

const practices = [
  { practiceId: "p1", title: "Reviews and feedback" },
  { practiceId: "p2", title: "Coaching (new wording)" },
  { practiceId: "p3", title: "Testing" },
];

describe("the maturity trend of a team's practices", () => {
  it("gives each practice its mean ratings per session, oldest session first", () => {
    const trend = maturityTrend(
      // Given newest first: the trend sorts by when the sessions were held.
      [
        round({ roundId: "r2", sessionId: "s2", sessionAt: week(1) }),
        round({ roundId: "r1", sessionId: "s1", sessionAt: week(0) }),
      ],
      [
        sums("r1", "p1", [
          [2, 5],
          [3, 4],
        ]),
        sums("r2", "p1", [
          [4, 5],
          [3, 5],
        ]),
        sums("r1", "p2", [[1, 2]]),
      ],
      practices,
    );
    expect(trend.sessions.map((s) => s.id)).toEqual(["s1", "s2"]);
    expect(trend.practices).toEqual([
      {
        practiceId: "p1",
        title: "Reviews and feedback",
        points: [
          { sessionId: "s1", today: 2.5, importance: 4.5, ratings: 2 },
          { sessionId: "s2", today: 3.5, importance: 5, ratings: 2 },
        ],
        adoptedIn: [],
      },
      {
        practiceId: "p2",
        title: "Coaching (new wording)",
        points: [{ sessionId: "s1", today: 1, importance: 2, ratings: 1 }],
        adoptedIn: [],
      },
    ]);
    // Nobody rated p3: it has no chart.
    expect(trendChange(trend.practices[0]!)).toEqual({ today: 1, importance: 0.5 });
    expect(trendChange(trend.practices[1]!)).toBeNull();
  });

  it("counts a session with two maturity rounds by its later round that rated the practice", () => {
    const trend = maturityTrend(
      [
        round({ roundId: "r1", sessionId: "s1", number: 1 }),
        round({ roundId: "r2", sessionId: "s1", number: 2, practiceIds: ["p1", "p2"] }),
      ],
      [sums("r1", "p1", [[1, 1]]), sums("r1", "p3", [[2, 3]]), sums("r2", "p1", [[5, 5]])],
      practices,
    );
    expect(trend.sessions).toHaveLength(1);
    expect(trend.practices.map((p) => [p.practiceId, p.points])).toEqual([
      ["p1", [{ sessionId: "s1", today: 5, importance: 5, ratings: 1 }]],
      // The run-off left p3 out: the first round's rating stands.
      ["p3", [{ sessionId: "s1", today: 2, importance: 3, ratings: 1 }]],
    ]);
  });

  it("marks the sessions in which a practice was adopted, once each, among the trend's sessions", () => {
    const trend = maturityTrend(
      [round({ roundId: "r1", sessionId: "s1" })],
      [sums("r1", "p1", [[3, 4]])],
      practices,
      [
        { practiceId: "p1", sessionId: "s1" },
        { practiceId: "p1", sessionId: "s1" },
        // A session without ratings is not on the chart's axis.
        { practiceId: "p1", sessionId: "s9" },
        { practiceId: "p2", sessionId: "s1" },
      ],
    );
    expect(trend.practices[0]!.adoptedIn).toEqual(["s1"]);
  });

  it("is empty without revealed maturity rounds, and keeps a practice missing from the titles", () => {
    expect(maturityTrend([], [], practices)).toEqual({ sessions: [], practices: [] });
    const trend = maturityTrend(
      [round({ roundId: "r1", sessionId: "s1", practiceIds: ["p1", "px"] })],
      [sums("r1", "px", [[4, 4]])],
      practices,
    );
    expect(trend.practices.map((p) => p.title)).toEqual(["Untitled practice"]);
  });
});
