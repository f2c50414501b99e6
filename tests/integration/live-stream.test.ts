import superjson, { type SuperJSONResult } from "superjson";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { liveResponse } from "~/server/api/live-stream";
import { createCaller } from "~/server/api/root";
import type { Context } from "~/server/api/trpc";
import { createInProcessBus } from "~/server/realtime/in-process-bus";
import type { RoomSnapshot } from "~/server/sessions/snapshot";

import { joinAsGuest as joinGuest, testContext } from "../helpers/callers";
import { createTestDatabase, type TestDatabase } from "../helpers/database";
import { createTeamWithSession, type TeamWithSession } from "../helpers/fixtures";

let database: TestDatabase;
let home: TeamWithSession;
const bus = createInProcessBus();

beforeAll(async () => {
  database = await createTestDatabase();
  home = await createTeamWithSession(database.db, "live-stream");
});
afterAll(() => database.destroy());

const joinAsGuest = (name: string) => joinGuest(database.db, bus, home.session.joinCode, name);

interface SseEvent {
  event?: string;
  id?: string;
  data: string;
  /** The bytes the event arrived in, to tell whether two phones got the same ones. */
  chunk: Uint8Array;
}

/** Opens the phones' stream as the route does and reads it event by event, as EventSource would. */
function openStream(cookie: string | undefined, input: unknown = { sessionId: home.session.id }) {
  const url = `http://localhost/api/live/participant.live?input=${encodeURIComponent(
    JSON.stringify(superjson.serialize(input)),
  )}`;
  const request = new Request(url);
  const ctx: Context = testContext(database.db, null, { cookie, bus });
  const response = liveResponse(request, ctx, "participant.live", (parsed, signal) =>
    createCaller(ctx, { signal }).participant.live(parsed as never),
  );
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  return {
    response,
    async next(): Promise<SseEvent | null> {
      const { value, done } = await reader.read();
      if (done) return null;
      const event: SseEvent = { data: "", chunk: value };
      for (const line of decoder.decode(value).split("\n")) {
        const [field, ...rest] = line.split(": ");
        const text = rest.join(": ");
        if (field === "event") event.event = text;
        if (field === "id") event.id = text;
        if (field === "data") event.data = text;
      }
      return event;
    },
    /** The next event that is not a ping. */
    async nextUpdate() {
      for (;;) {
        const event = await this.next();
        if (event?.event !== "ping") return event;
      }
    },
    close: () => reader.cancel(),
  };
}

const deserialize = <T>(data: string) =>
  superjson.deserialize<T>(JSON.parse(data) as SuperJSONResult);

const facilitator = () => createCaller(testContext(database.db, home.facilitator, { bus })).session;

describe("the phones' live stream", () => {
  it("speaks tRPC's event-stream protocol: connected first, then the room tracked by its event id", async () => {
    const phone = await joinAsGuest("Ada");
    const stream = openStream(phone.cookie);
    expect(stream.response.headers.get("content-type")).toBe("text/event-stream");
    expect(stream.response.headers.get("cache-control")).toContain("no-transform");
    const connected = await stream.next();
    expect(connected?.event).toBe("connected");
    expect(JSON.parse(connected!.data)).toEqual({ reconnectAfterInactivityMs: 25_000 });
    const first = await stream.nextUpdate();
    expect(first?.id).toMatch(/^\d+$/);
    const room = deserialize<RoomSnapshot>(first!.data);
    expect(room.session.id).toBe(home.session.id);
    expect(room.session.stage).toBe("lobby");
    await stream.close();
  });

  it("encodes a push once and sends the same bytes to every phone", async () => {
    const [ben, cy] = await Promise.all([joinAsGuest("Ben"), joinAsGuest("Cy")]);
    const streams = [openStream(ben.cookie), openStream(cy.cookie)];
    for (const stream of streams) {
      await stream.next(); // connected
      await stream.nextUpdate(); // the room as it is
    }
    await facilitator().stage({ sessionId: home.session.id, command: { type: "advance" } });
    const [forBen, forCy] = await Promise.all(streams.map((stream) => stream.nextUpdate()));
    expect(deserialize<RoomSnapshot>(forBen!.data).session.stage).not.toBe("lobby");
    expect(forCy!.id).toBe(forBen!.id);
    expect(forCy!.chunk).toBe(forBen!.chunk);
    await Promise.all(streams.map((stream) => stream.close()));
  });

  it("resumes after the last event id a reconnecting phone sends, skipping what it has", async () => {
    const phone = await joinAsGuest("Dee");
    const first = openStream(phone.cookie);
    await first.next();
    const seen = await first.nextUpdate();
    await first.close();
    const again = openStream(phone.cookie, { sessionId: home.session.id, lastEventId: seen!.id });
    await again.next();
    await facilitator().stage({ sessionId: home.session.id, command: { type: "back" } });
    const next = await again.nextUpdate();
    // The snapshot it already had is not sent again; the next change is.
    expect(Number(next!.id)).toBeGreaterThan(Number(seen!.id));
    await again.close();
  });

  it("refuses a phone without its cookie with tRPC's error event, and ends", async () => {
    const stream = openStream(undefined);
    await stream.next();
    const refusal = await stream.nextUpdate();
    expect(refusal?.event).toBe("serialized-error");
    const shape = deserialize<{ message: string; data: { code: string } }>(refusal!.data);
    expect(shape.data.code).toBe("UNAUTHORIZED");
    expect(shape.message).toMatch(/join/i);
    expect(await stream.next()).toBeNull();
  });

  it("refuses input that is not the procedure's, as the procedure does", async () => {
    const phone = await joinAsGuest("Eve");
    const stream = openStream(phone.cookie, { sessionId: "not-a-session" });
    await stream.next();
    const refusal = await stream.nextUpdate();
    expect(deserialize<{ data: { code: string } }>(refusal!.data).data.code).toBe("BAD_REQUEST");
    expect(await stream.next()).toBeNull();
  });

  it("ends a removed phone's stream with FORBIDDEN", async () => {
    const phone = await joinAsGuest("Fay");
    const stream = openStream(phone.cookie);
    await stream.next();
    await stream.nextUpdate();
    await facilitator().removeParticipant({
      sessionId: home.session.id,
      participantId: phone.participantId,
    });
    const refusal = await stream.nextUpdate();
    expect(refusal?.event).toBe("serialized-error");
    expect(deserialize<{ data: { code: string } }>(refusal!.data).data.code).toBe("FORBIDDEN");
    expect(await stream.next()).toBeNull();
  });
});
