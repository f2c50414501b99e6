import postgres from "postgres";

import { ListenerRegistry, type EventBus } from "./bus";

const channel = "practica_session";

/**
 * For a real server: Postgres LISTEN/NOTIFY carries signals between app instances. The payload
 * is `sessionId:eventId`, never a document. postgres.js re-LISTENs by itself when its connection
 * drops; on every re-listen after the first, listeners resync since signals may have been lost.
 */
export function createPostgresBus(url: string): EventBus {
  const registry = new ListenerRegistry();
  // Its own connection for LISTEN and NOTIFY, apart from the app's query pool.
  const sql = postgres(url, { max: 1, onnotice: () => {} });
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
  return {
    async publish({ sessionId, eventId }) {
      await sql`select pg_notify(${channel}, ${`${sessionId}:${eventId}`})`;
    },
    subscribe: (sessionId, listener) => registry.add(sessionId, listener),
    onResync: (listener) => registry.addResync(listener),
    async close() {
      await (await listening).unlisten();
      await sql.end({ timeout: 5 });
    },
  };
}
