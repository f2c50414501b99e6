import { randomUUID } from "node:crypto";

import { TRPCError } from "@trpc/server";
import { and, asc, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

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
import { createInProcessBus } from "~/server/realtime/in-process-bus";
import { createSession } from "~/server/sessions/create";
import {
  loadConsoleSnapshot,
  loadRoomSnapshot,
  type ConsoleSnapshot,
  type RoomSnapshot,
} from "~/server/sessions/snapshot";

import { createUser, testContext } from "../helpers/callers";
import { createTestDatabase, type TestDatabase } from "../helpers/database";
import { createTeamWithSession, defaultSettings, type TeamWithSession } from "../helpers/fixtures";
import { outcome } from "../helpers/outcome";

let database: TestDatabase;
let home: TeamWithSession;
let other: TeamWithSession;
let admin: CurrentUser;
let outsider: CurrentUser;
/** The pinned version's practices, in the essay's order. */
let practices: string[];
const bus = createInProcessBus();

beforeAll(async () => {
  database = await createTestDatabase();
  home = await createTeamWithSession(database.db, "home");
  other = await createTeamWithSession(database.db, "other");
  admin = await createUser(database.db, "admin");
  outsider = await createUser(database.db, "member", "outsider");
  const rows = await database.db
    .select({ id: practiceVersions.practiceId })
    .from(practiceVersions)
    .where(eq(practiceVersions.versionId, home.session.essayVersionId))
    .orderBy(asc(practiceVersions.position));
  practices = rows.map((row) => row.id);
  expect(practices.length).toBeGreaterThanOrEqual(4);
});
afterAll(() => database.destroy());

type Caller = ReturnType<typeof createCaller>;
const as = (user: CurrentUser | null, cookie?: string): Caller =>
  createCaller(testContext(database.db, user, { cookie, bus }));

/** Joins as a guest and returns a caller carrying the participant cookie the server set. */
async function joinAsGuest(name: string, code: string) {
  const context = testContext(database.db, null, { bus });
  const joined = await createCaller(context).participant.join({
    code,
    displayName: name,
    joinKey: randomUUID(),
  });
  const cookie = context.responseHeaders.get("set-cookie")!.split(";")[0]!;
  return { ...joined, cookie, caller: as(null, cookie) };
}
type Guest = Awaited<ReturnType<typeof joinAsGuest>>;

/** A fresh live session of the home team, moved to the given stage, with a few guests. */
async function freshSession(stage: SessionStage = "vote", guestCount = 3) {
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
async function votingRows(sessionId: string) {
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
async function expectRefusedUnchanged(
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

const dots = (...pairs: [number, number][]) =>
  pairs.map(([practice, points]) => ({ practiceId: practices[practice]!, points }));
const ratings = (...triples: [number, number, number][]) =>
  triples.map(([practice, points, importance]) => ({
    practiceId: practices[practice]!,
    points,
    importance,
  }));

/** The marks stored for one participant in a round, as plain comparable rows. */
async function storedMarks(roundId: string, participantId: string) {
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
const sortMarks = <T extends { practiceId: string }>(marks: T[]) =>
  [...marks].sort((a, b) => a.practiceId.localeCompare(b.practiceId));

/** A tracked subscription value: [event id, data]. */
type Tracked<T> = [string, T];

describe("a dot-voting round from open to reveal", () => {
  it("records ballots, shows turnout but no tallies while open, and reveals ranked results everywhere", async () => {
    const { sessionId, guests, facilitator } = await freshSession("vote", 4);
    const opened = await facilitator.voting.open({ sessionId, method: "dots" });
    expect(opened.number).toBe(1);
    const roundId = opened.roundId;
    const [round] = await database.db
      .select()
      .from(votingRounds)
      .where(eq(votingRounds.id, roundId));
    // The defaults of DESIGN.md, and every practice of the pinned version on the ballot.
    expect(round).toMatchObject({
      status: "open",
      method: "dots",
      params: { dots: 3, maxDotsPerPractice: 2, practiceIds: practices },
    });

    const [g1, g2, g3] = guests as [Guest, Guest, Guest];
    await g1.caller.voting.cast({
      sessionId,
      roundId,
      submissionId: "g1-first-1",
      marks: dots([0, 2], [1, 1]),
    });
    await g2.caller.voting.cast({
      sessionId,
      roundId,
      submissionId: "g2-first-1",
      marks: dots([1, 2], [2, 1]),
    });
    await g3.caller.voting.cast({
      sessionId,
      roundId,
      submissionId: "g3-first-1",
      marks: dots([2, 1], [0, 1], [3, 1]),
    });

    const during = (await loadRoomSnapshot(database.db, sessionId)).snapshot.voting;
    expect(during.round).toMatchObject({ id: roundId, number: 1, status: "open", voted: 3 });
    expect(during.results).toBeNull();

    await facilitator.voting.reveal({ sessionId, roundId });
    const rows = await votingRows(sessionId);
    expect(rows.stage).toBe("results");
    expect(rows.rounds[0]).toMatchObject({ status: "revealed" });
    expect(rows.rounds[0]!.closedAt).toBeInstanceOf(Date);
    expect(rows.rounds[0]!.revealedAt).toBeInstanceOf(Date);

    const room = (await loadRoomSnapshot(database.db, sessionId)).snapshot.voting;
    const consoleVoting = (await loadConsoleSnapshot(database.db, sessionId)).snapshot.voting;
    expect(consoleVoting).toEqual(room);
    expect(room.results).toMatchObject({ roundId, number: 1, method: "dots", ballots: 3 });
    // p0: 2+1 = 3, p1: 1+2 = 3, p2: 1+1 = 2, p3: 1; the rest 0.
    expect(room.results!.rows.slice(0, 4)).toEqual([
      { practiceId: practices[0], score: 3, rank: 1, tied: true },
      { practiceId: practices[1], score: 3, rank: 1, tied: true },
      { practiceId: practices[2], score: 2, rank: 3, tied: false },
      { practiceId: practices[3], score: 1, rank: 4, tied: false },
    ]);
    expect(room.results!.rows).toHaveLength(practices.length);
    expect(room.results!.rows.slice(4).every((r) => "score" in r && r.score === 0)).toBe(true);
  });

  it("lets a phone change its vote until the round closes, keeping one ballot", async () => {
    const { sessionId, guests, facilitator } = await freshSession("vote", 1);
    const { roundId } = await facilitator.voting.open({ sessionId, method: "dots" });
    const phone = guests[0]!;
    expect(await phone.caller.voting.mine({ sessionId, roundId })).toBeNull();

    const first = await phone.caller.voting.cast({
      sessionId,
      roundId,
      submissionId: "first-ballot",
      marks: dots([0, 2], [1, 1]),
    });
    expect(first).toEqual({ changed: true });
    const changed = await phone.caller.voting.cast({
      sessionId,
      roundId,
      submissionId: "second-ballot",
      marks: dots([3, 1]),
    });
    expect(changed).toEqual({ changed: true });

    const rows = await votingRows(sessionId);
    expect(rows.ballots).toHaveLength(1);
    expect(rows.ballots[0]).toMatchObject({
      participantId: phone.participantId,
      submissionId: "second-ballot",
    });
    expect(await storedMarks(roundId, phone.participantId)).toEqual([
      { practiceId: practices[3], points: 1, importance: null },
    ]);
    const mine = await phone.caller.voting.mine({ sessionId, roundId });
    expect(mine).toMatchObject({
      submissionId: "second-ballot",
      marks: [{ practiceId: practices[3], points: 1, importance: null }],
    });
    expect((await loadRoomSnapshot(database.db, sessionId)).snapshot.voting.round!.voted).toBe(1);
  });

  it("treats a retry of the stored submission as a no-op, even if its marks differ", async () => {
    const { sessionId, guests, facilitator } = await freshSession("vote", 1);
    const { roundId } = await facilitator.voting.open({ sessionId, method: "dots" });
    const phone = guests[0]!;
    const submission = { sessionId, roundId, submissionId: "retry-me-1", marks: dots([2, 2]) };
    expect(await phone.caller.voting.cast(submission)).toEqual({ changed: true });
    const stored = await votingRows(sessionId);

    expect(await phone.caller.voting.cast(submission)).toEqual({ changed: false });
    expect(await phone.caller.voting.cast({ ...submission, marks: dots([0, 1]) })).toEqual({
      changed: false,
    });
    expect(await votingRows(sessionId)).toEqual(stored);
  });
});

describe("approval and maturity rounds", () => {
  it("counts an empty approval ballot in the turnout and scores approvals per practice", async () => {
    const { sessionId, guests, facilitator } = await freshSession("vote", 3);
    const { roundId } = await facilitator.voting.open({ sessionId, method: "approval" });
    const [round] = await database.db
      .select()
      .from(votingRounds)
      .where(eq(votingRounds.id, roundId));
    // Dots mean nothing to an approval round, so none are pinned.
    expect(round!.params).toEqual({ practiceIds: practices });

    const [g1, g2, g3] = guests as [Guest, Guest, Guest];
    await g1.caller.voting.cast({
      sessionId,
      roundId,
      submissionId: "approve-1",
      marks: dots([0, 1], [1, 1], [2, 0]),
    });
    await g2.caller.voting.cast({
      sessionId,
      roundId,
      submissionId: "approve-2",
      marks: dots([1, 1]),
    });
    await g3.caller.voting.cast({ sessionId, roundId, submissionId: "approve-none", marks: [] });
    expect((await loadRoomSnapshot(database.db, sessionId)).snapshot.voting.round!.voted).toBe(3);
    expect(await storedMarks(roundId, g3.participantId)).toEqual([]);
    expect(await g3.caller.voting.mine({ sessionId, roundId })).toMatchObject({ marks: [] });

    await facilitator.voting.reveal({ sessionId, roundId });
    const results = (await loadRoomSnapshot(database.db, sessionId)).snapshot.voting.results!;
    expect(results).toMatchObject({ method: "approval", ballots: 3 });
    expect(results.rows.slice(0, 2)).toEqual([
      { practiceId: practices[1], score: 2, rank: 1, tied: false },
      { practiceId: practices[0], score: 1, rank: 2, tied: false },
    ]);
  });

  it("reveals today/importance averages and the gap of a maturity run-off", async () => {
    const { sessionId, guests, facilitator } = await freshSession("vote", 2);
    const runOff = [practices[2]!, practices[0]!];
    const { roundId } = await facilitator.voting.open({
      sessionId,
      method: "maturity",
      practiceIds: runOff,
    });
    const [round] = await database.db
      .select()
      .from(votingRounds)
      .where(eq(votingRounds.id, roundId));
    // The run-off keeps the essay's order, whatever order the facilitator picked them in.
    expect(round!.params.practiceIds).toEqual([practices[0], practices[2]]);

    const [g1, g2] = guests as [Guest, Guest];
    await g1.caller.voting.cast({
      sessionId,
      roundId,
      submissionId: "mat-1-abc",
      marks: ratings([0, 2, 5], [2, 4, 4]),
    });
    await g2.caller.voting.cast({
      sessionId,
      roundId,
      submissionId: "mat-2-abc",
      marks: ratings([0, 1, 4], [2, 5, 3]),
    });
    await facilitator.voting.reveal({ sessionId, roundId });
    const results = (await loadRoomSnapshot(database.db, sessionId)).snapshot.voting.results!;
    expect(results).toEqual({
      roundId,
      number: 1,
      method: "maturity",
      ballots: 2,
      rows: [
        {
          practiceId: practices[0],
          ratings: 2,
          today: 1.5,
          importance: 4.5,
          gap: 3,
          rank: 1,
          tied: false,
        },
        {
          practiceId: practices[2],
          ratings: 2,
          today: 4.5,
          importance: 3.5,
          gap: -1,
          rank: 2,
          tied: false,
        },
      ],
    });
  });

  it("runs a second round from the results stage, back in the vote stage", async () => {
    const { sessionId, guests, facilitator } = await freshSession("vote", 1);
    const first = await facilitator.voting.open({ sessionId, method: "dots" });
    await guests[0]!.caller.voting.cast({
      sessionId,
      roundId: first.roundId,
      submissionId: "round-one-1",
      marks: dots([0, 1]),
    });
    await facilitator.voting.reveal({ sessionId, roundId: first.roundId });
    expect((await votingRows(sessionId)).stage).toBe("results");

    const second = await facilitator.voting.open({
      sessionId,
      method: "approval",
      practiceIds: [practices[0]!, practices[1]!],
    });
    expect(second.number).toBe(2);
    const rows = await votingRows(sessionId);
    expect(rows.stage).toBe("vote");
    expect(rows.rounds.map((r) => [r.number, r.status])).toEqual([
      [1, "revealed"],
      [2, "open"],
    ]);
    const voting = (await loadRoomSnapshot(database.db, sessionId)).snapshot.voting;
    // The new round is current (nobody voted yet); the first round's results stay shown.
    expect(voting.round).toMatchObject({ id: second.roundId, voted: 0, status: "open" });
    expect(voting.results).toMatchObject({ roundId: first.roundId, ballots: 1 });
    await expectRefusedUnchanged(
      sessionId,
      () =>
        guests[0]!.caller.voting.cast({
          sessionId,
          roundId: second.roundId,
          submissionId: "round-two-1",
          marks: dots([2, 1]),
        }),
      "CONFLICT",
      "That practice is not on this round's ballot.",
    );
  });
});

describe("bad timing and bad ballots are refused with a clear message and change nothing", () => {
  it("refuses opening outside the vote stage", async () => {
    for (const stage of ["lobby", "discuss", "actions"] as const) {
      const { sessionId, facilitator } = await freshSession(stage, 0);
      await expectRefusedUnchanged(
        sessionId,
        () => facilitator.voting.open({ sessionId, method: "dots" }),
        "CONFLICT",
        "Open voting from the vote stage.",
      );
    }
  });

  it("refuses a second open round, and bad round options", async () => {
    const { sessionId, facilitator } = await freshSession("vote", 0);
    await facilitator.voting.open({ sessionId, method: "dots" });
    await expectRefusedUnchanged(
      sessionId,
      () => facilitator.voting.open({ sessionId, method: "approval" }),
      "CONFLICT",
      "A round is already open. Close it before opening another.",
    );
    const fresh = await freshSession("vote", 0);
    await expectRefusedUnchanged(
      fresh.sessionId,
      () =>
        fresh.facilitator.voting.open({
          sessionId: fresh.sessionId,
          method: "dots",
          practiceIds: [practices[0]!, randomUUID()],
        }),
      "CONFLICT",
      "A run-off can only include practices of this workshop.",
    );
    await expectRefusedUnchanged(
      fresh.sessionId,
      () =>
        fresh.facilitator.voting.open({
          sessionId: fresh.sessionId,
          method: "approval",
          practiceIds: [practices[0]!],
        }),
      "CONFLICT",
      "A round needs at least two practices to choose between.",
    );
    await expectRefusedUnchanged(
      fresh.sessionId,
      () =>
        fresh.facilitator.voting.open({
          sessionId: fresh.sessionId,
          method: "dots",
          dots: 2,
          maxDotsPerPractice: 3,
        }),
      "BAD_REQUEST",
    );
  });

  it("refuses a bad second round from the results stage without leaving the results stage", async () => {
    const { sessionId, facilitator } = await freshSession("vote", 0);
    const first = await facilitator.voting.open({ sessionId, method: "dots" });
    await facilitator.voting.reveal({ sessionId, roundId: first.roundId });
    expect((await votingRows(sessionId)).stage).toBe("results");
    // votingRows includes the stage: a refused round must not move the room back to voting.
    await expectRefusedUnchanged(
      sessionId,
      () =>
        facilitator.voting.open({ sessionId, method: "approval", practiceIds: [practices[0]!] }),
      "CONFLICT",
      "A round needs at least two practices to choose between.",
    );
  });

  it("refuses casting before any round, with a round id that does not exist", async () => {
    const { sessionId, guests } = await freshSession("vote", 1);
    await expectRefusedUnchanged(
      sessionId,
      () =>
        guests[0]!.caller.voting.cast({
          sessionId,
          roundId: randomUUID(),
          submissionId: "too-early-1",
          marks: dots([0, 1]),
        }),
      "CONFLICT",
      "That voting round is not part of this session.",
    );
    await expectRefusedUnchanged(
      sessionId,
      () => guests[0]!.caller.voting.mine({ sessionId, roundId: randomUUID() }),
      "CONFLICT",
      "That voting round is not part of this session.",
    );
  });

  it("refuses a vote in a closed round and keeps the ballot cast before closing", async () => {
    const { sessionId, guests, facilitator } = await freshSession("vote", 2);
    const { roundId } = await facilitator.voting.open({ sessionId, method: "dots" });
    const [voter, late] = guests as [Guest, Guest];
    await voter.caller.voting.cast({
      sessionId,
      roundId,
      submissionId: "before-close",
      marks: dots([0, 1]),
    });
    await facilitator.voting.close({ sessionId, roundId });
    for (const [guest, submissionId] of [
      [voter, "after-close-change"],
      [late, "after-close-first"],
    ] as const) {
      await expectRefusedUnchanged(
        sessionId,
        () => guest.caller.voting.cast({ sessionId, roundId, submissionId, marks: dots([1, 2]) }),
        "CONFLICT",
        "Voting in this round has closed; your ballot was not changed.",
      );
    }
    await expectRefusedUnchanged(
      sessionId,
      () => facilitator.voting.close({ sessionId, roundId }),
      "CONFLICT",
      "This round is already closed.",
    );
    // Still closed, not revealed: the room sees the turnout, not the tallies.
    const voting = (await loadRoomSnapshot(database.db, sessionId)).snapshot.voting;
    expect(voting.round).toMatchObject({ status: "closed", voted: 1 });
    expect(voting.results).toBeNull();

    await facilitator.voting.reveal({ sessionId, roundId });
    await expectRefusedUnchanged(
      sessionId,
      () => facilitator.voting.reveal({ sessionId, roundId }),
      "CONFLICT",
      "These results are already revealed.",
    );
    await expectRefusedUnchanged(
      sessionId,
      () =>
        voter.caller.voting.cast({
          sessionId,
          roundId,
          submissionId: "after-reveal",
          marks: dots([2, 1]),
        }),
      "CONFLICT",
      "Voting in this round has closed; your ballot was not changed.",
    );
  });

  it("refuses a round of another session, for votes and for the facilitator's commands", async () => {
    const mine = await freshSession("vote", 1);
    const theirs = await freshSession("vote", 0);
    const theirRound = await theirs.facilitator.voting.open({
      sessionId: theirs.sessionId,
      method: "dots",
    });
    const guest = mine.guests[0]!;
    for (const sessionId of [mine.sessionId, theirs.sessionId]) {
      await expectRefusedUnchanged(
        sessionId,
        () =>
          guest.caller.voting.cast({
            sessionId: mine.sessionId,
            roundId: theirRound.roundId,
            submissionId: "wrong-session",
            marks: dots([0, 1]),
          }),
        "CONFLICT",
        "That voting round is not part of this session.",
      );
    }
    await expectRefusedUnchanged(
      theirs.sessionId,
      () => guest.caller.voting.mine({ sessionId: mine.sessionId, roundId: theirRound.roundId }),
      "CONFLICT",
      "That voting round is not part of this session.",
    );
    // The same facilitator runs both sessions, but a command names its session and round together.
    for (const command of ["close", "reveal"] as const) {
      await expectRefusedUnchanged(
        theirs.sessionId,
        () =>
          mine.facilitator.voting[command]({
            sessionId: mine.sessionId,
            roundId: theirRound.roundId,
          }),
        "CONFLICT",
        "That voting round is not part of this session.",
      );
    }
  });

  it("refuses revealing, closing or opening as a participant", async () => {
    const { sessionId, guests, facilitator } = await freshSession("vote", 1);
    const { roundId } = await facilitator.voting.open({ sessionId, method: "dots" });
    const phone = guests[0]!.caller;
    await expectRefusedUnchanged(
      sessionId,
      () => phone.voting.reveal({ sessionId, roundId }),
      "UNAUTHORIZED",
    );
    await expectRefusedUnchanged(
      sessionId,
      () => phone.voting.close({ sessionId, roundId }),
      "UNAUTHORIZED",
    );
    await facilitator.voting.close({ sessionId, roundId });
    await expectRefusedUnchanged(
      sessionId,
      () => phone.voting.open({ sessionId, method: "dots" }),
      "UNAUTHORIZED",
    );
  });

  it("refuses bad dot ballots and leaves the phone's stored ballot as it was", async () => {
    const { sessionId, guests, facilitator } = await freshSession("vote", 1);
    const { roundId } = await facilitator.voting.open({ sessionId, method: "dots" });
    const phone = guests[0]!.caller;
    await phone.voting.cast({ sessionId, roundId, submissionId: "good-one", marks: dots([0, 1]) });
    const cases: [string, { practiceId: string; points: number }[], string][] = [
      ["over budget", dots([0, 2], [1, 2]), "You have 3 dots; this ballot spends 4."],
      ["over the per-practice cap", dots([0, 3]), "At most 2 dots on one practice."],
      [
        "an unknown practice",
        [{ practiceId: randomUUID(), points: 1 }],
        "That practice is not on this round's ballot.",
      ],
      ["no dots", dots([0, 0]), "Place at least one dot."],
      ["a practice twice", dots([0, 1], [0, 1]), "Each practice can appear only once on a ballot."],
    ];
    for (const [, marks, message] of cases) {
      await expectRefusedUnchanged(
        sessionId,
        () => phone.voting.cast({ sessionId, roundId, submissionId: randomUUID(), marks }),
        "CONFLICT",
        message,
      );
    }
    await expectRefusedUnchanged(
      sessionId,
      () =>
        phone.voting.cast({
          sessionId,
          roundId,
          submissionId: randomUUID(),
          marks: dots([0, -1]),
        }),
      "BAD_REQUEST",
    );
    await expectRefusedUnchanged(
      sessionId,
      () =>
        phone.voting.cast({
          sessionId,
          roundId,
          submissionId: randomUUID(),
          marks: [{ practiceId: "not-a-uuid", points: 1 }],
        }),
      "BAD_REQUEST",
    );
  });

  it("refuses maturity ratings out of range or missing, and approvals that aren't yes/no", async () => {
    const { sessionId, guests, facilitator } = await freshSession("vote", 1);
    const phone = guests[0]!.caller;
    const { roundId } = await facilitator.voting.open({
      sessionId,
      method: "maturity",
      practiceIds: [practices[0]!, practices[1]!, practices[2]!],
    });
    const rangeMessage = "Rate each practice from 1 to 5, for today and for importance.";
    const cases: [ReturnType<typeof ratings>, TRPCError["code"], string | undefined][] = [
      [ratings([0, 0, 3], [1, 3, 3], [2, 3, 3]), "CONFLICT", rangeMessage],
      [ratings([0, 6, 3], [1, 3, 3], [2, 3, 3]), "CONFLICT", rangeMessage],
      [ratings([0, 3, 0], [1, 3, 3], [2, 3, 3]), "CONFLICT", rangeMessage],
      [ratings([0, 3, 6], [1, 3, 3], [2, 3, 3]), "BAD_REQUEST", undefined],
      [ratings([0, 3, 3], [1, 3, 3]), "CONFLICT", "Rate every practice: 1 is still unrated."],
      [[], "CONFLICT", "Rate every practice: 3 are still unrated."],
    ];
    for (const [marks, code, message] of cases) {
      await expectRefusedUnchanged(
        sessionId,
        () => phone.voting.cast({ sessionId, roundId, submissionId: randomUUID(), marks }),
        code,
        message,
      );
    }
    // Without an importance the rating is incomplete.
    await expectRefusedUnchanged(
      sessionId,
      () =>
        phone.voting.cast({
          sessionId,
          roundId,
          submissionId: randomUUID(),
          marks: [...ratings([0, 3, 3], [1, 3, 3]), { practiceId: practices[2]!, points: 3 }],
        }),
      "CONFLICT",
      rangeMessage,
    );
    expect((await votingRows(sessionId)).ballots).toHaveLength(0);

    await facilitator.voting.close({ sessionId, roundId });
    const approvalRound = await facilitator.voting.open({ sessionId, method: "approval" });
    await expectRefusedUnchanged(
      sessionId,
      () =>
        phone.voting.cast({
          sessionId,
          roundId: approvalRound.roundId,
          submissionId: randomUUID(),
          marks: dots([0, 2]),
        }),
      "CONFLICT",
      "Approval is yes or no for each practice.",
    );
  });

  it("refuses votes once the session has ended, and from a removed participant", async () => {
    const { sessionId, guests, facilitator } = await freshSession("vote", 2);
    const { roundId } = await facilitator.voting.open({ sessionId, method: "dots" });
    const [removed, stays] = guests as [Guest, Guest];
    await removed.caller.voting.cast({
      sessionId,
      roundId,
      submissionId: "removed-1",
      marks: dots([0, 2]),
    });
    await stays.caller.voting.cast({
      sessionId,
      roundId,
      submissionId: "stays-1a",
      marks: dots([1, 1]),
    });
    await facilitator.session.removeParticipant({
      sessionId,
      participantId: removed.participantId,
    });
    await expectRefusedUnchanged(
      sessionId,
      () =>
        removed.caller.voting.cast({
          sessionId,
          roundId,
          submissionId: "removed-2",
          marks: dots([0, 1]),
        }),
      "FORBIDDEN",
    );
    // Removing someone takes their ballot out of the turnout and the tally.
    expect((await loadRoomSnapshot(database.db, sessionId)).snapshot.voting.round!.voted).toBe(1);

    await facilitator.session.end({ sessionId });
    await expectRefusedUnchanged(
      sessionId,
      () =>
        stays.caller.voting.cast({
          sessionId,
          roundId,
          submissionId: "stays-2b",
          marks: dots([2, 1]),
        }),
      "CONFLICT",
      "This session has ended.",
    );
    for (const command of ["close", "reveal"] as const) {
      await expectRefusedUnchanged(
        sessionId,
        () => facilitator.voting[command]({ sessionId, roundId }),
        "CONFLICT",
        "This session has ended.",
      );
    }
  });
});

describe("anonymity: no output shows who voted what", () => {
  it("keeps participant ids and submission ids out of every screen's snapshot, and `mine` to the caller", async () => {
    const { sessionId, guests, facilitator } = await freshSession("vote", 3);
    const { roundId } = await facilitator.voting.open({ sessionId, method: "dots" });
    const [g1, g2, g3] = guests as [Guest, Guest, Guest];
    await g1.caller.voting.cast({
      sessionId,
      roundId,
      submissionId: "secret-sub-1",
      marks: dots([0, 2]),
    });
    await g2.caller.voting.cast({
      sessionId,
      roundId,
      submissionId: "secret-sub-2",
      marks: dots([1, 1]),
    });

    // Each phone sees only its own ballot; one that hasn't voted sees nothing.
    expect(await g1.caller.voting.mine({ sessionId, roundId })).toMatchObject({
      submissionId: "secret-sub-1",
      marks: [{ practiceId: practices[0], points: 2, importance: null }],
    });
    expect(await g2.caller.voting.mine({ sessionId, roundId })).toMatchObject({
      submissionId: "secret-sub-2",
      marks: [{ practiceId: practices[1], points: 1, importance: null }],
    });
    expect(await g3.caller.voting.mine({ sessionId, roundId })).toBeNull();

    await facilitator.voting.reveal({ sessionId, roundId });
    await facilitator.voting.adopt({ sessionId, practiceId: practices[0]!, adopted: true });

    // What the procedures actually send: phone, presenter and console streams.
    const first = async <T>(stream: AsyncIterable<unknown>, controller: AbortController) => {
      const value = (await stream[Symbol.asyncIterator]().next()).value as unknown as Tracked<T>;
      controller.abort();
      return value[1];
    };
    const phoneAbort = new AbortController();
    const phoneView = await first<RoomSnapshot>(
      await createCaller(testContext(database.db, null, { cookie: g3.cookie, bus }), {
        signal: phoneAbort.signal,
      }).participant.live({ sessionId }),
      phoneAbort,
    );
    const presenterAbort = new AbortController();
    const presenterView = await first<RoomSnapshot>(
      await createCaller(testContext(database.db, home.facilitator, { bus }), {
        signal: presenterAbort.signal,
      }).session.presenterLive({ sessionId }),
      presenterAbort,
    );
    const consoleAbort = new AbortController();
    const consoleView = await first<ConsoleSnapshot>(
      await createCaller(testContext(database.db, home.facilitator, { bus }), {
        signal: consoleAbort.signal,
      }).session.consoleLive({ sessionId }),
      consoleAbort,
    );

    expect(phoneView.voting.results).toMatchObject({ roundId, ballots: 2 });
    expect(presenterView.voting).toEqual(phoneView.voting);
    expect(consoleView.voting).toEqual(phoneView.voting);
    const secrets = [...guests.map((g) => g.participantId), "secret-sub-1", "secret-sub-2"];
    for (const view of [phoneView.voting, presenterView.voting, consoleView.voting]) {
      const json = JSON.stringify(view);
      for (const secret of secrets) expect(json).not.toContain(secret);
    }
    // The console lists who is here, but nothing about anyone's ballot.
    expect(consoleView.people.map((p) => p.id).sort()).toEqual(
      guests.map((g) => g.participantId).sort(),
    );
    for (const person of consoleView.people) {
      expect(
        Object.keys(person).filter((key) => /vot|ballot|mark|point|submission/i.test(key)),
      ).toEqual([]);
      const json = JSON.stringify(person);
      for (const secret of ["secret-sub-1", "secret-sub-2"]) expect(json).not.toContain(secret);
    }
    // The adoption's recorded tally is an aggregate too.
    const [adopted] = await database.db
      .select()
      .from(adoptedPractices)
      .where(eq(adoptedPractices.sessionId, sessionId));
    const tallyJson = JSON.stringify(adopted!.tally);
    for (const secret of secrets) expect(tallyJson).not.toContain(secret);
  });
});

describe("adopting practices", () => {
  it("is refused before results are shown", async () => {
    const { sessionId, facilitator } = await freshSession("vote", 0);
    await expectRefusedUnchanged(
      sessionId,
      () => facilitator.voting.adopt({ sessionId, practiceId: practices[0]!, adopted: true }),
      "CONFLICT",
      "Pick practices to adopt once the results are shown.",
    );
  });

  it("records the round and its tally row, shows in the snapshot, and can be taken back", async () => {
    const { sessionId, guests, facilitator } = await freshSession("vote", 2);
    const { roundId } = await facilitator.voting.open({ sessionId, method: "dots" });
    const [g1, g2] = guests as [Guest, Guest];
    await g1.caller.voting.cast({
      sessionId,
      roundId,
      submissionId: "adopt-g1-1",
      marks: dots([1, 2], [0, 1]),
    });
    await g2.caller.voting.cast({
      sessionId,
      roundId,
      submissionId: "adopt-g2-1",
      marks: dots([1, 1]),
    });
    await facilitator.voting.reveal({ sessionId, roundId });

    expect(
      await facilitator.voting.adopt({ sessionId, practiceId: practices[1]!, adopted: true }),
    ).toEqual({ changed: true });
    const [row] = await database.db
      .select()
      .from(adoptedPractices)
      .where(eq(adoptedPractices.sessionId, sessionId));
    expect(row).toMatchObject({
      teamId: home.team.id,
      practiceId: practices[1],
      roundId,
      adoptedById: home.facilitator.id,
      tally: {
        method: "dots",
        ballots: 2,
        practiceId: practices[1],
        score: 3,
        rank: 1,
        tied: false,
      },
    });
    expect(
      (await loadRoomSnapshot(database.db, sessionId)).snapshot.voting.adoptedPracticeIds,
    ).toEqual([practices[1]]);

    // Adopting again changes nothing; it carries into the actions stage.
    expect(
      await facilitator.voting.adopt({ sessionId, practiceId: practices[1]!, adopted: true }),
    ).toEqual({ changed: false });
    await facilitator.session.stage({ sessionId, command: { type: "goto", stage: "actions" } });
    expect(
      await facilitator.voting.adopt({ sessionId, practiceId: practices[0]!, adopted: true }),
    ).toEqual({ changed: true });
    expect(
      (await loadRoomSnapshot(database.db, sessionId)).snapshot.voting.adoptedPracticeIds,
    ).toEqual([practices[1], practices[0]]);

    expect(
      await facilitator.voting.adopt({ sessionId, practiceId: practices[1]!, adopted: false }),
    ).toEqual({ changed: true });
    expect(
      await facilitator.voting.adopt({ sessionId, practiceId: practices[1]!, adopted: false }),
    ).toEqual({ changed: false });
    expect(
      (await loadRoomSnapshot(database.db, sessionId)).snapshot.voting.adoptedPracticeIds,
    ).toEqual([practices[0]]);
    const remaining = await database.db
      .select({ practiceId: adoptedPractices.practiceId })
      .from(adoptedPractices)
      .where(eq(adoptedPractices.sessionId, sessionId));
    expect(remaining).toEqual([{ practiceId: practices[0] }]);
  });

  it("refuses a practice that is not part of the workshop", async () => {
    const { sessionId, facilitator } = await freshSession("results", 0);
    await expectRefusedUnchanged(
      sessionId,
      () => facilitator.voting.adopt({ sessionId, practiceId: randomUUID(), adopted: true }),
      "CONFLICT",
      "That practice is not part of this workshop.",
    );
  });
});

describe("who may call each voting procedure", () => {
  const roles = [
    "anonymous",
    "signed-in non-member",
    "member of this team",
    "facilitator of another team",
    "facilitator of this team",
    "admin",
    "guest participant of this session",
    "participant of another session",
  ] as const;
  type Role = (typeof roles)[number];

  const facilitatorExpected: Record<Role, string> = {
    anonymous: "UNAUTHORIZED",
    "signed-in non-member": "NOT_FOUND",
    "member of this team": "FORBIDDEN",
    "facilitator of another team": "NOT_FOUND",
    "facilitator of this team": "ok",
    admin: "ok",
    "guest participant of this session": "UNAUTHORIZED",
    "participant of another session": "UNAUTHORIZED",
  };
  const participantExpected = (role: Role) =>
    role === "guest participant of this session" ? "ok" : "UNAUTHORIZED";

  let foreignGuest: Guest;
  beforeAll(async () => {
    foreignGuest = await joinAsGuest("Foreigner", other.session.joinCode);
  });

  it.each(roles)("%s", async (role) => {
    const { sessionId, guests, facilitator } = await freshSession("vote", 1);
    const caller = {
      anonymous: () => as(null),
      "signed-in non-member": () => as(outsider),
      "member of this team": () => as(home.member),
      "facilitator of another team": () => as(other.facilitator),
      "facilitator of this team": () => as(home.facilitator),
      admin: () => as(admin),
      "guest participant of this session": () => guests[0]!.caller,
      "participant of another session": () => foreignGuest.caller,
    }[role]();
    const runs = facilitatorExpected[role] === "ok";
    const votes = participantExpected(role) === "ok";
    const db = database.db;
    const roundsOf = () =>
      db.select().from(votingRounds).where(eq(votingRounds.sessionId, sessionId));
    const seen: Record<string, string> = {};

    // open
    seen.open = await outcome(caller.voting.open({ sessionId, method: "dots" }));
    expect(await roundsOf()).toHaveLength(runs ? 1 : 0);
    if (!runs) await facilitator.voting.open({ sessionId, method: "dots" });
    const roundId = (await roundsOf())[0]!.id;

    // cast and mine
    seen.cast = await outcome(
      caller.voting.cast({ sessionId, roundId, submissionId: `by-${role}`, marks: dots([0, 1]) }),
    );
    const stored = await db.select().from(ballots).where(eq(ballots.roundId, roundId));
    expect(stored).toHaveLength(votes ? 1 : 0);
    seen.mine = await outcome(caller.voting.mine({ sessionId, roundId }));

    // close
    seen.close = await outcome(caller.voting.close({ sessionId, roundId }));
    expect((await roundsOf())[0]!.status).toBe(runs ? "closed" : "open");
    if (!runs) await facilitator.voting.close({ sessionId, roundId });

    // reveal
    seen.reveal = await outcome(caller.voting.reveal({ sessionId, roundId }));
    expect((await roundsOf())[0]!.status).toBe(runs ? "revealed" : "closed");
    if (!runs) await facilitator.voting.reveal({ sessionId, roundId });

    // adopt, then take it back
    const adoptedRows = () =>
      db.select().from(adoptedPractices).where(eq(adoptedPractices.sessionId, sessionId));
    seen.adopt = await outcome(
      caller.voting.adopt({ sessionId, practiceId: practices[0]!, adopted: true }),
    );
    expect(await adoptedRows()).toHaveLength(runs ? 1 : 0);
    if (!runs)
      await facilitator.voting.adopt({ sessionId, practiceId: practices[0]!, adopted: true });
    seen.unadopt = await outcome(
      caller.voting.adopt({ sessionId, practiceId: practices[0]!, adopted: false }),
    );
    expect(await adoptedRows()).toHaveLength(runs ? 0 : 1);

    const f = facilitatorExpected[role];
    const p = participantExpected(role);
    expect(seen).toEqual({
      open: f,
      cast: p,
      mine: p,
      close: f,
      reveal: f,
      adopt: f,
      unadopt: f,
    });
  });
});
