import "server-only";

import { desc, eq, inArray, sql } from "drizzle-orm";

import type { Database } from "~/db";
import { essayVersions, practiceVersions } from "~/db/schema";

/**
 * An action the team agreed to: it reached the board (kept in its session, or written there by
 * the facilitator), whatever happened to it since. A proposal the session declined was never
 * promised, so it counts neither as kept nor as dropped follow-through. Names are written out
 * qualified: Drizzle leaves columns unqualified in single-table selects, and inside the
 * subquery an unqualified "id" would be the event's own.
 */
export const everKeptSql = sql<boolean>`("actions"."status" in ('todo', 'doing', 'done') or exists (
  select 1 from action_events kept_event
  where kept_event.action_id = "actions"."id" and kept_event.kind in ('kept', 'created')))`;

/** The latest published wording of some practices, with its position there (for ordering). */
export async function latestPracticeWording(db: Database, practiceIds: readonly string[]) {
  if (practiceIds.length === 0) return [];
  return db
    .selectDistinctOn([practiceVersions.practiceId], {
      practiceId: practiceVersions.practiceId,
      title: practiceVersions.title,
      position: practiceVersions.position,
    })
    .from(practiceVersions)
    .innerJoin(essayVersions, eq(essayVersions.id, practiceVersions.versionId))
    .where(inArray(practiceVersions.practiceId, [...practiceIds]))
    .orderBy(practiceVersions.practiceId, desc(essayVersions.number));
}
