import { randomUUID } from "node:crypto";

import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { noteUpvotes, participants, sessions } from "~/db/schema";
import { createCaller } from "~/server/api/root";
import type { CurrentUser } from "~/server/auth/current-user";
import { createInProcessBus } from "~/server/realtime/in-process-bus";
import type { RoomSnapshot } from "~/server/sessions/snapshot";

import { createUser, testContext } from "../helpers/callers";
import { createTestDatabase, type TestDatabase } from "../helpers/database";
import { createTeamWithSession, type TeamWithSession } from "../helpers/fixtures";
import { outcome } from "../helpers/outcome";

let database: TestDatabase;
let home: TeamWithSession;
let other: TeamWithSession;
let admin: CurrentUser;
const bus = createInProcessBus();

beforeAll(async () => {
  database = await createTestDatabase();
  home = await createTeamWithSession(database.db, "home");
  other = await createTeamWithSession(database.db, "other");
  admin = await createUser(database.db, "admin");
});
afterAll(() => database.destroy());

const as = (user: CurrentUser | null, cookie?: string) =>
  createCaller(testContext(database.db, user, { cookie, bus }));

/** Joins as a guest and returns a caller carrying the participant cookie the server set. */
async function joinAsGuest(name: string, code = home.session.joinCode, joinKey = randomUUID()) {
  const context = testContext(database.db, null, { bus });
  const joined = await createCaller(context).participant.join({ code, displayName: name, joinKey });
  const setCookie = context.responseHeaders.get("set-cookie")!;
  const cookie = setCookie.split(";")[0]!;
  return { ...joined, cookie, setCookie, caller: as(null, cookie) };
}

/** A tracked subscription value: [event id, data]. */
type Tracked<T> = [string, T];

describe("joining", () => {
  it("binds a guest with an httpOnly, SameSite cookie and rejoins as the same participant", async () => {
    const first = await joinAsGuest("Lin");
    expect(first.setCookie).toMatch(/HttpOnly/);
    expect(first.setCookie).toMatch(/SameSite=Lax/);
    const again = await createCaller(
      testContext(database.db, null, { cookie: first.cookie, bus }),
    ).participant.join({
      code: home.session.joinCode.toLowerCase(),
      displayName: "Lin again",
      joinKey: randomUUID(),
    });
    expect(again.participantId).toBe(first.participantId);
  });

  it("makes one participant from concurrent submits of one join form", async () => {
    const joinKey = randomUUID();
    const results = await Promise.all(
      Array.from({ length: 6 }, () => joinAsGuest("Double tap", home.session.joinCode, joinKey)),
    );
    expect(new Set(results.map((r) => r.participantId)).size).toBe(1);
  });

  it("makes one participant of a signed-in member however often they join", async () => {
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        as(home.member).participant.join({
          code: home.session.joinCode,
          displayName: "ignored",
          joinKey: randomUUID(),
        }),
      ),
    );
    expect(new Set(results.map((r) => r.participantId)).size).toBe(1);
    expect(results[0]!.displayName).toBe(home.member.name);
  });

  it("refuses unknown codes, ended sessions and removed participants clearly", async () => {
    await expect(
      as(null).participant.join({ code: "BCD-EFG", displayName: "X", joinKey: randomUUID() }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    const removed = await joinAsGuest("Removed soon");
    await as(home.facilitator).session.removeParticipant({
      sessionId: home.session.id,
      participantId: removed.participantId,
    });
    await expect(removed.caller.participant.state({ sessionId: home.session.id })).rejects.toThrow(
      "no longer part of this session",
    );
  });

  it("validates the display name", async () => {
    await expect(
      as(null).participant.join({
        code: home.session.joinCode,
        displayName: " ",
        joinKey: randomUUID(),
      }),
    ).rejects.toThrow("Enter the name others will see.");
  });
});

