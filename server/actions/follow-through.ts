/**
 * Follow-through statistics of a team's actions, as pure functions of the actions and today's
 * date (a calendar day, YYYY-MM-DD, in the team's time zone as the caller decides).
 */
export interface FollowThroughAction {
  status: "proposed" | "todo" | "doing" | "done" | "dropped";
  /** YYYY-MM-DD, or null when no due date was set. */
  dueOn: string | null;
  completedAt: Date | null;
}

export type FollowThroughKind = "doneOnTime" | "doneLate" | "open" | "overdue" | "dropped";

export type FollowThrough = Record<FollowThroughKind, number>;

/** Calendar day of a moment in UTC; the board and the feed speak in UTC days. */
export function dayOf(moment: Date): string {
  return moment.toISOString().slice(0, 10);
}

/** Open and past its due date: due yesterday or earlier. Due today is not yet overdue. */
export function isOverdue(action: FollowThroughAction, today: string) {
  return (
    (action.status === "todo" || action.status === "doing") &&
    action.dueOn !== null &&
    action.dueOn < today
  );
}

/**
 * Which bucket an action counts in, or null for proposals that never reached the board. Done
 * without a due date counts as on time (nothing was promised); done on the due day is on time.
 */
export function followThroughKind(
  action: FollowThroughAction,
  today: string,
): FollowThroughKind | null {
  switch (action.status) {
    case "proposed":
      return null;
    case "dropped":
      return "dropped";
    case "done": {
      if (!action.dueOn || !action.completedAt) return "doneOnTime";
      return dayOf(action.completedAt) <= action.dueOn ? "doneOnTime" : "doneLate";
    }
    case "todo":
    case "doing":
      return isOverdue(action, today) ? "overdue" : "open";
  }
}

export function followThrough(
  actions: readonly FollowThroughAction[],
  today: string,
): FollowThrough {
  const counts: FollowThrough = { doneOnTime: 0, doneLate: 0, open: 0, overdue: 0, dropped: 0 };
  for (const action of actions) {
    const kind = followThroughKind(action, today);
    if (kind) counts[kind]++;
  }
  return counts;
}
