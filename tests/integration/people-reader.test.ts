import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { createInProcessBus } from "~/server/realtime/in-process-bus";
import { recordEvent } from "~/server/sessions/events";
import { createPeopleReader } from "~/server/sessions/people";

import { joinAsGuest } from "../helpers/callers";
import { createTestDatabase, type TestDatabase } from "../helpers/database";
import { createTeamWithSession, type TeamWithSession } from "../helpers/fixtures";

let database: TestDatabase;
let home: TeamWithSession;
const bus = createInProcessBus();

beforeAll(async () => {
  database = await createTestDatabase();
  home = await createTeamWithSession(database.db, "people-reader");
});
afterAll(() => database.destroy());

const join = (displayName: string) =>
  joinAsGuest(database.db, bus, home.session.joinCode, displayName);

describe("the console's reader of who is here", () => {
  it("reads people again after a join, but not after changes that leave them as they were", async () => {
    const readPeople = createPeopleReader();
    await join("Ada");
    const first = await readPeople(database.db, home.session.id);
    expect(first.map((person) => person.displayName)).toEqual(["Ada"]);

    // A ballot or a note changes the room, not who is in it: the same list, not read again.
    await recordEvent(database.db, home.session.id, "ballot");
    expect(await readPeople(database.db, home.session.id)).toBe(first);

    await join("Ben");
    const second = await readPeople(database.db, home.session.id);
    expect(second.map((person) => person.displayName)).toEqual(["Ada", "Ben"]);
  });

  it("reads again once its last read is a few seconds old, since online flags lapse by time", async () => {
    const readPeople = createPeopleReader();
    const first = await readPeople(database.db, home.session.id);
    expect(await readPeople(database.db, home.session.id)).toBe(first);
    const now = Date.now();
    vi.spyOn(Date, "now").mockReturnValue(now + 6_000);
    try {
      const later = await readPeople(database.db, home.session.id);
      expect(later).not.toBe(first);
      expect(later).toEqual(first);
    } finally {
      vi.restoreAllMocks();
    }
  });
});
