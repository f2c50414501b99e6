import "server-only";

import { and, asc, count, eq, isNull, sql } from "drizzle-orm";

import type { Database } from "~/db";
import { actions, participants, users, type sessions } from "~/db/schema";

import { SessionRuleError } from "../sessions/commands";
import { recordActionEvent, changedFields } from "./history";
import { ActionRuleError, assertAdoptedInSession, assertTeamMember } from "./rules";

type Session = typeof sessions.$inferSelect;
type Participant = typeof participants.$inferSelect;

/** Enough for a lively room; a phone stuck on repeat can't flood the facilitator's list. */
export const proposalsPerParticipant = 20;

function assertActionsStage(session: Session) {
  if (session.endedAt) throw new SessionRuleError({ key: "sessions.ended" });
  if (session.stage !== "actions") {
    throw new SessionRuleError({ key: "actions.actionsStageClosed" });
  }
}

/** A phone proposes an action under one of the practices the session adopted. */
export async function proposeAction(
  db: Database,
  session: Session,
  author: Participant,
  input: { practiceId: string; title: string },
) {
  assertActionsStage(session);
  await assertAdoptedInSession(db, session.id, input.practiceId);
  return db.transaction(async (tx) => {
    // Serializes one participant's proposals so the cap holds under double taps.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`propose:${author.id}`}))`);
    const [row] = await tx
      .select({ proposals: count() })
      .from(actions)
      .where(eq(actions.proposedByParticipantId, author.id));
    if ((row?.proposals ?? 0) >= proposalsPerParticipant) {
      throw new SessionRuleError({
        key: "actions.proposalCap",
        values: { count: proposalsPerParticipant },
      });
    }
    const [action] = await tx
      .insert(actions)
      .values({
        teamId: session.teamId,
        sessionId: session.id,
        practiceId: input.practiceId,
        title: input.title,
        status: "proposed",
        proposedByParticipantId: author.id,
      })
      .returning({ id: actions.id });
    await recordActionEvent(tx, {
      actionId: action!.id,
      actor: { participantId: author.id },
      kind: "proposed",
      changes: { title: [null, input.title], practiceId: [null, input.practiceId] },
    });
    return action!;
  });
}

/** The facilitator writes an action straight onto the list (kept: it goes to the board). */
export async function createSessionAction(
  db: Database,
  session: Session,
  userId: string,
  input: { practiceId: string; title: string; ownerId?: string | null; dueOn?: string | null },
) {
  assertActionsStage(session);
  await assertAdoptedInSession(db, session.id, input.practiceId);
  if (input.ownerId) await assertTeamMember(db, session.teamId, input.ownerId);
  return db.transaction(async (tx) => {
    const [action] = await tx
      .insert(actions)
      .values({
        teamId: session.teamId,
        sessionId: session.id,
        practiceId: input.practiceId,
        title: input.title,
        status: "todo",
        ownerId: input.ownerId ?? null,
        dueOn: input.dueOn ?? null,
      })
      .returning({ id: actions.id });
    await recordActionEvent(tx, {
      actionId: action!.id,
      actor: { userId },
      kind: "created",
      changes: changedFields(
        {},
        {
          title: input.title,
          practiceId: input.practiceId,
          status: "todo",
          ownerId: input.ownerId ?? undefined,
          dueOn: input.dueOn ?? undefined,
        },
      ),
    });
    return action!;
  });
}

export interface SessionActionPatch {
  title?: string;
  ownerId?: string | null;
  dueOn?: string | null;
  practiceId?: string;
  /** Keep (to do, onto the board), drop, or send back to the proposals. */
  status?: "proposed" | "todo" | "dropped";
}

/** Loads an action of this session for change, locking its row for the transaction. */
async function lockSessionAction(tx: Database, session: Session, actionId: string) {
  const [action] = await tx
    .select()
    .from(actions)
    .where(and(eq(actions.id, actionId), eq(actions.sessionId, session.id)))
    .for("update");
  if (!action) throw new ActionRuleError({ key: "actions.notInSession" }, "NOT_FOUND");
  if (action.mergedIntoId) {
    throw new ActionRuleError({ key: "actions.merged" }, "CONFLICT");
  }
  return action;
}

