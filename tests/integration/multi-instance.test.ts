import { createServer } from "node:net";

import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { sessions } from "~/db/schema";
import type { RoomSnapshot } from "~/server/sessions/snapshot";

import { startAppServer, type AppServer } from "../helpers/app-server";
import { createTestDatabase, onRealPostgres, type TestDatabase } from "../helpers/database";
import { createTeamWithSession, type TeamWithSession } from "../helpers/fixtures";
import { createHttpClient } from "../helpers/http-client";

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * Two production app servers on one PostgreSQL: a change made through one reaches a phone
 * subscribed through the other, carried by LISTEN/NOTIFY. Only meaningful on a real server
 * (PGlite is one process), so the PGlite run leaves it out and the PostgreSQL run runs it.
 */
describe.runIf(onRealPostgres())("several app instances on one database", () => {
  let database: TestDatabase;
  let fixture: TeamWithSession;
  const servers: AppServer[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    fixture = await createTeamWithSession(database.db, "multi");
    // Out of the lobby: there phones aren't told the join count (only the big screen shows it).
    await database.db
      .update(sessions)
      .set({ stage: "read" })
      .where(eq(sessions.id, fixture.session.id));
    const env = {
      DATABASE_URL: database.url!,
      AUTH_SECRET: "multi-instance-test-secret-0123456789abcdef",
    };
    for (let i = 0; i < 2; i++) {
      servers.push(await startAppServer({ port: await freePort(), env }));
    }
  }, 120_000);

  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop()));
    await database.destroy();
  });

  it("delivers a join made on instance A to a phone subscribed on instance B", async () => {
    const [a, b] = servers as [AppServer, AppServer];
    const code = fixture.session.joinCode;
    const sessionId = fixture.session.id;

    // The watcher joins through A, then listens through B with the same cookie.
    const watcher = createHttpClient(a.url);
    await watcher.client.participant.join.mutate({
      code,
      displayName: "Watcher",
      joinKey: "watcher-key-1",
    });
    const onB = createHttpClient(b.url, watcher.jar);

    const snapshots: RoomSnapshot[] = [];
    let notify: (() => void) | undefined;
    const subscription = onB.client.participant.live.subscribe(
      { sessionId },
      {
        onData: (update) => {
          snapshots.push(update.data);
          notify?.();
        },
      },
    );
    const waitFor = async (check: (s: RoomSnapshot) => boolean) => {
      const deadline = Date.now() + 10_000;
      while (!snapshots.some(check)) {
        if (Date.now() > deadline) throw new Error("No matching snapshot within 10 s");
        await new Promise<void>((resolve) => {
          notify = resolve;
          setTimeout(resolve, 500);
        });
      }
    };
    try {
      await waitFor((s) => s.participantCount === 1);

      // A second phone joins through A; B's subscriber must see it.
      const second = createHttpClient(a.url);
      await second.client.participant.join.mutate({
        code,
        displayName: "Second",
        joinKey: "second-key-1",
      });
      await waitFor((s) => s.participantCount === 2);
      expect(snapshots.at(-1)!.participantCount).toBe(2);
    } finally {
      subscription.unsubscribe();
    }
  });
});
