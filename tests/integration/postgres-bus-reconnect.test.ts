import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import type { EventBus } from "~/server/realtime/bus";
import { createPostgresBus } from "~/server/realtime/postgres-bus";

import { createTestDatabase, onRealPostgres, type TestDatabase } from "../helpers/database";

/**
 * The LISTEN connection of an app instance dies (the database restarted, a proxy cut it): the
 * bus must listen again by itself, and tell every feed to re-read its session, since the signals
 * sent while it was away are gone. Only a real server has a LISTEN connection to lose.
 */
describe.runIf(onRealPostgres())("the Postgres event bus after losing its connection", () => {
  let database: TestDatabase;
  let bus: EventBus;

  beforeAll(async () => {
    database = await createTestDatabase();
    bus = createPostgresBus(database.url!);
  });

  afterAll(async () => {
    await bus.close();
    await database.destroy();
  });

  /** Publishes until the signal comes back through LISTEN (the first LISTEN may still be on its way). */
  async function roundTrip(received: number[], eventId: number) {
    await vi.waitFor(
      async () => {
        await bus.publish({ sessionId: "bus-test", eventId });
        expect(received).toContain(eventId);
      },
      { timeout: 15_000, interval: 200 },
    );
  }

  it("listens again by itself and asks its listeners to resync", async () => {
    const received: number[] = [];
    let resyncs = 0;
    bus.subscribe("bus-test", (signal) => received.push(signal.eventId));
    bus.onResync(() => resyncs++);
    await roundTrip(received, 1);
    expect(resyncs).toBe(0);

    const admin = postgres(database.url!, { max: 1, onnotice: () => {} });
    try {
      const killed = await admin<{ killed: boolean }[]>`
        select pg_terminate_backend(pid) as killed from pg_stat_activity
        where datname = current_database() and query ilike 'listen %'`;
      expect(killed.map((row) => row.killed)).toEqual([true]);
    } finally {
      await admin.end({ timeout: 5 });
    }

    await vi.waitFor(() => expect(resyncs).toBe(1), { timeout: 15_000, interval: 100 });
    await roundTrip(received, 2);
  });
});
