import type { VotingMethod } from "~/db/schema/stage-list";

import type { CommonTranslator } from "../translator";

/** The message key of each method's name (`common.methods.<method>.label`). */
export const methodLabelKeys = {
  dots: "methods.dots.label",
  approval: "methods.approval.label",
  maturity: "methods.maturity.label",
} as const satisfies Record<VotingMethod, string>;

/** A voting method's name: `methodLabel(t, "dots")` is "Dot voting". */
export function methodLabel(t: CommonTranslator, method: VotingMethod) {
  return t(methodLabelKeys[method]);
}

/** One sentence telling the room how to vote, shown on phones and the big screen. */
export function methodInstructions(
  t: CommonTranslator,
  round: { method: VotingMethod; dots: number; maxDotsPerPractice: number },
) {
  switch (round.method) {
    case "dots":
      return t("methods.dots.instructions", {
        dots: round.dots,
        maxDotsPerPractice: round.maxDotsPerPractice,
      });
    case "approval":
      return t("methods.approval.instructions");
    case "maturity":
      return t("methods.maturity.instructions");
  }
}

/**
 * "1" or "=1" for a rank shared by a tie: the Markdown summary's ranks. Charts show a plain number
 * with a translated "tied" beside it instead (`common.chart.rankTied`).
 */
export function rankLabel(row: { rank: number; tied: boolean }) {
  return row.tied ? `=${row.rank}` : String(row.rank);
}

const oneDecimal = new Map<string, Intl.NumberFormat>();

/** 3.5 in English, 3,5 in Spanish: averages always show one decimal. */
function formatOneDecimal(value: number, locale: string) {
  let format = oneDecimal.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    oneDecimal.set(locale, format);
  }
  return format.format(value);
}

/** An average rating with one decimal in the reader's language (`useLocale()` / `getLocale()`). */
export function formatAverage(value: number | null, locale: string) {
  return value === null ? "–" : formatOneDecimal(value, locale);
}

/** A signed difference of averages: "+1.5", "−0.5", "0.0". */
export function formatGap(value: number | null, locale: string) {
  if (value === null) return "–";
  const text = formatOneDecimal(Math.abs(value), locale);
  return value > 0 ? `+${text}` : value < 0 ? `−${text}` : text;
}
