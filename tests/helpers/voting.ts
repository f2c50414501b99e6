import { randomUUID } from "node:crypto";

import { TRPCError } from "@trpc/server";
import { and, asc, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, expect } from "vitest";

import type { Database } from "~/db";
import {
  adoptedPractices,
  ballotMarks,
  ballots,
  practiceVersions,
  sessions,
  votingRounds,
  type SessionStage,
} from "~/db/schema";
import { createCaller } from "~/server/api/root";
import type { CurrentUser } from "~/server/auth/current-user";
import type { EventBus } from "~/server/realtime/bus";
import { createInProcessBus } from "~/server/realtime/in-process-bus";
import { createSession } from "~/server/sessions/create";

import { testContext } from "./callers";
import { createTestDatabase, type TestDatabase } from "./database";
import { createTeamWithSession, defaultSettings, type TeamWithSession } from "./fixtures";

/**
 * Arrangement shared by the voting integration tests (tests/integration/voting-*.test.ts).
 *
 * The parametric helpers at the top need nothing but their arguments. The rest work on one
 * voting world per test file: a test database with a "home" team and its pinned practices,
 * created by `setUpVotingWorld()`, which each such file calls once at its top. The world's
 * values are exported as live bindings, so read them inside tests and hooks, not while the
 * file is being collected.
 */

/** The practices of an essay version, in the essay's order. */
export async function pinnedPractices(db: Database, versionId: string) {
  const rows = await db
    .select({ id: practiceVersions.practiceId })
    .from(practiceVersions)
    .where(eq(practiceVersions.versionId, versionId))
    .orderBy(asc(practiceVersions.position));
  return rows.map((row) => row.id);
}

export const sortMarks = <T extends { practiceId: string }>(marks: T[]) =>
  [...marks].sort((a, b) => a.practiceId.localeCompare(b.practiceId));

/** Joins a session as a guest; returns a caller carrying the participant cookie the server set. */
export async function joinSession(db: Database, bus: EventBus, name: string, code: string) {
  const context = testContext(db, null, { bus });
  const joined = await createCaller(context).participant.join({
    code,
    displayName: name,
    joinKey: randomUUID(),
  });
  const cookie = context.responseHeaders.get("set-cookie")!.split(";")[0]!;
  return { ...joined, cookie, caller: createCaller(testContext(db, null, { cookie, bus })) };
}

/* The world of the current test file, assigned by the hooks of `setUpVotingWorld()`. */
export let database: TestDatabase;
export let home: TeamWithSession;
/** The pinned version's practices, in the essay's order. */
export let practices: string[];
export const bus = createInProcessBus();

/** Registers the hooks that create the voting world before the file's tests and destroy it after. */
export function setUpVotingWorld() {
  beforeAll(async () => {
    database = await createTestDatabase();
    home = await createTeamWithSession(database.db, "home");
    practices = await pinnedPractices(database.db, home.session.essayVersionId);
    expect(practices.length).toBeGreaterThanOrEqual(4);
  });
  afterAll(() => database.destroy());
}

export type Caller = ReturnType<typeof createCaller>;
export const as = (user: CurrentUser | null, cookie?: string): Caller =>
  createCaller(testContext(database.db, user, { cookie, bus }));

/** Joins as a guest and returns a caller carrying the participant cookie the server set. */
export const joinAsGuest = (name: string, code: string) =>
  joinSession(database.db, bus, name, code);
export type Guest = Awaited<ReturnType<typeof joinAsGuest>>;

/** A fresh live session of the home team, moved to the given stage, with a few guests. */
export async function freshSession(stage: SessionStage = "vote", guestCount = 3) {
  const session = await createSession(database.db, {
    teamId: home.team.id,
    essayId: home.essayId,
    title: "Voting test",
    settings: defaultSettings,
    facilitatorId: home.facilitator.id,
  });
  if (stage !== "lobby") {
    await as(home.facilitator).session.stage({
      sessionId: session.id,
      command: { type: "goto", stage },
    });
  }
  const guests: Guest[] = [];
  for (let i = 0; i < guestCount; i++) {
    guests.push(await joinAsGuest(`Guest ${i + 1}`, session.joinCode));
  }
  return { session, sessionId: session.id, guests, facilitator: as(home.facilitator) };
}

/** Every voting row of a session, to prove a refused call changed nothing. */
export async function votingRows(sessionId: string) {
  const db = database.db;
  const rounds = await db
    .select()
    .from(votingRounds)
    .where(eq(votingRounds.sessionId, sessionId))
    .orderBy(asc(votingRounds.number));
  const roundIds = rounds.map((round) => round.id);
  const [ballotRows, markRows, adoptedRows, [session]] = await Promise.all([
    roundIds.length
      ? db.select().from(ballots).where(inArray(ballots.roundId, roundIds)).orderBy(asc(ballots.id))
      : [],
    roundIds.length
      ? db
          .select()
          .from(ballotMarks)
          .where(inArray(ballotMarks.roundId, roundIds))
          .orderBy(asc(ballotMarks.ballotId), asc(ballotMarks.practiceId))
      : [],
    db.select().from(adoptedPractices).where(eq(adoptedPractices.sessionId, sessionId)),
    db.select({ stage: sessions.stage }).from(sessions).where(eq(sessions.id, sessionId)),
  ]);
  return { stage: session!.stage, rounds, ballots: ballotRows, marks: markRows, adoptedRows };
}

/** Runs a call that must be refused with this code and message, and leaves every row as it was. */
export async function expectRefusedUnchanged(
  sessionId: string,
  call: () => Promise<unknown>,
  code: TRPCError["code"],
  message?: string | RegExp,
) {
  const before = await votingRows(sessionId);
  let error: unknown;
  try {
    await call();
  } catch (caught) {
    error = caught;
  }
  expect(error, "the call should have been refused").toBeInstanceOf(TRPCError);
  expect((error as TRPCError).code).toBe(code);
  if (message !== undefined) expect((error as TRPCError).message).toMatch(message);
  expect(await votingRows(sessionId)).toEqual(before);
}

export const dots = (...pairs: [number, number][]) =>
  pairs.map(([practice, points]) => ({ practiceId: practices[practice]!, points }));
export const ratings = (...triples: [number, number, number][]) =>
  triples.map(([practice, points, importance]) => ({
    practiceId: practices[practice]!,
    points,
    importance,
  }));

/** The marks stored for one participant in a round, as plain comparable rows. */
export async function storedMarks(roundId: string, participantId: string) {
  const rows = await database.db
    .select({
      practiceId: ballotMarks.practiceId,
      points: ballotMarks.points,
      importance: ballotMarks.importance,
    })
    .from(ballotMarks)
    .innerJoin(ballots, eq(ballots.id, ballotMarks.ballotId))
    .where(and(eq(ballots.roundId, roundId), eq(ballots.participantId, participantId)));
  return sortMarks(rows);
}
