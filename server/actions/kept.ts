import "server-only";

import { sql } from "drizzle-orm";

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
