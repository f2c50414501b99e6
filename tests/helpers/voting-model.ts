import { TRPCError } from "@trpc/server";
import fc from "fast-check";

import type { VotingMethod } from "~/db/schema/stage-list";

import { sortMarks } from "./voting";

/**
 * The model and generators of the voting property test (voting-property.test.ts): random rounds
 * of casts, changes, retries, bursts, closes and reveals, and what the round should then hold.
 */

export const voterCount = 3;
/** Practices the rounds draw from (a run-off of 2 to 4 of them); index 4 is never on a ballot. */
export const poolSize = 5;

export interface Mark {
  practiceId: string;
  points: number;
  importance: number | null;
}
export interface Submission {
  submissionId: string;
  marks: Mark[];
}
export type Action =
  | { kind: "cast"; who: number; sub: number; marks: RawMark[] }
  | { kind: "retry"; who: number }
  | { kind: "burst"; casts: { who: number; sub: number; marks: RawMark[] }[] }
  | { kind: "close" }
  | { kind: "reveal" };
export interface RawMark {
  practice: number;
  points: number;
  importance: number | null;
}

/**
 * Marks that are usually valid for the method and the round's `size` practices, and sometimes
 * not: over budget or cap, out of range, unrated practices, a practice off the ballot.
 */
function rawMarks(method: VotingMethod, size: number): fc.Arbitrary<RawMark[]> {
  const practice = fc.oneof(
    { weight: 19, arbitrary: fc.integer({ min: 0, max: size - 1 }) },
    { weight: 1, arbitrary: fc.constant(poolSize - 1) },
  );
  if (method === "maturity") {
    const rating = fc.oneof(
      { weight: 19, arbitrary: fc.integer({ min: 1, max: 5 }) },
      { weight: 1, arbitrary: fc.constantFrom(0, 6) },
    );
    const importance = fc.oneof(
      { weight: 19, arbitrary: fc.integer({ min: 1, max: 5 }) },
      { weight: 1, arbitrary: fc.constantFrom(null, 0) },
    );
    // Usually every practice in order (what a real phone sends), sometimes a random selection.
    return fc.oneof(
      {
        weight: 4,
        arbitrary: fc
          .tuple(...Array.from({ length: size }, () => fc.tuple(rating, importance)))
          .map((pairs) =>
            pairs.map(([points, imp], i) => ({ practice: i, points, importance: imp })),
          ),
      },
      {
        weight: 1,
        arbitrary: fc.uniqueArray(fc.record({ practice, points: rating, importance }), {
          maxLength: size,
          selector: (m) => m.practice,
        }),
      },
    );
  }
  const points =
    method === "dots"
      ? fc.oneof(
          { weight: 9, arbitrary: fc.integer({ min: 0, max: 2 }) },
          { weight: 1, arbitrary: fc.constant(3) },
        )
      : fc.oneof(
          { weight: 19, arbitrary: fc.integer({ min: 0, max: 1 }) },
          { weight: 1, arbitrary: fc.constant(2) },
        );
  const importance = fc.oneof(
    { weight: 29, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: 5 }) },
  );
  return fc.uniqueArray(fc.record({ practice, points, importance }), {
    maxLength: size,
    selector: (m) => m.practice,
  });
}

/**
 * A round: its method and rules, then phones casting, changing and retrying (alone or several
 * at once), then perhaps a close and/or a reveal, then a few phones trying again too late.
 */
export function scenario() {
  return fc
    .tuple(
      fc.constantFrom<VotingMethod>("dots", "approval", "maturity"),
      fc.integer({ min: 2, max: poolSize - 1 }),
    )
    .chain(([method, size]) => {
      const who = fc.integer({ min: 0, max: voterCount - 1 });
      // A small pool of submission ids per phone, so that ids get reused with other marks too.
      const sub = fc.integer({ min: 0, max: 2 });
      const cast = fc.record({ who, sub, marks: rawMarks(method, size) });
      const voting: fc.Arbitrary<Action> = fc.oneof(
        { weight: 5, arbitrary: cast.map((c) => ({ kind: "cast" as const, ...c })) },
        { weight: 2, arbitrary: who.map((w) => ({ kind: "retry" as const, who: w })) },
        {
          weight: 2,
          arbitrary: fc
            .uniqueArray(cast, { minLength: 2, maxLength: voterCount, selector: (c) => c.who })
            .map((casts) => ({ kind: "burst" as const, casts })),
        },
      );
      const ending = fc.constantFrom<Action[]>(
        [],
        [{ kind: "close" }],
        [{ kind: "reveal" }],
        [{ kind: "close" }, { kind: "reveal" }],
        [{ kind: "close" }, { kind: "close" }],
        [{ kind: "reveal" }, { kind: "close" }, { kind: "reveal" }],
      );
      return fc.record({
        method: fc.constant(method),
        size: fc.constant(size),
        dots: fc.integer({ min: 2, max: 4 }),
        maxDotsPerPractice: fc.integer({ min: 1, max: 2 }),
        actions: fc
          .tuple(
            fc.array(voting, { minLength: 1, maxLength: 8 }),
            ending,
            fc.array(voting, { maxLength: 2 }),
          )
          .map(([during, end, late]) => [...during, ...end, ...late]),
      });
    });
}

/** What the round should hold, kept by the test independently of the server. */
export interface Model {
  status: "open" | "closed" | "revealed";
  stored: Map<number, Submission>;
}

/** The marks a ballot should be stored as: only placed dots and approvals; every rating. */
export function storedForm(method: VotingMethod, marks: Mark[]): Mark[] {
  const kept =
    method === "dots"
      ? marks.filter((m) => m.points > 0).map((m) => ({ ...m, importance: null }))
      : method === "approval"
        ? marks.filter((m) => m.points === 1)
        : marks;
  return sortMarks(kept);
}

export async function outcomeOf(call: Promise<unknown>) {
  try {
    const result = (await call) as { changed: boolean } | undefined;
    return { ok: true as const, changed: result?.changed };
  } catch (error) {
    if (error instanceof TRPCError) return { ok: false as const, code: error.code };
    throw error;
  }
}
