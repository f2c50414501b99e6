import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { rankResults, type PracticeSums } from "~/server/voting/tally";

const practiceIds = ["p-a", "p-b", "p-c", "p-d", "p-e"];
const sum = (practiceId: string, points: number, marks = 1, importance = 0): PracticeSums => ({
  practiceId,
  marks,
  points,
  importance,
});

/** Rows reduced to what a person reads off the chart: practice, rank, tie. */
const board = (rows: { practiceId: string; rank: number; tied: boolean }[]) =>
  rows.map((r) => [r.practiceId, r.rank, r.tied] as const);

describe("dots and approval", () => {
  it("ranks by score, best first, carrying the ballot count", () => {
    const results = rankResults(
      "dots",
      practiceIds,
      [sum("p-c", 7, 4), sum("p-a", 2, 2), sum("p-e", 4, 3), sum("p-b", 1), sum("p-d", 3, 2)],
      6,
    );
    expect(results.method).toBe("dots");
    expect(results.ballots).toBe(6);
    expect(results.rows.map((r) => ["score" in r && r.score, r.practiceId])).toEqual([
      [7, "p-c"],
      [4, "p-e"],
      [3, "p-d"],
      [2, "p-a"],
      [1, "p-b"],
    ]);
    expect(results.rows.every((r) => !r.tied)).toBe(true);
    expect(results.rows.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5]);
  });

  it("lists practices nobody marked with a score of 0", () => {
    const results = rankResults("approval", practiceIds, [sum("p-d", 2, 2)], 3);
    expect(results.rows).toHaveLength(practiceIds.length);
    expect(results.rows[0]).toMatchObject({ practiceId: "p-d", score: 2, rank: 1, tied: false });
    expect(results.rows.slice(1).map((r) => "score" in r && r.score)).toEqual([0, 0, 0, 0]);
  });

  it("shows ties as ties with competition ranking (1, 1, 3) in the essay's order", () => {
    const results = rankResults(
      "dots",
      practiceIds,
      [sum("p-e", 5), sum("p-b", 5), sum("p-a", 3), sum("p-c", 2), sum("p-d", 2)],
      4,
    );
    expect(board(results.rows)).toEqual([
      ["p-b", 1, true],
      ["p-e", 1, true],
      ["p-a", 3, false],
      ["p-c", 4, true],
      ["p-d", 4, true],
    ]);
  });

  it("ranks a three-way tie in the middle as one rank and resumes after it", () => {
    const results = rankResults(
      "approval",
      practiceIds,
      [sum("p-a", 9), sum("p-b", 4), sum("p-c", 4), sum("p-d", 4), sum("p-e", 1)],
      9,
    );
    expect(board(results.rows)).toEqual([
      ["p-a", 1, false],
      ["p-b", 2, true],
      ["p-c", 2, true],
      ["p-d", 2, true],
      ["p-e", 5, false],
    ]);
  });

  it("ties every practice at rank 1 when no ballot was cast", () => {
    const results = rankResults("dots", practiceIds, [], 0);
    expect(results.ballots).toBe(0);
    expect(board(results.rows)).toEqual(practiceIds.map((id) => [id, 1, true]));
  });

  it("ignores sums of practices that are not on the round's ballot", () => {
    const results = rankResults("dots", ["p-a", "p-b"], [sum("p-a", 1), sum("p-z", 99)], 1);
    expect(results.rows.map((r) => r.practiceId)).toEqual(["p-a", "p-b"]);
  });
});

