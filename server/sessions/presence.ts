import "server-only";

import { eq, inArray, sql } from "drizzle-orm";

import type { Database } from "~/db";
import { participants } from "~/db/schema";

import { onlineWindowSeconds } from "./people";

/** How often an open phone refreshes its presence; well inside the online window. */
const presenceHeartbeatMs = 20_000;

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

/**
 * The phones with an open stream in this process, kept fresh together: one UPDATE per heartbeat
 * for all of them instead of one per phone (2,000 phones would otherwise write 100 rows a second
 * one statement at a time). Each process refreshes only its own streams, so several instances
 * share the work without coordinating.
 */
class PresenceHeartbeat {
  private readonly streams = new Map<string, number>();
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(private readonly db: Database) {}

  /** Counts an open stream of a participant; returns the function that ends it. */
  hold(participantId: string): () => void {
    this.streams.set(participantId, (this.streams.get(participantId) ?? 0) + 1);
    this.timer ??= setInterval(() => void this.beat(), presenceHeartbeatMs);
    return () => {
      const open = (this.streams.get(participantId) ?? 1) - 1;
      if (open > 0) this.streams.set(participantId, open);
      else this.streams.delete(participantId);
      if (this.streams.size === 0) {
        clearInterval(this.timer);
        this.timer = undefined;
      }
    };
  }

  private async beat() {
    const ids = [...this.streams.keys()];
    if (ids.length === 0) return;
    try {
      await this.db
        .update(participants)
        .set({ lastSeenAt: sql`now()` })
        .where(inArray(participants.id, ids));
    } catch (error) {
      // The database may be restarting; the next beat tries again within the online window.
      console.error("[presence] heartbeat failed:", error);
    }
  }
}

const key = Symbol.for("practica.presenceHeartbeats");
type GlobalWithHeartbeats = typeof globalThis & {
  [key]?: WeakMap<Database, PresenceHeartbeat>;
};

/** Keeps a participant online for as long as the returned function is not called. */
export function holdPresence(db: Database, participantId: string): () => void {
  const g = globalThis as GlobalWithHeartbeats;
  const heartbeats = (g[key] ??= new WeakMap());
  let heartbeat = heartbeats.get(db);
  if (!heartbeat) heartbeats.set(db, (heartbeat = new PresenceHeartbeat(db)));
  return heartbeat.hold(participantId);
}
