import "server-only";

import { sql } from "drizzle-orm";

import type { Database } from "~/db";

/**
 * Moves everything a session recorded back in time by whole days, as if it had been held then:
 * the session, its people, rounds, ballots, decisions, notes and upvotes, events and the actions it made
 * (with their history and review decisions). Demo data only; nothing in the app moves time.
 */
export async function shiftSessionBack(db: Database, sessionId: string, days: number) {
  const by = sql`make_interval(days => ${days})`;
  const id = sql`${sessionId}::uuid`;
  await db.transaction(async (tx) => {
    await tx.execute(
      sql`update sessions set created_at = created_at - ${by}, ended_at = ended_at - ${by} where id = ${id}`,
    );
    await tx.execute(
      sql`update participants set joined_at = joined_at - ${by}, last_seen_at = last_seen_at - ${by} where session_id = ${id}`,
    );
    await tx.execute(
      sql`update voting_rounds set opened_at = opened_at - ${by}, closed_at = closed_at - ${by}, revealed_at = revealed_at - ${by} where session_id = ${id}`,
    );
    await tx.execute(
      sql`update ballots set cast_at = cast_at - ${by}, updated_at = updated_at - ${by} where round_id in (select id from voting_rounds where session_id = ${id})`,
    );
    await tx.execute(
      sql`update adopted_practices set adopted_at = adopted_at - ${by} where session_id = ${id}`,
    );
    await tx.execute(
      sql`update notes set created_at = created_at - ${by} where session_id = ${id}`,
    );
    await tx.execute(
      sql`update note_upvotes set created_at = created_at - ${by} where note_id in (select id from notes where session_id = ${id})`,
    );
    await tx.execute(
      sql`update session_events set created_at = created_at - ${by} where session_id = ${id}`,
    );
    await tx.execute(
      sql`update action_events set created_at = created_at - ${by} where action_id in (select id from actions where session_id = ${id}) or id in (select e.id from action_events e join action_reviews r on r.action_id = e.action_id and e.kind = 'reviewed' where r.session_id = ${id})`,
    );
    await tx.execute(
      sql`update actions set created_at = created_at - ${by}, updated_at = updated_at - ${by}, completed_at = completed_at - ${by} where session_id = ${id}`,
    );
    // Actions of earlier sessions that this session's review closed changed on this day too.
    await tx.execute(
      sql`update actions set updated_at = updated_at - ${by}, completed_at = completed_at - ${by} where id in (select action_id from action_reviews where session_id = ${id})`,
    );
    await tx.execute(
      sql`update action_reviews set reviewed_at = reviewed_at - ${by} where session_id = ${id}`,
    );
  });
}

/**
 * Moves one actor's audit entries back by whole days: the demo admin's setup, done before the
 * workshops. Only theirs, so a real install's log keeps its own times.
 */
export async function shiftAuditBack(db: Database, actorId: string, days: number) {
  await db.execute(
    sql`update audit_log set created_at = created_at - make_interval(days => ${days}) where actor_id = ${actorId}::uuid`,
  );
}
