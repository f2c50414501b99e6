import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { noteUpvotes, notes, sessions, teams } from "~/db/schema";
import { demoTeamSlug, seedDemoTeam } from "~/server/demo/demo-team";
import { sessionSummary } from "~/server/summary/queries";

import { createTestDatabase, type TestDatabase } from "../helpers/database";

let database: TestDatabase;
let held: { id: string; createdAt: Date; endedAt: Date | null }[];
beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemoTeam(database.db);
  const [team] = await database.db.select().from(teams).where(eq(teams.slug, demoTeamSlug));
  held = await database.db
    .select({ id: sessions.id, createdAt: sessions.createdAt, endedAt: sessions.endedAt })
    .from(sessions)
    .where(eq(sessions.teamId, team!.id))
    .orderBy(asc(sessions.createdAt));
}, 120_000);
afterAll(() => database.destroy());

describe("the demo team's discussions", () => {
  it("left notes in both workshops, some anonymous, some on the essay as a whole", async () => {
    expect(held).toHaveLength(2);
    for (const session of held) {
      const written = await database.db.select().from(notes).where(eq(notes.sessionId, session.id));
      expect(written.length).toBeGreaterThanOrEqual(5);
      expect(written.some((note) => note.anonymous)).toBe(true);
      expect(written.some((note) => note.practiceId === null)).toBe(true);
      // Written while the workshop ran, days ago, not when the demo was seeded.
      for (const note of written) {
        expect(note.createdAt.getTime()).toBeGreaterThanOrEqual(session.createdAt.getTime());
        expect(note.createdAt.getTime()).toBeLessThanOrEqual(session.endedAt!.getTime());
      }
      const summary = await sessionSummary(database.db, session.id);
      expect(summary?.notes).toBe(written.length);
    }
  });

  it("upvoted the notes people agreed with, dated with their workshop", async () => {
    for (const session of held) {
      const upvotes = await database.db
        .select({ noteId: noteUpvotes.noteId, createdAt: noteUpvotes.createdAt })
        .from(noteUpvotes)
        .innerJoin(notes, eq(notes.id, noteUpvotes.noteId))
        .where(eq(notes.sessionId, session.id));
      expect(upvotes.length).toBeGreaterThan(10);
      expect(upvotes.every((upvote) => upvote.createdAt <= session.endedAt!)).toBe(true);
    }
  });
});
