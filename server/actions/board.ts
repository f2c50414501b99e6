import "server-only";

import { and, asc, desc, eq, isNull, sql, type SQL } from "drizzle-orm";

import type { Database } from "~/db";
import { actions, sessions, users } from "~/db/schema";

import type { ActionActor } from "./history";
import { changedFields, recordActionEvent } from "./history";
import { everKeptSql } from "./kept";
import type { BoardStatus } from "./inputs";
import { ActionRuleError, assertTeamMember } from "./rules";

/**
 * A practice's title as its latest published wording has it (it keeps its identity across
 * edits). Written with explicit aliases: Drizzle leaves columns unqualified in single-table
 * selects, which would make the correlation ambiguous.
 */
export const practiceTitleSql = sql<string | null>`(
  select pv.title from practice_versions pv
  inner join essay_versions ev on ev.id = pv.version_id
  where pv.practice_id = "actions"."practice_id"
  order by ev.number desc limit 1)`;

export interface BoardFilters {
  ownerId?: string | null;
  practiceId?: string | null;
  sessionId?: string | null;
}

/** On the board: what the team agreed to (proposals the session declined never reach it). */
const onBoard = and(sql`${actions.status} <> 'proposed'`, everKeptSql)!;

/** The team's board: every kept action (merged duplicates are gone), scoped to the team. */
export async function boardActions(db: Database, teamId: string, filters: BoardFilters = {}) {
  const conditions: SQL[] = [eq(actions.teamId, teamId), onBoard, isNull(actions.mergedIntoId)];
  if (filters.ownerId) conditions.push(eq(actions.ownerId, filters.ownerId));
  if (filters.practiceId) conditions.push(eq(actions.practiceId, filters.practiceId));
  if (filters.sessionId) conditions.push(eq(actions.sessionId, filters.sessionId));
  return (
    db
      .select({
        id: actions.id,
        title: actions.title,
        details: actions.details,
        status: actions.status,
        ownerId: actions.ownerId,
        ownerName: users.name,
        dueOn: actions.dueOn,
        practiceId: actions.practiceId,
        practiceTitle: practiceTitleSql,
        sessionId: actions.sessionId,
        sessionTitle: sessions.title,
        createdAt: actions.createdAt,
        updatedAt: actions.updatedAt,
        completedAt: actions.completedAt,
      })
      .from(actions)
      .leftJoin(users, eq(users.id, actions.ownerId))
      .leftJoin(sessions, eq(sessions.id, actions.sessionId))
      .where(and(...conditions))
      // Soonest due first within a column; undated last; then oldest first.
      .orderBy(sql`${actions.dueOn} asc nulls last`, asc(actions.createdAt), asc(actions.id))
  );
}

/** What the board's filters offer: owners, practices and sessions that have actions. */
export async function boardFilterOptions(db: Database, teamId: string) {
  const scope = and(eq(actions.teamId, teamId), onBoard, isNull(actions.mergedIntoId));
  const [owners, practiceRows, sessionRows] = await Promise.all([
    db
      .selectDistinct({ id: users.id, name: users.name })
      .from(actions)
      .innerJoin(users, eq(users.id, actions.ownerId))
      .where(scope)
      .orderBy(asc(users.name), asc(users.id)),
    db
      .selectDistinct({ id: sql<string>`${actions.practiceId}`, title: practiceTitleSql })
      .from(actions)
      .where(and(scope, sql`${actions.practiceId} is not null`)),
    db
      .selectDistinct({ id: sessions.id, title: sessions.title, createdAt: sessions.createdAt })
      .from(actions)
      .innerJoin(sessions, eq(sessions.id, actions.sessionId))
      .where(scope)
      .orderBy(desc(sessions.createdAt)),
  ]);
  return {
    owners,
    practices: practiceRows
      .map((row) => ({ id: row.id, title: row.title ?? "Untitled practice" }))
      .sort((a, b) => a.title.localeCompare(b.title)),
    sessions: sessionRows,
  };
}

/** One action of the team, locked for change; proposals and merged duplicates aren't on the board. */
async function lockBoardAction(tx: Database, teamId: string, actionId: string) {
  const [action] = await tx
    .select()
    .from(actions)
    .where(and(eq(actions.id, actionId), eq(actions.teamId, teamId), onBoard))
    .for("update");
  if (!action || action.mergedIntoId) {
    throw new ActionRuleError({ key: "actions.notOnBoard" }, "NOT_FOUND");
  }
  return action;
}

/** What moving to a column changes: done gets a completion time, leaving done clears it. */
export function statusChange(status: BoardStatus, now: Date) {
  return { status, completedAt: status === "done" ? now : null };
}

/** Moves an action to another column; moving it where it already is changes nothing. */
export async function moveAction(
  db: Database,
  teamId: string,
  actor: ActionActor,
  actionId: string,
  status: BoardStatus,
) {
  return db.transaction(async (tx) => {
    const action = await lockBoardAction(tx, teamId, actionId);
    if (action.status === status) return { changed: false };
    const now = new Date();
    const next = statusChange(status, now);
    await tx
      .update(actions)
      .set({ ...next, updatedAt: now })
      .where(eq(actions.id, action.id));
    await recordActionEvent(tx, {
      actionId: action.id,
      actor,
      kind: "moved",
      changes: { status: [action.status, status] },
    });
    return { changed: true };
  });
}

export interface ActionEdit {
  title?: string;
  details?: string | null;
  ownerId?: string | null;
  dueOn?: string | null;
}

/** Edits wording, owner or due date; only fields that really change are written and recorded. */
export async function editAction(
  db: Database,
  teamId: string,
  actor: ActionActor,
  actionId: string,
  edit: ActionEdit,
) {
  if (edit.ownerId) await assertTeamMember(db, teamId, edit.ownerId);
  return db.transaction(async (tx) => {
    const action = await lockBoardAction(tx, teamId, actionId);
    const changes = changedFields(action, edit);
    if (Object.keys(changes).length === 0) return { changed: false };
    await tx
      .update(actions)
      .set({ ...edit, updatedAt: new Date() })
      .where(eq(actions.id, action.id));
    await recordActionEvent(tx, { actionId: action.id, actor, kind: "edited", changes });
    return { changed: true };
  });
}
