import "server-only";

import { count, eq, max } from "drizzle-orm";

import type { Database } from "~/db";
import { actions } from "~/db/schema";

import type { EventBus } from "../realtime/bus";
import { sessionFeed } from "../realtime/session-feed";
import { boardChannel } from "./board-signal";

/**
 * A fingerprint of a team's actions: it changes whenever an action is added or changed. Open
 * boards get it live and reload their list when it moves, so the stream itself carries no
 * action data and one cheap query serves every board of the team in this process.
 */
async function boardVersion(db: Database, teamId: string) {
  const [row] = await db
    .select({ actions: count(), lastChange: max(actions.updatedAt) })
    .from(actions)
    .where(eq(actions.teamId, teamId));
  const version = `${row?.actions ?? 0}:${row?.lastChange?.getTime() ?? 0}`;
  return { eventId: Date.now(), snapshot: { version } };
}

export function boardFeed(db: Database, bus: EventBus, teamId: string) {
  return sessionFeed(bus, boardChannel(teamId), "board", () => boardVersion(db, teamId));
}
