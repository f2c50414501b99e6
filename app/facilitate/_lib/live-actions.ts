import type { RoomSnapshot } from "~/server/sessions/snapshot";

/*
 * Plain helpers for the actions and review stages, shared by the console, the big screen and
 * the phones. The phone bundle imports this file, so it stays free of libraries.
 */

export type LiveAction = RoomSnapshot["actions"][number];
export type ReviewItem = RoomSnapshot["review"][number];
export type ReviewOutcome = NonNullable<ReviewItem["outcome"]>;

interface PracticeRef {
  id: string;
  title: string;
}

export interface ActionGroup {
  practice: PracticeRef;
  actions: LiveAction[];
}

/** Kept means on its way to the board: anything but a proposal or a dropped one. */
export function isKept(action: LiveAction) {
  return action.status !== "proposed" && action.status !== "dropped";
}

/** What to call a group whose practice isn't adopted or known, in the reader's language. */
export interface GroupNames {
  /** An action whose practice was un-adopted since, e.g. "Another practice". */
  another: string;
  /** Actions without a practice, e.g. "No practice". */
  none: string;
}

/**
 * The session's actions under the adopted practices they serve, in the order the practices were
 * adopted. An action whose practice was un-adopted since still shows, under its own title; one
 * without a practice under "" (no practice).
 */
export function groupActions(
  adoptedPracticeIds: readonly string[],
  practices: readonly PracticeRef[],
  actions: readonly LiveAction[],
  names: GroupNames,
): ActionGroup[] {
  const titles = new Map(practices.map((p) => [p.id, p.title]));
  const ids = [...adoptedPracticeIds];
  for (const action of actions) {
    const id = action.practiceId ?? "";
    if (!ids.includes(id)) ids.push(id);
  }
  return ids.map((id) => ({
    practice: { id, title: titles.get(id) ?? (id ? names.another : names.none) },
    actions: actions.filter((action) => (action.practiceId ?? "") === id),
  }));
}

export function actionCounts(actions: readonly LiveAction[]) {
  let proposed = 0;
  let kept = 0;
  let dropped = 0;
  for (const action of actions) {
    if (action.status === "proposed") proposed++;
    else if (action.status === "dropped") dropped++;
    else kept++;
  }
  return { proposed, kept, dropped };
}

/**
 * How a due day reads: "Fri, Dec 4" in English. Pass it to next-intl's `format.dateTime` with the
 * day from `dueDay`; the day is midnight UTC and formatted in UTC, so it never shifts by time zone.
 */
export const dueDayFormat = {
  weekday: "short",
  day: "numeric",
  month: "short",
  timeZone: "UTC",
} as const satisfies Intl.DateTimeFormatOptions;

/** A due day (YYYY-MM-DD) as midnight UTC, or null when it isn't a day. */
export function dueDay(dueOn: string): Date | null {
  const date = new Date(`${dueOn}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** The words of an owner-and-due line, in the reader's language. */
export interface OwnerDueWords {
  /** When nobody owns the action, e.g. "No owner yet". */
  noOwner: string;
  /** The owner (or `noOwner`) and the formatted due day, e.g. "Lin · due Fri, Dec 4". */
  withDue: (owner: string, due: string) => string;
  /** Formats a due day: `(day) => format.dateTime(day, dueDayFormat)`. */
  formatDay: (day: Date) => string;
}

/** "Lin · due Fri, Dec 4", "No owner yet", as one line under an action. */
export function ownerAndDue(
  action: { ownerName: string | null; dueOn: string | null },
  words: OwnerDueWords,
) {
  const owner = action.ownerName ?? words.noOwner;
  if (!action.dueOn) return owner;
  const day = dueDay(action.dueOn);
  return words.withDue(owner, day ? words.formatDay(day) : action.dueOn);
}

/** The outcomes of a review, in the order they are offered; their words live in the messages. */
export const reviewOutcomes = [
  "done",
  "carried",
  "dropped",
] as const satisfies readonly ReviewOutcome[];

export function reviewProgress(items: readonly ReviewItem[]) {
  return { reviewed: items.filter((item) => item.outcome !== null).length, total: items.length };
}

interface ZodErrorData {
  formErrors?: string[];
  fieldErrors?: Record<string, string[] | undefined>;
}

/**
 * The sentence of a failed call for people: a refused input says only what to fix, without the
 * field path the server prefixes ("patch.title: …") for developers. `fallback` is the reader's
 * sentence for a failure without a message, e.g. "That didn't work. Check your connection and try
 * again."
 */
export function readableError(error: unknown, fallback: string) {
  if (!(error instanceof Error) || !error.message) return fallback;
  const zod = (error as { data?: { zodError?: ZodErrorData | null } }).data?.zodError;
  const sentences = zod
    ? [...(zod.formErrors ?? []), ...Object.values(zod.fieldErrors ?? {}).flatMap((m) => m ?? [])]
    : [];
  return sentences.length > 0 ? [...new Set(sentences)].join(" ") : error.message;
}
