import { randomUUID } from "node:crypto";

import { TRPCError } from "@trpc/server";
import { count, eq, like, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createDatabase, type Database, type DatabaseHandle } from "~/db";
import {
  ballots,
  noteUpvotes,
  notes,
  participants,
  rateLimits,
  teamMemberships,
} from "~/db/schema";
import { createCaller } from "~/server/api/root";
import type { Context } from "~/server/api/trpc";
import { defaultRateLimitSettings, hitRateLimit } from "~/server/rate-limit";
import { createInProcessBus } from "~/server/realtime/in-process-bus";
import { unknownCodeLimit } from "~/server/sessions/code-guard";
import { createSession } from "~/server/sessions/create";
import { createInvite } from "~/server/teams/invites";

import { createUser, testContext } from "../helpers/callers";
import { createTestDatabase, onRealPostgres, type TestDatabase } from "../helpers/database";
import { createTeamWithSession, defaultSettings, type TeamWithSession } from "../helpers/fixtures";
import { outcome } from "../helpers/outcome";
import { pinnedPractices } from "../helpers/voting";

/**
 * Rate limits (issue #8, abuse): each limited action answers TOO_MANY_REQUESTS with Retry-After
 * once over its limit and writes nothing; the counters live in Postgres, so two app instances
 * (two connection pools on PostgreSQL; the one embedded database on PGlite) fill one window.
 */

let database: TestDatabase;
/** A second app instance's connections to the same database (the same handle on PGlite). */
let secondInstance: DatabaseHandle | undefined;
let home: TeamWithSession;
const bus = createInProcessBus();

beforeAll(async () => {
  database = await createTestDatabase();
  if (onRealPostgres()) secondInstance = createDatabase({ url: database.url, poolSize: 2 });
  home = await createTeamWithSession(database.db, "limits");
});
afterAll(async () => {
  await secondInstance?.close();
  await database.destroy();
});

/** The database of instance 0 or 1: calls alternate between them to share one window. */
const instance = (i: number): Database =>
  i % 2 === 0 ? database.db : (secondInstance?.db ?? database.db);

let addressCount = 0;
/** A client address of its own, so that tests don't share counters. */
const newAddress = () => `198.51.100.${++addressCount}`;

function contextOn(
  i: number,
  options: { cookie?: string; address?: string; user?: Context["user"] } = {},
): Context {
  return testContext(instance(i), options.user ?? null, {
    bus,
    cookie: options.cookie,
    clientAddress: options.address,
  });
}

/** Expects the call to be refused as over a limit, with the wait in Retry-After and words. */
async function expectTooMany(
  context: Context,
  call: (caller: ReturnType<typeof createCaller>) => Promise<unknown>,
  windowSeconds: number,
) {
  const error: unknown = await call(createCaller(context)).then(
    () => null,
    (failure: unknown) => failure,
  );
  expect(error).toBeInstanceOf(TRPCError);
  expect((error as TRPCError).code).toBe("TOO_MANY_REQUESTS");
  expect((error as TRPCError).message).toMatch(/wait \d+ (seconds?|minutes?)/i);
  const retryAfter = Number(context.responseHeaders.get("retry-after"));
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(windowSeconds);
}

/** Ends the windows of the counters whose key starts with `prefix`, as time passing would. */
async function endWindows(prefix: string) {
  const ended = await database.db
    .update(rateLimits)
    .set({ windowEndsAt: sql`now() - interval '1 second'` })
    .where(like(rateLimits.key, `${prefix}%`))
    .returning({ key: rateLimits.key });
  expect(ended.length).toBeGreaterThan(0);
}

async function newSession(stage: "lobby" | "discuss" | "vote") {
  const session = await createSession(database.db, {
    teamId: home.team.id,
    essayId: home.essayId,
    title: `Limits ${stage}`,
    settings: defaultSettings,
    facilitatorId: home.facilitator.id,
  });
  if (stage !== "lobby") {
    await createCaller(contextOn(0, { user: home.facilitator })).session.stage({
      sessionId: session.id,
      command: { type: "goto", stage },
    });
  }
  return session;
}