describe("notes and upvotes", () => {
  it("lets a participant note a practice of the pinned version during discuss, once upvoted per person", async () => {
    const author = await joinAsGuest("Author");
    const voter = await joinAsGuest("Voter");
    const sessionId = home.session.id;
    const state = await author.caller.participant.state({ sessionId });
    const practiceId = state.content.practices[1]!.id;

    await expect(
      author.caller.participant.addNote({
        sessionId,
        practiceId,
        body: "Too early",
        anonymous: false,
      }),
    ).rejects.toThrow("Notes open when the facilitator starts the discussion.");
    await as(home.facilitator).session.stage({
      sessionId,
      command: { type: "goto", stage: "discuss" },
    });

    const note = await author.caller.participant.addNote({
      sessionId,
      practiceId,
      body: "Reviews catch our config mistakes",
      anonymous: true,
    });
    await expect(
      author.caller.participant.addNote({
        sessionId,
        practiceId: other.essayId, // not a practice at all
        body: "x",
        anonymous: false,
      }),
    ).rejects.toThrow("not part of this workshop");

    const upvotes = await Promise.all(
      Array.from({ length: 5 }, () =>
        voter.caller.participant.upvote({ sessionId, noteId: note.id, up: true }),
      ),
    );
    expect(upvotes.filter((u) => u.changed)).toHaveLength(1);
    const rows = await database.db
      .select()
      .from(noteUpvotes)
      .where(eq(noteUpvotes.noteId, note.id));
    expect(rows).toHaveLength(1);
    await expect(
      author.caller.participant.upvote({ sessionId, noteId: note.id, up: true }),
    ).rejects.toThrow("your own note");

    const voterState = await voter.caller.participant.state({ sessionId });
    expect(voterState.upvotedNoteIds).toEqual([note.id]);
  });

  it("keeps hidden notes off the room and anonymous authors unnamed", async () => {
    const writer = await joinAsGuest("Named");
    const sessionId = home.session.id;
    const named = await writer.caller.participant.addNote({
      sessionId,
      practiceId: null,
      body: "Hide me",
      anonymous: false,
    });
    await as(home.facilitator).session.hideNote({ sessionId, noteId: named.id, hidden: true });
    const controller = new AbortController();
    const stream = await createCaller(testContext(database.db, home.facilitator, { bus }), {
      signal: controller.signal,
    }).session.consoleLive({ sessionId });
    const [, snapshot] = (await stream[Symbol.asyncIterator]().next()).value as unknown as Tracked<
      RoomSnapshot & { hiddenNotes: { id: string }[] }
    >;
    controller.abort();
    expect(snapshot.notes.map((n) => n.id)).not.toContain(named.id);
    expect(snapshot.hiddenNotes.map((n) => n.id)).toContain(named.id);
    expect(snapshot.notes.find((n) => n.body === "Reviews catch our config mistakes")!.author).toBe(
      null,
    );
  });
});

describe("live updates", () => {
  it("pushes a stage change to a subscribed phone, coalesced, with tracked ids", async () => {
    const phone = await joinAsGuest("Watcher", other.session.joinCode);
    const sessionId = other.session.id;
    const controller = new AbortController();
    const stream = await createCaller(
      testContext(database.db, null, { cookie: phone.cookie, bus }),
      { signal: controller.signal },
    ).participant.live({ sessionId });
    const iterator = stream[Symbol.asyncIterator]();
    const [firstId, first] = (await iterator.next()).value as unknown as Tracked<RoomSnapshot>;
    expect(first.session.stage).toBe("lobby");

    await as(other.facilitator).session.stage({ sessionId, command: { type: "advance" } });
    let [latestId, latest] = [firstId, first];
    while (latest.session.stage === "lobby") {
      [latestId, latest] = (await iterator.next()).value as unknown as Tracked<RoomSnapshot>;
    }
    expect(latest.session.stage).toBe("read");
    expect(Number(latestId)).toBeGreaterThan(Number(firstId));
    controller.abort();
  });
});

