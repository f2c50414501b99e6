import { randomUUID } from "node:crypto";

import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { notes } from "~/db/schema";
import { createCaller } from "~/server/api/root";
import type { CurrentUser } from "~/server/auth/current-user";
import { createInProcessBus } from "~/server/realtime/in-process-bus";

import { joinAsGuest as joinGuest, testContext } from "../helpers/callers";
import { createTestDatabase, type TestDatabase } from "../helpers/database";
import { createTeamWithSession, type TeamWithSession } from "../helpers/fixtures";
import { outcome } from "../helpers/outcome";

/*
 * A phone gives each note its own id (a UUID it makes), so that a note sent again — a retry after
 * a lost answer, or a note the phone kept while offline and sends on its return — is stored once.
 */
let database: TestDatabase;
let home: TeamWithSession;
const bus = createInProcessBus();

beforeAll(async () => {
  database = await createTestDatabase();
  home = await createTeamWithSession(database.db, "notes-once");
  await as(home.facilitator).session.stage({
    sessionId: home.session.id,
    command: { type: "goto", stage: "discuss" },
  });
});
afterAll(() => database.destroy());

const as = (user: CurrentUser | null, cookie?: string) =>
  createCaller(testContext(database.db, user, { cookie, bus }));

const joinAsGuest = (name: string) => joinGuest(database.db, bus, home.session.joinCode, name);

const note = (body: string, clientId?: string | null) => ({
  sessionId: home.session.id,
  practiceId: null,
  body,
  anonymous: false,
  clientId,
});

async function notesOf(participantId: string) {
  return database.db
    .select({ id: notes.id, body: notes.body, clientId: notes.clientId })
    .from(notes)
    .where(eq(notes.participantId, participantId));
}

describe("a note's client id", () => {
  it("stores the same note sent twice once, and returns the stored note to the second send", async () => {
    const lin = await joinAsGuest("Lin");
    const clientId = randomUUID();
    const first = await lin.caller.participant.addNote(
      note("Pairing spreads the know-how", clientId),
    );
    const again = await lin.caller.participant.addNote(
      note("Pairing spreads the know-how", clientId),
    );
    expect(again.id).toBe(first.id);
    expect(await notesOf(lin.participantId)).toEqual([
      { id: first.id, body: "Pairing spreads the know-how", clientId },
    ]);
  });

  it("stores copies sent at the same moment once", async () => {
    const sam = await joinAsGuest("Sam");
    const clientId = randomUUID();
    const sent = await Promise.all(
      Array.from({ length: 4 }, () =>
        sam.caller.participant.addNote(note("Sent at once", clientId)),
      ),
    );
    expect(new Set(sent.map((n) => n.id)).size).toBe(1);
    expect(await notesOf(sam.participantId)).toHaveLength(1);
  });

  it("makes a second note of a different client id, or of none (older phones)", async () => {
    const kai = await joinAsGuest("Kai");
    const one = await kai.caller.participant.addNote(note("Same words", randomUUID()));
    const two = await kai.caller.participant.addNote(note("Same words", randomUUID()));
    const three = await kai.caller.participant.addNote(note("Same words"));
    const four = await kai.caller.participant.addNote(note("Same words", null));
    expect(new Set([one.id, two.id, three.id, four.id]).size).toBe(4);
    expect(await notesOf(kai.participantId)).toHaveLength(4);
  });

  it("is one participant's own: another person's note with the same id is never returned", async () => {
    const ana = await joinAsGuest("Ana");
    const eve = await joinAsGuest("Eve");
    const clientId = randomUUID();
    const anas = await ana.caller.participant.addNote(note("Ana's note", clientId));
    const eves = await eve.caller.participant.addNote(note("Eve's note", clientId));
    expect(eves.id).not.toBe(anas.id);
    expect((await notesOf(ana.participantId)).map((n) => n.body)).toEqual(["Ana's note"]);
    expect((await notesOf(eve.participantId)).map((n) => n.body)).toEqual(["Eve's note"]);
  });

  it("returns a stored note sent again after the room moved on, and refuses a new one", async () => {
    const own = await joinAsGuest("Owen");
    const clientId = randomUUID();
    const stored = await own.caller.participant.addNote(note("Written in time", clientId));
    await as(home.facilitator).session.stage({
      sessionId: home.session.id,
      command: { type: "goto", stage: "vote" },
    });
    try {
      const again = await own.caller.participant.addNote(note("Written in time", clientId));
      expect(again.id).toBe(stored.id);
      await expect(own.caller.participant.addNote(note("Too late", randomUUID()))).rejects.toThrow(
        "Notes open when the facilitator starts the discussion.",
      );
    } finally {
      await as(home.facilitator).session.stage({
        sessionId: home.session.id,
        command: { type: "goto", stage: "discuss" },
      });
    }
    expect(await notesOf(own.participantId)).toHaveLength(1);
  });

  it.each([
    ["not a UUID", "note-1"],
    ["SQL", "'; drop table notes; --"],
    ["too long", `${randomUUID()}${"a".repeat(5000)}`],
    ["NUL", `${randomUUID().slice(0, 35)}\u0000`],
    ["empty", ""],
  ])(
    "refuses a client id that is %s, with a readable message, and stores nothing",
    async (_, id) => {
      const mo = await joinAsGuest(`Mo ${randomUUID().slice(0, 4)}`);
      expect(await outcome(mo.caller.participant.addNote(note("Hostile", id)))).toBe("BAD_REQUEST");
      await expect(mo.caller.participant.addNote(note("Hostile", id))).rejects.toThrow(
        "That is not a note's client id.",
      );
      expect(await notesOf(mo.participantId)).toEqual([]);
    },
  );

  it("refuses a client id that isn't text", async () => {
    const ty = await joinAsGuest("Ty");
    const input = { ...note("Odd"), clientId: 42 } as unknown as ReturnType<typeof note>;
    expect(await outcome(ty.caller.participant.addNote(input))).toBe("BAD_REQUEST");
    expect(await notesOf(ty.participantId)).toEqual([]);
  });
});