async function joinAsGuest(code: string, name: string, address = newAddress()) {
  const context = contextOn(0, { address });
  const joined = await createCaller(context).participant.join({
    code,
    displayName: name,
    joinKey: randomUUID(),
  });
  const cookie = context.responseHeaders.get("set-cookie")!.split(";")[0]!;
  return { ...joined, cookie };
}

const participantCount = async (sessionId: string) =>
  (
    await database.db
      .select({ n: count() })
      .from(participants)
      .where(eq(participants.sessionId, sessionId))
  )[0]!.n;

describe("notes and upvotes", () => {
  it("stop a participant after 20 notes a minute, shared by two instances, and write nothing", async () => {
    const session = await newSession("discuss");
    const author = await joinAsGuest(session.joinCode, "Prolific");
    const write = (i: number) =>
      createCaller(contextOn(i, { cookie: author.cookie })).participant.addNote({
        sessionId: session.id,
        practiceId: null,
        body: `Note ${i}`,
        anonymous: false,
      });
    for (let i = 0; i < 20; i++) await write(i);

    await expectTooMany(
      contextOn(1, { cookie: author.cookie }),
      (caller) =>
        caller.participant.addNote({
          sessionId: session.id,
          practiceId: null,
          body: "One too many",
          anonymous: false,
        }),
      60,
    );
    const written = await database.db
      .select({ body: notes.body })
      .from(notes)
      .where(eq(notes.participantId, author.participantId));
    expect(written).toHaveLength(20);
    expect(written.map((n) => n.body)).not.toContain("One too many");

    await endWindows(`note:${author.participantId}`);
    const again = await write(21);
    expect((await database.db.select().from(notes).where(eq(notes.id, again.id))).length).toBe(1);
  });

  it("stop a participant after 120 upvotes a minute; the refused upvote is not stored", async () => {
    const session = await newSession("discuss");
    const author = await joinAsGuest(session.joinCode, "Author");
    const voter = await joinAsGuest(session.joinCode, "Clicker");
    const note = await createCaller(contextOn(0, { cookie: author.cookie })).participant.addNote({
      sessionId: session.id,
      practiceId: null,
      body: "Upvote me",
      anonymous: false,
    });
    // Up, down, up, down …: 120 counted taps end with no upvote stored.
    for (let i = 0; i < 120; i++) {
      await createCaller(contextOn(i, { cookie: voter.cookie })).participant.upvote({
        sessionId: session.id,
        noteId: note.id,
        up: i % 2 === 0,
      });
    }
    await expectTooMany(
      contextOn(0, { cookie: voter.cookie }),
      (caller) => caller.participant.upvote({ sessionId: session.id, noteId: note.id, up: true }),
      60,
    );
    expect(
      await database.db.select().from(noteUpvotes).where(eq(noteUpvotes.noteId, note.id)),
    ).toEqual([]);
  });
});

describe("ballots", () => {
  it("stop a phone after 60 casts a minute across instances, keeping the last accepted ballot", async () => {
    const session = await newSession("vote");
    const { roundId } = await createCaller(contextOn(0, { user: home.facilitator })).voting.open({
      sessionId: session.id,
      method: "dots",
    });
    const [first, second] = await pinnedPractices(database.db, session.essayVersionId);
    const phone = await joinAsGuest(session.joinCode, "Indecisive");
    const cast = (i: number, submissionId: string) =>
      createCaller(contextOn(i, { cookie: phone.cookie })).voting.cast({
        sessionId: session.id,
        roundId,
        submissionId,
        marks: [{ practiceId: i % 2 === 0 ? first! : second!, points: 1, importance: null }],
      });
    const submissions = Array.from({ length: 60 }, () => randomUUID());
    // A phone changing its mind many times in a burst is fine.
    for (const [i, submissionId] of submissions.entries()) {
      expect(await cast(i, submissionId)).toEqual({ changed: true });
    }

    await expectTooMany(
      contextOn(0, { cookie: phone.cookie }),
      (caller) =>
        caller.voting.cast({
          sessionId: session.id,
          roundId,
          submissionId: randomUUID(),
          marks: [],
        }),
      60,
    );
    const [stored] = await database.db
      .select({ submissionId: ballots.submissionId })
      .from(ballots)
      .where(eq(ballots.participantId, phone.participantId));
    expect(stored?.submissionId).toBe(submissions.at(-1));

    await endWindows(`ballot:${phone.participantId}`);
    expect(await cast(60, randomUUID())).toEqual({ changed: true });
  });
});

