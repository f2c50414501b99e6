import type { BoardStatus } from "~/server/actions/inputs";

/** The board's columns, in order, with what each says when it is empty. */
export const columns: { status: BoardStatus; label: string; empty: string }[] = [
  { status: "todo", label: "To do", empty: "Nothing waiting to be started." },
  { status: "doing", label: "Doing", empty: "Nothing in progress." },
  { status: "done", label: "Done", empty: "Nothing finished yet." },
  { status: "dropped", label: "Dropped", empty: "Nothing dropped." },
];

export const statusLabel: Record<string, string> = {
  proposed: "Proposed",
  todo: "To do",
  doing: "Doing",
  done: "Done",
  dropped: "Dropped",
};

// Due dates are calendar days (YYYY-MM-DD, in UTC like the server's "today"); a fixed language
// and zone give the server render and the browser the same text.
const dayFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "UTC" });

export function formatDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? day : dayFormat.format(date);
}
