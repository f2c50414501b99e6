import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { sessions, teams } from "~/db/schema";
import { seedContent } from "~/db/seed";

import { callerFor } from "../helpers/callers";
import { createTestDatabase, type TestDatabase } from "../helpers/database";

let database: TestDatabase;
let liveId: string;
beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  await seedContent(db);
  const version = await db.query.essayVersions.findFirst();
  const [team] = await db.insert(teams).values({ slug: "t", name: "T" }).returning();
  const settings = {
    votingMethod: "dots" as const,
    dots: 3,
    maxDotsPerPractice: 2,
    anonymousNotes: true,
  };
  const [live] = await db
    .insert(sessions)
    .values([
      {
        teamId: team!.id,
        essayVersionId: version!.id,
        title: "Live one",
        joinCode: "ABCDEF",
        settings,
      },
      {
        teamId: team!.id,
        essayVersionId: version!.id,
        title: "Old one",
        joinCode: "XYZ234",
        settings,
        endedAt: new Date(),
      },
    ])
    .returning();
  liveId = live!.id;
});
afterAll(() => database.destroy());

describe("join code look-up", () => {
  it.each(["abc-def", "ABCDEF", "abcdef", "Abc-Def"])(
    "finds the live session from %j",
    async (code) => {
      expect(await callerFor(database.db, null).join.lookUp({ code })).toEqual({
        status: "live",
        sessionId: liveId,
        title: "Live one",
      });
    },
  );

  it("says when a session has ended, without its id or title", async () => {
    expect(await callerFor(database.db, null).join.lookUp({ code: "xyz-234" })).toEqual({
      status: "ended",
    });
  });

  it("tells unknown from malformed codes", async () => {
    const caller = callerFor(database.db, null);
    expect(await caller.join.lookUp({ code: "BCD-EFG" })).toEqual({ status: "unknown" });
    expect(await caller.join.lookUp({ code: "ABC-DE0" })).toEqual({ status: "malformed" });
    await expect(caller.join.lookUp({ code: "x".repeat(21) })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });
});