describe("joining", () => {
  it("lets a classroom behind one address join by default", () => {
    expect(defaultRateLimitSettings.joinsPerMinute).toBeGreaterThanOrEqual(200);
  });

  it("caps joins per session and address, writing no participant past the cap", async () => {
    const session = await newSession("lobby");
    const other = await newSession("lobby");
    const address = newAddress();
    const tight = { joinsPerMinute: 3 };
    const join = (i: number, code: string, at = address) =>
      createCaller({ ...contextOn(i, { address: at }), rateLimits: tight }).participant.join({
        code,
        displayName: `Phone ${i}`,
        joinKey: randomUUID(),
      });
    for (let i = 0; i < 3; i++) await join(i, session.joinCode);
    const before = await participantCount(session.id);

    await expectTooMany(
      { ...contextOn(1, { address }), rateLimits: tight },
      (caller) =>
        caller.participant.join({
          code: session.joinCode,
          displayName: "One too many",
          joinKey: randomUUID(),
        }),
      60,
    );
    expect(await participantCount(session.id)).toBe(before);
    // Another address, and another session from the same address, have counters of their own.
    await expect(join(0, session.joinCode, newAddress())).resolves.toBeTruthy();
    await expect(join(0, other.joinCode)).resolves.toBeTruthy();

    await endWindows(`join:${session.id}:${address}`);
    await expect(join(0, session.joinCode)).resolves.toBeTruthy();
  });
});

