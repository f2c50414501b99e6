import "server-only";

import { sql } from "drizzle-orm";

import type { Database } from "~/db";

/**
 * Dates the board work of the week after a workshop: each action's moves are placed the given
 * number of days after the workshop (held `workshopDaysAgo` days ago), in the order they were made.
 */
export async function backdateBoardWork(
  db: Database,
  daysAfterWorkshop: Record<string, number>,
  workshopDaysAgo: number,
) {
  for (const [actionId, days] of Object.entries(daysAfterWorkshop)) {
    const back = sql`make_interval(days => ${workshopDaysAgo - days})`;
    const id = sql`${actionId}::uuid`;
    await db.execute(
      sql`update action_events set created_at = created_at - ${back} where action_id = ${id} and kind = 'moved'`,
    );
    await db.execute(
      sql`update actions set updated_at = updated_at - ${back}, completed_at = completed_at - ${back} where id = ${id}`,
    );
  }
}
