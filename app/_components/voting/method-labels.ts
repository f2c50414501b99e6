import type { VotingMethod } from "~/db/schema/stage-list";

export const methodLabels: Record<VotingMethod, string> = {
  dots: "Dot voting",
  approval: "Approval",
  maturity: "Maturity rating",
};

/** One sentence telling the room how to vote, shown on phones and the big screen. */
export function methodInstructions(round: {
  method: VotingMethod;
  dots: number;
  maxDotsPerPractice: number;
}) {
  switch (round.method) {
    case "dots":
      return `Spread ${round.dots} dots over the practices you want most, at most ${round.maxDotsPerPractice} on one.`;
    case "approval":
      return "Say yes to every practice you would adopt.";
    case "maturity":
      return "Rate each practice 1–5: how well we do it today, and how important it is for us.";
  }
}

/** "1" or "=1" for a rank shared by a tie. */
export function rankLabel(row: { rank: number; tied: boolean }) {
  return row.tied ? `=${row.rank}` : String(row.rank);
}

const oneDecimal = new Intl.NumberFormat("en", {
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});

export function formatAverage(value: number | null) {
  return value === null ? "–" : oneDecimal.format(value);
}

export function formatGap(value: number | null) {
  if (value === null) return "–";
  const text = oneDecimal.format(Math.abs(value));
  return value > 0 ? `+${text}` : value < 0 ? `−${text}` : text;
}
