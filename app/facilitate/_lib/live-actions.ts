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

/**
 * The session's actions under the adopted practices they serve, in the order the practices were
 * adopted. An action whose practice was un-adopted since still shows, under its own title; one
 * without a practice under "" (no practice).
 */
export function groupActions(
  adoptedPracticeIds: readonly string[],
  practices: readonly PracticeRef[],
  actions: readonly LiveAction[],
): ActionGroup[] {
  const titles = new Map(practices.map((p) => [p.id, p.title]));
  const ids = [...adoptedPracticeIds];
  for (const action of actions) {
    const id = action.practiceId ?? "";
    if (!ids.includes(id)) ids.push(id);
  }
  return ids.map((id) => ({
    practice: { id, title: titles.get(id) ?? (id ? "Another practice" : "No practice") },
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

// One fixed language, like the rest of the UI, so a server render and the phone's agree.
const dayFormat = new Intl.DateTimeFormat("en", {
  weekday: "short",
  day: "numeric",
  month: "short",
  timeZone: "UTC",
});

/** A due day (YYYY-MM-DD) in the reader's language; the day itself never shifts by time zone. */
export function formatDueOn(dueOn: string) {
  const date = new Date(`${dueOn}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? dueOn : dayFormat.format(date);
}

/** "Lin · due Fri, Dec 4", "No owner yet", as one line under an action. */
export function ownerAndDue(action: { ownerName: string | null; dueOn: string | null }) {
  const owner = action.ownerName ?? "No owner yet";
  return action.dueOn ? `${owner} · due ${formatDueOn(action.dueOn)}` : owner;
}

export const outcomeLabels: Record<ReviewOutcome, string> = {
  done: "Done",
  carried: "Carried over",
  dropped: "Dropped",
};

export function reviewProgress(items: readonly ReviewItem[]) {
  return { reviewed: items.filter((item) => item.outcome !== null).length, total: items.length };
}

interface ZodErrorData {
  formErrors?: string[];
  fieldErrors?: Record<string, string[] | undefined>;
}

/**
 * The sentence of a failed call for people: a refused input says only what to fix, without the
 * field path the server prefixes ("patch.title: …") for developers.
 */
export function readableError(error: unknown) {
  if (!(error instanceof Error) || !error.message) {
    return "That didn't work. Check your connection and try again.";
  }
  const zod = (error as { data?: { zodError?: ZodErrorData | null } }).data?.zodError;
  const sentences = zod
    ? [...(zod.formErrors ?? []), ...Object.values(zod.fieldErrors ?? {}).flatMap((m) => m ?? [])]
    : [];
  return sentences.length > 0 ? [...new Set(sentences)].join(" ") : error.message;
}