/**
 * The facilitator edits a proposed or kept action of the session: wording, owner, due date, the
 * practice it serves, and whether it is kept. Once the session has ended, the board takes over.
 */
export async function updateSessionAction(
  db: Database,
  session: Session,
  userId: string,
  actionId: string,
  patch: SessionActionPatch,
) {
  if (session.endedAt) throw new SessionRuleError({ key: "actions.endedEditOnBoard" });
  if (session.stage !== "actions" && session.stage !== "wrapup") {
    throw new SessionRuleError({ key: "actions.editInActionsStage" });
  }
  if (patch.practiceId) await assertAdoptedInSession(db, session.id, patch.practiceId);
  if (patch.ownerId) await assertTeamMember(db, session.teamId, patch.ownerId);
  return db.transaction(async (tx) => {
    const action = await lockSessionAction(tx, session, actionId);
    if (patch.status && (action.status === "doing" || action.status === "done")) {
      throw new ActionRuleError({ key: "actions.movedOnBoard" }, "CONFLICT");
    }
    const changes = changedFields(action, patch);
    if (Object.keys(changes).length === 0) return { changed: false };
    await tx
      .update(actions)
      .set({ ...patch, updatedAt: new Date() })
      .where(eq(actions.id, action.id));
    const kind =
      patch.status && changes.status
        ? patch.status === "todo"
          ? "kept"
          : patch.status === "dropped"
            ? "dropped"
            : "edited"
        : "edited";
    await recordActionEvent(tx, { actionId: action.id, actor: { userId }, kind, changes });
    return { changed: true };
  });
}

/**
 * Merges a duplicate into the action it repeats: the duplicate is dropped and points at the
 * one kept, and both histories say so.
 */
export async function mergeSessionActions(
  db: Database,
  session: Session,
  userId: string,
  duplicateId: string,
  intoId: string,
) {
  if (session.endedAt) throw new SessionRuleError({ key: "sessions.ended" });
  if (duplicateId === intoId) throw new ActionRuleError({ key: "actions.mergeIntoItself" });
  return db.transaction(async (tx) => {
    // Locked in id order, so two merges of the same pair in opposite directions can't deadlock.
    const [first, second] = [duplicateId, intoId].sort();
    const locked = new Map([
      [first!, await lockSessionAction(tx, session, first!)],
      [second!, await lockSessionAction(tx, session, second!)],
    ]);
    const duplicate = locked.get(duplicateId)!;
    const into = locked.get(intoId)!;
    if (into.status === "dropped") {
      throw new ActionRuleError({ key: "actions.mergeIntoListed" }, "CONFLICT");
    }
    await tx
      .update(actions)
      .set({ status: "dropped", mergedIntoId: into.id, updatedAt: new Date() })
      .where(eq(actions.id, duplicate.id));
    await recordActionEvent(tx, {
      actionId: duplicate.id,
      actor: { userId },
      kind: "merged",
      changes: { status: [duplicate.status, "dropped"], mergedInto: [null, into.title] },
    });
    await recordActionEvent(tx, {
      actionId: into.id,
      actor: { userId },
      kind: "merged-in",
      changes: { duplicate: [null, duplicate.title] },
    });
  });
}

/**
 * The session's actions as every screen in the room shows them: proposals and kept actions
 * with their owners and dates; merged duplicates are gone, dropped ones are marked.
 */
export async function sessionActionList(db: Database, sessionId: string) {
  return db
    .select({
      id: actions.id,
      practiceId: actions.practiceId,
      title: actions.title,
      status: actions.status,
      ownerId: actions.ownerId,
      ownerName: users.name,
      dueOn: actions.dueOn,
      proposedBy: participants.displayName,
    })
    .from(actions)
    .leftJoin(users, eq(users.id, actions.ownerId))
    .leftJoin(participants, eq(participants.id, actions.proposedByParticipantId))
    .where(and(eq(actions.sessionId, sessionId), isNull(actions.mergedIntoId)))
    .orderBy(asc(actions.createdAt), asc(actions.id));
}

export type SessionActionItem = Awaited<ReturnType<typeof sessionActionList>>[number];
