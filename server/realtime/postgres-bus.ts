import postgres from "postgres";

import { ListenerRegistry, type EventBus } from "./bus";
import { createSignalSender } from "./signal-sender";

const channel = "practica_session";

/**
 * How long postgres.js waits before its next attempt to reconnect, in seconds. Its default
 * grows to 20 s, so after a database restart of a quarter of a minute the LISTEN connection
 * could come back ~20 s after everything else, and the phones would freeze meanwhile. Capped at
 * 2 s, an instance hears signals again within ~2 s of the database being back.
 */
function listenReconnectDelaySeconds(attempt: number) {
  return Math.min(0.05 * 2 ** attempt, 2);
}

/**
 * For a real server: Postgres LISTEN/NOTIFY carries signals between app instances. The payload
 * is `sessionId:eventId`, never a document. postgres.js re-LISTENs by itself when its connection
 * drops (it retries until the server answers again); on every re-listen after the first,
 * listeners resync, since the signals sent while it was away are lost.
 */
export function createPostgresBus(url: string): EventBus {
  const registry = new ListenerRegistry();
  // Its own connection for LISTEN and NOTIFY, apart from the app's query pool.
  const sql = postgres(url, { max: 1, onnotice: () => {}, backoff: listenReconnectDelaySeconds });
  let listens = 0;
  const listening = sql.listen(
    channel,
    (payload) => {
      const [sessionId, eventId] = payload.split(":");
      if (sessionId && eventId) registry.emit({ sessionId, eventId: Number(eventId) });
    },
    () => {
      if (listens++ > 0) registry.resync();
    },
  );
  // A failed LISTEN shows in the log; postgres.js keeps retrying, and NOTIFY doesn't need it.
  listening.catch((error: unknown) => console.error("[realtime] LISTEN failed:", error));
  const notify = createSignalSender(async ({ sessionId, eventId }) => {
    await sql`select pg_notify(${channel}, ${`${sessionId}:${eventId}`})`;
  });
  return {
    publish: notify,
    subscribe: (sessionId, listener) => registry.add(sessionId, listener),
    onResync: (listener) => registry.addResync(listener),
    async close() {
      // A LISTEN that never succeeded has nothing to undo.
      await listening.then((listener) => listener.unlisten()).catch(() => {});
      await sql.end({ timeout: 5 });
    },
  };
}
