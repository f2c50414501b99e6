import { useFormatter, useTranslations } from "next-intl";

import type { BoardStatus } from "~/server/actions/inputs";

/**
 * The board's columns, in order. A column's name is `teams.board.status.<status>` and what it
 * says when empty `teams.board.empty.<status>`.
 */
export const columns: { status: BoardStatus }[] = [
  { status: "todo" },
  { status: "doing" },
  { status: "done" },
  { status: "dropped" },
];

const statuses = new Set(["proposed", "todo", "doing", "done", "dropped"]);
type Status = "proposed" | BoardStatus;
const isStatus = (value: string): value is Status => statuses.has(value);

/**
 * The board's words that depend on data: a status's name (an unknown one as it is) and a due
 * date. Due dates are calendar days (YYYY-MM-DD, in UTC like the server's "today"); the fixed
 * zone gives the server render and the browser the same text, in the reader's language.
 */
export function useBoardWords() {
  const t = useTranslations("teams.board");
  const format = useFormatter();
  return {
    statusLabel: (status: string) => (isStatus(status) ? t(`status.${status}`) : status),
    formatDay: (day: string) => {
      const date = new Date(`${day}T00:00:00Z`);
      return Number.isNaN(date.getTime())
        ? day
        : format.dateTime(date, { dateStyle: "medium", timeZone: "UTC" });
    },
  };
}

export type BoardWords = ReturnType<typeof useBoardWords>;
