import "server-only";

import { and, eq } from "drizzle-orm";

import type { Database } from "~/db";
import { adoptedPractices, teamMemberships } from "~/db/schema";

import { LocalizedError } from "../i18n/localized-error";
import type { ServerText } from "../i18n/server-text";

/** A refused change to an action, with a sentence for people; asTRPC maps the code. */
export class ActionRuleError extends LocalizedError {
  constructor(
    text: ServerText,
    readonly code: "BAD_REQUEST" | "CONFLICT" | "NOT_FOUND" = "BAD_REQUEST",
  ) {
    super(text);
  }
}

/** Owners are people of the team: an action can't be handed to someone outside it. */
export async function assertTeamMember(db: Database, teamId: string, userId: string) {
  const [row] = await db
    .select({ userId: teamMemberships.userId })
    .from(teamMemberships)
    .where(and(eq(teamMemberships.teamId, teamId), eq(teamMemberships.userId, userId)));
  if (!row) throw new ActionRuleError({ key: "actions.ownerNotMember" });
}

/** Actions serve practices the session adopted. */
export async function assertAdoptedInSession(db: Database, sessionId: string, practiceId: string) {
  const [row] = await db
    .select({ id: adoptedPractices.id })
    .from(adoptedPractices)
    .where(
      and(eq(adoptedPractices.sessionId, sessionId), eq(adoptedPractices.practiceId, practiceId)),
    );
  if (!row) throw new ActionRuleError({ key: "actions.notAdopted" });
}
