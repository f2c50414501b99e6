import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import {
  ballots,
  noteUpvotes,
  notes,
  participants,
  rateLimits,
  sessions,
  teamMemberships,
  teams,
  votingRounds,
} from "~/db/schema";
import { seedContent } from "~/db/seed";
import { hitRateLimit } from "~/server/rate-limit";

import { createUser } from "../helpers/callers";
import { createTestDatabase, type TestDatabase } from "../helpers/database";

let database: TestDatabase;
let sessionId: string;
let teamId: string;
let participantId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  await seedContent(db);
  const version = await db.query.essayVersions.findFirst();
  const [team] = await db.insert(teams).values({ slug: "c", name: "C" }).returning();
  teamId = team!.id;
  const [session] = await db
    .insert(sessions)
    .values({
      teamId,
      essayVersionId: version!.id,
      title: "S",
      joinCode: "QRSTUV",
      settings: { votingMethod: "dots", dots: 3, maxDotsPerPractice: 2, anonymousNotes: false },
    })
    .returning();
  sessionId = session!.id;
  const [participant] = await db
    .insert(participants)
    .values({ sessionId, displayName: "P" })
    .returning();
  participantId = participant!.id;
});
afterAll(() => database.destroy());

/** Postgres' SQLSTATE of the error a failed statement threw (drizzle wraps driver errors). */
async function sqlState(statement: Promise<unknown>): Promise<string | null> {
  try {
    await statement;
    return null;
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause;
    return cause?.code ?? (error as { code?: string }).code ?? "unknown";
  }
}

describe("the schema makes doubles impossible", () => {
  it("one ballot per participant per round, even when two land at once", async () => {
    const db = database.db;
    const [round] = await db
      .insert(votingRounds)
      .values({ sessionId, number: 1, method: "dots", params: { dots: 3 } })
      .returning();
    const cast = (submissionId: string) =>
      db
        .insert(ballots)
        .values({ roundId: round!.id, participantId, submissionId })
        .onConflictDoUpdate({
          target: [ballots.roundId, ballots.participantId],
          set: { submissionId, updatedAt: new Date() },
        });
    await Promise.all([cast("a"), cast("b"), cast("c"), cast("d")]);
    const [row] = await db
      .select({ n: count() })
      .from(ballots)
      .where(eq(ballots.roundId, round!.id));
    expect(row!.n).toBe(1);
    expect(
      await sqlState(
        db.insert(ballots).values({ roundId: round!.id, participantId, submissionId: "e" }),
      ),
    ).toBe("23505");
  });

  it("one open round per session", async () => {
    const second = database.db
      .insert(votingRounds)
      .values({ sessionId, number: 2, method: "approval", params: {} });
    expect(await sqlState(second)).toBe("23505");
  });

  it("one membership per person per team", async () => {
    const user = await createUser(database.db, "member");
    await database.db.insert(teamMemberships).values({ teamId, userId: user.id });
    expect(
      await sqlState(
        database.db
          .insert(teamMemberships)
          .values({ teamId, userId: user.id, role: "facilitator" }),
      ),
    ).toBe("23505");
  });

  it("one participant per signed-in member per session", async () => {
    const user = await createUser(database.db, "member");
    const join = () =>
      database.db
        .insert(participants)
        .values({ sessionId, userId: user.id, displayName: user.name })
        .onConflictDoNothing();
    await Promise.all([join(), join(), join()]);
    const rows = await database.db
      .select()
      .from(participants)
      .where(eq(participants.userId, user.id));
    expect(rows).toHaveLength(1);
  });

  it("one upvote per participant per note", async () => {
    const [note] = await database.db
      .insert(notes)
      .values({ sessionId, participantId, body: "We never review infra changes" })
      .returning();
    await database.db.insert(noteUpvotes).values({ noteId: note!.id, participantId });
    expect(
      await sqlState(database.db.insert(noteUpvotes).values({ noteId: note!.id, participantId })),
    ).toBe("23505");
  });
});

describe("rate limit counters", () => {
  it("count every concurrent hit exactly once", async () => {
    const rule = { limit: 30, windowSeconds: 60 };
    const results = await Promise.all(
      Array.from({ length: 40 }, () => hitRateLimit(database.db, "test:burst", rule)),
    );
    expect(results.filter((r) => r.allowed)).toHaveLength(30);
    expect(results.map((r) => r.hits).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 40 }, (_, i) => i + 1),
    );
    const [row] = await database.db
      .select()
      .from(rateLimits)
      .where(eq(rateLimits.key, "test:burst"));
    expect(row!.hits).toBe(40);
  });
});
