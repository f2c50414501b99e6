import "server-only";

import { eq, sql } from "drizzle-orm";

import type { Database } from "~/db";
import { participants } from "~/db/schema";

import { onlineWindowSeconds } from "./snapshot";

/** How often an open phone refreshes its presence; well inside the online window. */
export const presenceHeartbeatMs = 20_000;

export async function markOnline(db: Database, participantId: string) {
  await db
    .update(participants)
    .set({ lastSeenAt: sql`now()` })
    .where(eq(participants.id, participantId));
}

/** Back-dates the last sighting past the online window, so the console shows them offline now. */
export async function markOffline(db: Database, participantId: string) {
  await db
    .update(participants)
    .set({ lastSeenAt: sql`now() - make_interval(secs => ${onlineWindowSeconds + 1})` })
    .where(eq(participants.id, participantId));
}
