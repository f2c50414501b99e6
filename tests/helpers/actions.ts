import { eq } from "drizzle-orm";

import { actionEvents, actions } from "~/db/schema";

import { as, database, freshSession, home, practices } from "./voting";

/**
 * Arrangement shared by the follow-through integration tests: works inside the voting world
 * (`setUpVotingWorld()` must be called by the test file).
 */

/** A live session of the home team in the actions stage, with two adopted practices and guests. */
export async function sessionInActionsStage(guestCount = 2) {
  const fresh = await freshSession("results", guestCount);
  for (const practiceId of practices.slice(0, 2)) {
    await fresh.facilitator.voting.adopt({ sessionId: fresh.sessionId, practiceId, adopted: true });
  }
  await fresh.facilitator.session.stage({
    sessionId: fresh.sessionId,
    command: { type: "goto", stage: "actions" },
  });
  return { ...fresh, adopted: practices.slice(0, 2) as [string, string] };
}

/** A guest's proposal, kept by the facilitator with an owner: a card on the board. */
export async function keptAction(
  live: Awaited<ReturnType<typeof sessionInActionsStage>>,
  title: string,
  ownerId: string = home.member.id,
) {
  const { id } = await live.guests[0]!.caller.action.propose({
    sessionId: live.sessionId,
    practiceId: live.adopted[0],
    title,
  });
  await as(home.facilitator).action.update({
    sessionId: live.sessionId,
    actionId: id,
    patch: { status: "todo", ownerId, dueOn: "2026-12-01" },
  });
  return id;
}

export async function actionRow(actionId: string) {
  const [row] = await database.db.select().from(actions).where(eq(actions.id, actionId));
  return row!;
}

export async function historyKinds(actionId: string) {
  const rows = await database.db
    .select({ kind: actionEvents.kind })
    .from(actionEvents)
    .where(eq(actionEvents.actionId, actionId))
    .orderBy(actionEvents.createdAt, actionEvents.id);
  return rows.map((row) => row.kind);
}
