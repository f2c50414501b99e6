import { describe, expect, it } from "vitest";

import { checkBallot, type BallotMark, type RoundRules } from "~/server/voting/ballot-rules";

const [a, b, c, d] = ["p-a", "p-b", "p-c", "p-d"] as const;
const practiceIds = [a, b, c, d];

const dots = (dots = 3, maxDotsPerPractice = 2): RoundRules => ({
  method: "dots",
  practiceIds,
  dots,
  maxDotsPerPractice,
});
const approval: RoundRules = { method: "approval", practiceIds, dots: 0, maxDotsPerPractice: 0 };
const maturity: RoundRules = { method: "maturity", practiceIds, dots: 0, maxDotsPerPractice: 0 };

const mark = (
  practiceId: string,
  points: number,
  importance: number | null = null,
): BallotMark => ({
  practiceId,
  points,
  importance,
});

const refusal = (rules: RoundRules, marks: BallotMark[]) => {
  const result = checkBallot(rules, marks);
  if (result.ok) throw new Error(`expected a refusal, got ${JSON.stringify(result.marks)}`);
  return result.reason;
};

describe("every method", () => {
  it.each([
    ["dots", dots()],
    ["approval", approval],
    ["maturity", maturity],
  ] as const)("%s: refuses a practice that is not on the round's ballot", (_, rules) => {
    expect(refusal(rules, [mark("p-elsewhere", 1, 3)])).toBe(
      "That practice is not on this round's ballot.",
    );
  });

  it.each([
    ["dots", dots()],
    ["approval", approval],
    ["maturity", maturity],
  ] as const)("%s: refuses the same practice twice on one ballot", (_, rules) => {
    const importance = rules.method === "maturity" ? 3 : null;
    expect(refusal(rules, [mark(a, 1, importance), mark(a, 1, importance)])).toBe(
      "Each practice can appear only once on a ballot.",
    );
  });

  it("refuses fractional marks", () => {
    expect(refusal(dots(), [mark(a, 1.5)])).toBe("Marks are whole numbers.");
    expect(refusal(approval, [mark(a, 0.5)])).toBe("Marks are whole numbers.");
  });

  it("does not mutate the submitted marks", () => {
    const submitted = [mark(a, 2), mark(b, 0), mark(c, 1)];
    const copy = structuredClone(submitted);
    checkBallot(dots(), submitted);
    expect(submitted).toEqual(copy);
  });
});

describe("dot voting", () => {
  it("accepts a ballot that spends exactly the budget and drops practices without dots", () => {
    expect(checkBallot(dots(3, 2), [mark(a, 2), mark(b, 0), mark(c, 1)])).toEqual({
      ok: true,
      marks: [mark(a, 2), mark(c, 1)],
    });
  });

  it("accepts a ballot that leaves dots unspent", () => {
    expect(checkBallot(dots(3, 2), [mark(d, 1)])).toEqual({ ok: true, marks: [mark(d, 1)] });
  });

  it("refuses a ballot over the budget and says how many dots it spends", () => {
    expect(refusal(dots(3, 2), [mark(a, 2), mark(b, 2)])).toBe(
      "You have 3 dots; this ballot spends 4.",
    );
  });

  it("refuses more than the per-practice cap, even within the budget", () => {
    expect(refusal(dots(5, 2), [mark(a, 3)])).toBe("At most 2 dots on one practice.");
    expect(refusal(dots(5, 1), [mark(a, 2)])).toBe("At most 1 dot on one practice.");
  });

  it("refuses negative dots, which could otherwise buy dots for another practice", () => {
    expect(refusal(dots(3, 2), [mark(a, 2), mark(b, 2), mark(c, -1)])).toBe(
      "Dots can't be negative.",
    );
  });

  it("refuses an empty ballot and one with only zeros", () => {
    expect(refusal(dots(), [])).toBe("Place at least one dot.");
    expect(refusal(dots(), [mark(a, 0), mark(b, 0)])).toBe("Place at least one dot.");
  });

  it("refuses a rating on a dot vote", () => {
    expect(refusal(dots(), [mark(a, 1, 4)])).toBe("Dot votes carry no rating.");
  });
});

describe("approval", () => {
  it("keeps only the approved practices", () => {
    expect(checkBallot(approval, [mark(a, 1), mark(b, 0), mark(c, 1)])).toEqual({
      ok: true,
      marks: [mark(a, 1), mark(c, 1)],
    });
  });

  it("accepts approving nothing as a real answer with no marks", () => {
    expect(checkBallot(approval, [])).toEqual({ ok: true, marks: [] });
    expect(checkBallot(approval, [mark(a, 0), mark(b, 0)])).toEqual({ ok: true, marks: [] });
  });

  it("accepts approving every practice", () => {
    const all = practiceIds.map((id) => mark(id, 1));
    expect(checkBallot(approval, all)).toEqual({ ok: true, marks: all });
  });

  it.each([2, -1, 5])("refuses %i as an approval", (points) => {
    expect(refusal(approval, [mark(a, points)])).toBe("Approval is yes or no for each practice.");
  });

  it("refuses a rating on an approval", () => {
    expect(refusal(approval, [mark(a, 1, 3)])).toBe("Approvals carry no rating.");
  });
});

describe("maturity rating", () => {
  const everything = (today: number, importance: number) =>
    practiceIds.map((id) => mark(id, today, importance));

  it("accepts a rating of every practice at both ends of the scale", () => {
    const ballot = [mark(a, 1, 5), mark(b, 5, 1), mark(c, 3, 3), mark(d, 1, 1)];
    expect(checkBallot(maturity, ballot)).toEqual({ ok: true, marks: ballot });
  });

  it.each([
    ["today 0", 0, 3],
    ["today 6", 6, 3],
    ["importance 0", 3, 0],
    ["importance 6", 3, 6],
    ["a fractional importance", 3, 2.5],
  ])("refuses %s as out of range", (_, today, importance) => {
    const ballot = [...everything(3, 3).slice(1), mark(a, today, importance)];
    expect(refusal(maturity, ballot)).toBe(
      "Rate each practice from 1 to 5, for today and for importance.",
    );
  });

  it("refuses a mark without an importance rating", () => {
    const ballot = [...everything(3, 3).slice(1), mark(a, 3, null)];
    expect(refusal(maturity, ballot)).toBe(
      "Rate each practice from 1 to 5, for today and for importance.",
    );
  });

  it("refuses a ballot that leaves practices unrated and counts them", () => {
    expect(refusal(maturity, everything(3, 3).slice(0, 3))).toBe(
      "Rate every practice: 1 is still unrated.",
    );
    expect(refusal(maturity, everything(3, 3).slice(0, 1))).toBe(
      "Rate every practice: 3 are still unrated.",
    );
    expect(refusal(maturity, [])).toBe("Rate every practice: 4 are still unrated.");
  });

  it("only asks for the practices of a run-off round", () => {
    const runOff: RoundRules = { ...maturity, practiceIds: [b, d] };
    expect(checkBallot(runOff, [mark(b, 2, 4), mark(d, 4, 4)])).toEqual({
      ok: true,
      marks: [mark(b, 2, 4), mark(d, 4, 4)],
    });
    expect(refusal(runOff, [mark(a, 2, 4), mark(b, 2, 4)])).toBe(
      "That practice is not on this round's ballot.",
    );
  });
});