describe("join codes", () => {
  it("after 20 codes that lead nowhere, refuse every code from that address, the right one too", async () => {
    const session = await newSession("lobby");
    const ended = await newSession("lobby");
    await createCaller(contextOn(0, { user: home.facilitator })).session.end({
      sessionId: ended.id,
    });
    const address = newAddress();
    const attempt = (i: number, code: string) =>
      outcome(
        createCaller(contextOn(i, { address })).participant.join({
          code,
          displayName: "Guesser",
          joinKey: randomUUID(),
        }),
      );
    // An ended session's code counts as a miss like an unknown one (and gives no title away).
    expect(await attempt(0, ended.joinCode)).toBe("CONFLICT");
    expect(
      await createCaller(contextOn(1, { address })).join.lookUp({ code: ended.joinCode }),
    ).toEqual({
      status: "ended",
    });
    const wrongCodes = Array.from(
      { length: unknownCodeLimit.limit - 2 },
      (_, i) => `ZZZ${"23456789ABCDEFGHJKMNPQRSTUVWXYZ"[i]}ZZ`,
    );
    for (const [i, code] of wrongCodes.entries()) expect(await attempt(i, code)).toBe("NOT_FOUND");
    const before = await participantCount(session.id);

    await expectTooMany(
      contextOn(0, { address }),
      (caller) =>
        caller.participant.join({ code: "ZZZZZ2", displayName: "Guesser", joinKey: randomUUID() }),
      unknownCodeLimit.windowSeconds,
    );
    await expectTooMany(
      contextOn(1, { address }),
      (caller) =>
        caller.participant.join({
          code: session.joinCode,
          displayName: "Guesser",
          joinKey: randomUUID(),
        }),
      unknownCodeLimit.windowSeconds,
    );
    expect(await participantCount(session.id)).toBe(before);
    const lookedUp = await createCaller(contextOn(0, { address })).join.lookUp({
      code: session.joinCode,
    });
    expect(lookedUp.status).toBe("rate_limited");

    await endWindows(`join-miss:${address}`);
    expect(await attempt(1, session.joinCode)).toBe("ok");
  });

  it("counts a burst of parallel guesses on two instances exactly, then refuses the right code", async () => {
    const session = await newSession("lobby");
    const address = newAddress();
    const guesses = Array.from(
      { length: 40 },
      (_, i) => `YY${"23456789ABCDEFGHJKMNPQRSTUVWXYZ"[i % 31]}${"23456789"[Math.floor(i / 31)]}YY`,
    );
    const join = (i: number, code: string) =>
      outcome(
        createCaller(contextOn(i, { address })).participant.join({
          code,
          displayName: "Burst",
          joinKey: randomUUID(),
        }),
      );
    const outcomes = await Promise.all(guesses.map((code, i) => join(i, code)));
    // Every miss is counted atomically: no more than the limit were answered "unknown".
    expect(outcomes.filter((o) => o === "NOT_FOUND").length).toBeLessThanOrEqual(
      unknownCodeLimit.limit,
    );
    expect(outcomes.filter((o) => o === "TOO_MANY_REQUESTS").length).toBeGreaterThanOrEqual(
      guesses.length - unknownCodeLimit.limit,
    );
    expect(await join(0, session.joinCode)).toBe("TOO_MANY_REQUESTS");
    expect(await join(1, session.joinCode)).toBe("TOO_MANY_REQUESTS");
    expect(await participantCount(session.id)).toBe(0);
  });
});

describe("invites", () => {
  it("stop a client after 20 invite attempts in 10 minutes; the refused one joins no team", async () => {
    const address = newAddress();
    const newcomer = await createUser(database.db, "member", "invitee");
    const { path } = await createInvite(database.db, {
      teamId: home.team.id,
      createdById: home.facilitator.id,
      teamRole: "member",
      expiresInDays: 7,
    });
    const token = path.split("/").at(-1)!;
    for (let i = 0; i < 20; i++) {
      const attempt = createCaller(contextOn(i, { address, user: newcomer })).team.acceptInvite({
        token: `not-a-token-${i}`,
      });
      expect(await outcome(attempt)).toBe("NOT_FOUND");
    }
    await expectTooMany(
      contextOn(0, { address, user: newcomer }),
      (caller) => caller.team.acceptInvite({ token }),
      10 * 60,
    );
    expect(
      await database.db
        .select()
        .from(teamMemberships)
        .where(eq(teamMemberships.userId, newcomer.id)),
    ).toEqual([]);
  });
});

describe("counters", () => {
  it("count hits that arrive together one after another, each allowed only within the limit", async () => {
    const key = `burst:${randomUUID()}`;
    const rule = { limit: 5, windowSeconds: 60 };
    // A burst on two instances, and a second key in the same batches that must not mix in.
    const states = await Promise.all(
      Array.from({ length: 12 }, (_, i) => hitRateLimit(instance(i), key, rule)),
    );
    const other = await Promise.all(
      Array.from({ length: 3 }, (_, i) => hitRateLimit(instance(i), `${key}:other`, rule)),
    );
    expect(states.map((state) => state.hits).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 12 }, (_, i) => i + 1),
    );
    expect(states.filter((state) => state.allowed)).toHaveLength(rule.limit);
    expect(states.every((state) => state.allowed === state.hits <= rule.limit)).toBe(true);
    expect(other.map((state) => state.hits).sort()).toEqual([1, 2, 3]);
    const [row] = await database.db.select().from(rateLimits).where(eq(rateLimits.key, key));
    expect(row?.hits).toBe(12);
  });
});
