import type { VotingMethod } from "~/db/schema/stage-list";

import type { ServerText } from "../i18n/server-text";

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

/**
 * A refusal has its English `reason` and the same as a server message (`refusal`), which the
 * server says in the caller's language. Phones import this module, so it stays free of the
 * message files; a unit test checks that the two agree.
 */
export type BallotCheck =
  { ok: true; marks: BallotMark[] } | { ok: false; reason: string; refusal: ServerText };

const refuse = (reason: string, refusal: ServerText): BallotCheck => ({
  ok: false,
  reason,
  refusal,
});

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
      return refuse("That practice is not on this round's ballot.", {
        key: "voting.ballot.notOnBallot",
      });
    }
    if (seen.has(mark.practiceId)) {
      return refuse("Each practice can appear only once on a ballot.", {
        key: "voting.ballot.onlyOnce",
      });
    }
    seen.add(mark.practiceId);
    if (!Number.isInteger(mark.points)) {
      return refuse("Marks are whole numbers.", { key: "voting.ballot.wholeNumbers" });
    }
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
    if (mark.points < 0) {
      return refuse("Dots can't be negative.", { key: "voting.ballot.negativeDots" });
    }
    if (mark.points > rules.maxDotsPerPractice) {
      const max = rules.maxDotsPerPractice;
      return refuse(`At most ${max} ${max === 1 ? "dot" : "dots"} on one practice.`, {
        key: "voting.ballot.tooManyOnOne",
        values: { max },
      });
    }
    if (mark.importance !== null) {
      return refuse("Dot votes carry no rating.", { key: "voting.ballot.dotsCarryNoRating" });
    }
    spent += mark.points;
  }
  if (spent > rules.dots) {
    return refuse(
      `You have ${rules.dots} ${rules.dots === 1 ? "dot" : "dots"}; this ballot spends ${spent}.`,
      { key: "voting.ballot.overspent", values: { dots: rules.dots, spent } },
    );
  }
  if (spent === 0) return refuse("Place at least one dot.", { key: "voting.ballot.noDots" });
  // Practices without dots are left out: a row per dot placed, nothing for the rest.
  return {
    ok: true,
    marks: marks.filter((m) => m.points > 0).map((m) => ({ ...m, importance: null })),
  };
}

function checkApproval(marks: readonly BallotMark[]): BallotCheck {
  for (const mark of marks) {
    if (mark.points !== 0 && mark.points !== 1) {
      return refuse("Approval is yes or no for each practice.", {
        key: "voting.ballot.approvalYesOrNo",
      });
    }
    if (mark.importance !== null) {
      return refuse("Approvals carry no rating.", { key: "voting.ballot.approvalsCarryNoRating" });
    }
  }
  // An empty approval ballot is a real answer ("none of these") and counts in the turnout.
  return { ok: true, marks: marks.filter((m) => m.points === 1).map((m) => ({ ...m })) };
}

function checkMaturity(rules: RoundRules, marks: readonly BallotMark[]): BallotCheck {
  for (const mark of marks) {
    if (!isRating(mark.points) || !isRating(mark.importance)) {
      return refuse(
        `Rate each practice from ${ratingMin} to ${ratingMax}, for today and for importance.`,
        { key: "voting.ballot.ratingRange", values: { min: ratingMin, max: ratingMax } },
      );
    }
  }
  // Averages are only comparable if everyone rated everything.
  const missing = rules.practiceIds.length - marks.length;
  if (missing > 0) {
    return refuse(
      `Rate every practice: ${missing} ${missing === 1 ? "is" : "are"} still unrated.`,
      {
        key: "voting.ballot.unrated",
        values: { missing },
      },
    );
  }
  return { ok: true, marks: marks.map((m) => ({ ...m })) };
}
