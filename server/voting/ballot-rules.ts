import type { VotingMethod } from "~/db/schema/stage-list";

/** What a round lets people vote on and how; pinned when the round opens. */
export interface RoundRules {
  method: VotingMethod;
  /** The practices on the ballot, in the essay's order. */
  practiceIds: readonly string[];
  /** Dot voting: dots per ballot and the most on one practice. */
  dots: number;
  maxDotsPerPractice: number;
}

/**
 * One mark of a ballot. `points` is dots, 1 for an approval, or the "how well do we do this
 * today" rating; `importance` is the maturity "how important is it" rating, null otherwise.
 */
export interface BallotMark {
  practiceId: string;
  points: number;
  importance: number | null;
}

export type BallotCheck = { ok: true; marks: BallotMark[] } | { ok: false; reason: string };

export const ratingMin = 1;
export const ratingMax = 5;

const isRating = (value: number | null): value is number =>
  value !== null && Number.isInteger(value) && value >= ratingMin && value <= ratingMax;

/**
 * Checks a ballot against its round's rules and returns the marks to store. Every rule of what
 * a ballot may hold lives here; the database only ever sees ballots that passed.
 */
export function checkBallot(rules: RoundRules, marks: readonly BallotMark[]): BallotCheck {
  const onBallot = new Set(rules.practiceIds);
  const seen = new Set<string>();
  for (const mark of marks) {
    if (!onBallot.has(mark.practiceId)) {
      return { ok: false, reason: "That practice is not on this round's ballot." };
    }
    if (seen.has(mark.practiceId)) {
      return { ok: false, reason: "Each practice can appear only once on a ballot." };
    }
    seen.add(mark.practiceId);
    if (!Number.isInteger(mark.points)) return { ok: false, reason: "Marks are whole numbers." };
  }
  switch (rules.method) {
    case "dots":
      return checkDots(rules, marks);
    case "approval":
      return checkApproval(marks);
    case "maturity":
      return checkMaturity(rules, marks);
  }
}

function checkDots(rules: RoundRules, marks: readonly BallotMark[]): BallotCheck {
  let spent = 0;
  for (const mark of marks) {
    if (mark.points < 0) return { ok: false, reason: "Dots can't be negative." };
    if (mark.points > rules.maxDotsPerPractice) {
      return {
        ok: false,
        reason: `At most ${rules.maxDotsPerPractice} ${rules.maxDotsPerPractice === 1 ? "dot" : "dots"} on one practice.`,
      };
    }
    if (mark.importance !== null) return { ok: false, reason: "Dot votes carry no rating." };
    spent += mark.points;
  }
  if (spent > rules.dots) {
    return {
      ok: false,
      reason: `You have ${rules.dots} ${rules.dots === 1 ? "dot" : "dots"}; this ballot spends ${spent}.`,
    };
  }
  if (spent === 0) return { ok: false, reason: "Place at least one dot." };
  // Practices without dots are left out: a row per dot placed, nothing for the rest.
  return {
    ok: true,
    marks: marks.filter((m) => m.points > 0).map((m) => ({ ...m, importance: null })),
  };
}

function checkApproval(marks: readonly BallotMark[]): BallotCheck {
  for (const mark of marks) {
    if (mark.points !== 0 && mark.points !== 1) {
      return { ok: false, reason: "Approval is yes or no for each practice." };
    }
    if (mark.importance !== null) return { ok: false, reason: "Approvals carry no rating." };
  }
  // An empty approval ballot is a real answer ("none of these") and counts in the turnout.
  return { ok: true, marks: marks.filter((m) => m.points === 1).map((m) => ({ ...m })) };
}

function checkMaturity(rules: RoundRules, marks: readonly BallotMark[]): BallotCheck {
  for (const mark of marks) {
    if (!isRating(mark.points) || !isRating(mark.importance)) {
      return {
        ok: false,
        reason: `Rate each practice from ${ratingMin} to ${ratingMax}, for today and for importance.`,
      };
    }
  }
  // Averages are only comparable if everyone rated everything.
  const missing = rules.practiceIds.length - marks.length;
  if (missing > 0) {
    return {
      ok: false,
      reason: `Rate every practice: ${missing} ${missing === 1 ? "is" : "are"} still unrated.`,
    };
  }
  return { ok: true, marks: marks.map((m) => ({ ...m })) };
}