describe("maturity", () => {
  it("averages today and importance per practice and computes the gap as importance − today", () => {
    // p-a: 3 ratings, today 2+3+4 = 9 (avg 3), importance 5+5+4 = 14 (avg 4.67)
    // p-b: 3 ratings, today 5+5+5 = 15 (avg 5), importance 2+3+4 = 9 (avg 3)
    const results = rankResults(
      "maturity",
      ["p-a", "p-b"],
      [sum("p-a", 9, 3, 14), sum("p-b", 15, 3, 9)],
      3,
    );
    expect(results.method).toBe("maturity");
    const [first, second] = results.rows;
    expect(first).toMatchObject({ practiceId: "p-a", ratings: 3, today: 3, rank: 1, tied: false });
    expect(first && "importance" in first && first.importance).toBeCloseTo(14 / 3, 10);
    expect(first && "gap" in first && first.gap).toBeCloseTo(14 / 3 - 3, 10);
    expect(second).toMatchObject({
      practiceId: "p-b",
      ratings: 3,
      today: 5,
      importance: 3,
      gap: -2,
      rank: 2,
      tied: false,
    });
  });

  it("puts the biggest gap first, a negative gap below a zero gap", () => {
    const results = rankResults(
      "maturity",
      ["p-a", "p-b", "p-c"],
      [sum("p-a", 4, 2, 4), sum("p-b", 10, 2, 6), sum("p-c", 2, 2, 10)],
      2,
    );
    expect(results.rows.map((r) => [r.practiceId, "gap" in r && r.gap])).toEqual([
      ["p-c", 4],
      ["p-a", 0],
      ["p-b", -2],
    ]);
  });

  it("treats equal gaps reached through different averages as a tie", () => {
    // p-a: today 4/3, importance 5/3; p-b: today 10/3, importance 11/3. Both gaps are 1/3,
    // computed from different floating-point quotients; p-c's gap is 0.
    const results = rankResults(
      "maturity",
      ["p-a", "p-b", "p-c"],
      [sum("p-a", 4, 3, 5), sum("p-b", 10, 3, 11), sum("p-c", 3, 3, 3)],
      3,
    );
    expect(board(results.rows)).toEqual([
      ["p-a", 1, true],
      ["p-b", 1, true],
      ["p-c", 3, false],
    ]);
  });

  it("treats gaps that read the same to one decimal as a tie (4/3 and 5/4 both show +1.3)", () => {
    // p-a: today 3/3, importance 7/3 → gap 4/3; p-b: today 4/4, importance 9/4 → gap 5/4.
    const results = rankResults(
      "maturity",
      ["p-a", "p-b", "p-c"],
      [sum("p-a", 3, 3, 7), sum("p-b", 4, 4, 9), sum("p-c", 3, 3, 3)],
      4,
    );
    expect(board(results.rows)).toEqual([
      ["p-a", 1, true],
      ["p-b", 1, true],
      ["p-c", 3, false],
    ]);
  });

  it("shows unrated practices with null averages, ranked after every rated one", () => {
    const results = rankResults("maturity", ["p-a", "p-b"], [sum("p-b", 1, 1, 1)], 1);
    expect(results.rows[0]).toMatchObject({ practiceId: "p-b", gap: 0, rank: 1 });
    expect(results.rows[1]).toMatchObject({
      practiceId: "p-a",
      ratings: 0,
      today: null,
      importance: null,
      gap: null,
      rank: 2,
    });
  });

  it("ties every practice when nobody rated anything, rather than inventing an order", () => {
    const results = rankResults("maturity", ["p-a", "p-b", "p-c"], [], 0);
    expect(board(results.rows)).toEqual([
      ["p-a", 1, true],
      ["p-b", 1, true],
      ["p-c", 1, true],
    ]);
  });
});

describe("ranking invariants (property)", () => {
  const scores = fc.array(fc.integer({ min: 0, max: 6 }), {
    minLength: practiceIds.length,
    maxLength: practiceIds.length,
  });

  it("every practice appears once; ranks are competition ranks; tied means sharing a score", () => {
    fc.assert(
      fc.property(
        scores,
        fc.constantFrom("dots" as const, "approval" as const),
        (points, method) => {
          const sums = practiceIds.map((id, i) => sum(id, points[i]!));
          const { rows } = rankResults(method, practiceIds, sums, 10);
          expect([...rows.map((r) => r.practiceId)].sort()).toEqual([...practiceIds].sort());
          const scoreOf = (r: (typeof rows)[number]) => ("score" in r ? r.score : NaN);
          rows.forEach((row, i) => {
            const better = rows.filter((other) => scoreOf(other) > scoreOf(row)).length;
            expect(row.rank).toBe(better + 1);
            const sharing = rows.filter((other, j) => j !== i && scoreOf(other) === scoreOf(row));
            expect(row.tied).toBe(sharing.length > 0);
            if (i > 0) expect(scoreOf(rows[i - 1]!)).toBeGreaterThanOrEqual(scoreOf(row));
          });
        },
      ),
      { numRuns: 200 },
    );
  });
});