describe("who may run a session", () => {
  const commands = (sessionId: string) => ({
    byId: (c: ReturnType<typeof as>) => c.session.byId({ sessionId }),
    // Alternates between two stages so that every allowed caller makes a real move.
    stage: async (c: ReturnType<typeof as>) => {
      const [row] = await database.db.select().from(sessions).where(eq(sessions.id, sessionId));
      const stage = row!.stage === "read" ? "discuss" : "read";
      return c.session.stage({ sessionId, command: { type: "goto", stage } });
    },
    timer: (c: ReturnType<typeof as>) => c.session.timer({ sessionId, command: { type: "clear" } }),
  });

  it.each([
    ["anonymous", "UNAUTHORIZED"],
    ["member of this team", "FORBIDDEN"],
    ["member of another team", "NOT_FOUND"],
    ["facilitator of another team", "NOT_FOUND"],
    ["facilitator of this team", "ok"],
    ["admin", "ok"],
  ])("%s → %s", async (who, expected) => {
    const user = {
      anonymous: null,
      "member of this team": home.member,
      "member of another team": other.member,
      "facilitator of another team": other.facilitator,
      "facilitator of this team": home.facilitator,
      admin,
    }[who]!;
    for (const [name, call] of Object.entries(commands(home.session.id))) {
      expect([name, await outcome(call(as(user)))]).toEqual([name, expected]);
    }
  });

  it("refuses a participant of another session on this session's phone procedures", async () => {
    const stranger = await joinAsGuest("Stranger", other.session.joinCode);
    expect(await outcome(stranger.caller.participant.state({ sessionId: home.session.id }))).toBe(
      "UNAUTHORIZED",
    );
    expect(
      await outcome(as(null, stranger.cookie).session.byId({ sessionId: home.session.id })),
    ).toBe("UNAUTHORIZED");
  });

  it("never changes another team's session through a command", async () => {
    await outcome(as(other.facilitator).session.end({ sessionId: home.session.id }));
    const rows = await database.db
      .select()
      .from(participants)
      .where(eq(participants.sessionId, home.session.id));
    expect(rows.length).toBeGreaterThan(0);
    expect(
      await outcome(
        as(home.facilitator).session.timer({
          sessionId: home.session.id,
          command: { type: "start", seconds: 60 },
        }),
      ),
    ).toBe("ok");
  });
});

describe("guarding the session after the fact", () => {
  it("ends a removed participant's live stream", async () => {
    const phone = await joinAsGuest("Soon gone", other.session.joinCode);
    const sessionId = other.session.id;
    const stream = await createCaller(
      testContext(database.db, null, { cookie: phone.cookie, bus }),
    ).participant.live({ sessionId });
    const iterator = stream[Symbol.asyncIterator]();
    await iterator.next();
    await as(other.facilitator).session.removeParticipant({
      sessionId,
      participantId: phone.participantId,
    });
    // Snapshots may still be in flight; the stream must end with FORBIDDEN soon after.
    const ended = (async () => {
      for (;;) await iterator.next();
    })();
    await expect(ended).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("refuses upvotes once the session has ended", async () => {
    const author = await joinAsGuest("Last word", other.session.joinCode);
    const voter = await joinAsGuest("Late voter", other.session.joinCode);
    const sessionId = other.session.id;
    await as(other.facilitator).session.stage({
      sessionId,
      command: { type: "goto", stage: "discuss" },
    });
    const note = await author.caller.participant.addNote({
      sessionId,
      practiceId: null,
      body: "Before the end",
      anonymous: false,
    });
    await as(other.facilitator).session.end({ sessionId });
    await expect(
      voter.caller.participant.upvote({ sessionId, noteId: note.id, up: true }),
    ).rejects.toThrow("This session has ended.");
  });

  it("stops a client guessing codes, even with parallel guesses", async () => {
    const guesser = createCaller(
      testContext(database.db, null, { bus, clientAddress: "203.0.113.9" }),
    );
    const guesses = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        outcome(
          guesser.participant.join({
            code: `BC${"DEFGHJKMNPQRSTUVWXYZ23456789"[i % 28]}234`,
            displayName: "Guesser",
            joinKey: randomUUID(),
          }),
        ),
      ),
    );
    expect(guesses.filter((g) => g === "NOT_FOUND").length).toBeLessThanOrEqual(20);
    expect(guesses.filter((g) => g === "TOO_MANY_REQUESTS").length).toBeGreaterThanOrEqual(10);
    expect(await guesser.join.lookUp({ code: home.session.joinCode })).toMatchObject({
      status: "rate_limited",
    });
    // Another client is not affected.
    const neighbour = createCaller(
      testContext(database.db, null, { bus, clientAddress: "203.0.113.10" }),
    );
    expect(await neighbour.join.lookUp({ code: home.session.joinCode })).toMatchObject({
      status: "live",
    });
  });
});
