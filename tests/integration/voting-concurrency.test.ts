import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";

import { createDatabase } from "~/db";

import { ballotMarks, ballots, participants, sessions, votingRounds } from "~/db/schema";
import { createCaller } from "~/server/api/root";
import { createInProcessBus } from "~/server/realtime/in-process-bus";
import { createSession } from "~/server/sessions/create";
import { participantCookieName, signParticipantCookie } from "~/server/sessions/participant-cookie";
import { loadRoomSnapshot } from "~/server/sessions/snapshot";
import { sumsOf } from "~/server/voting/ballots";

import { testContext, testCookieSecret } from "../helpers/callers";
import { createTestDatabase, onRealPostgres, type TestDatabase } from "../helpers/database";
import { createTeamWithSession, defaultSettings, type TeamWithSession } from "../helpers/fixtures";
import { pinnedPractices, sortMarks } from "../helpers/voting";

/**
 * Voting under real concurrency: many phones (or one phone retrying) at once, a close racing
 * the ballots, two facilitator tabs opening a round together. Only meaningful on a real server
 * with a connection pool (PGlite runs one statement at a time), so the PGlite run leaves it out
 * and the PostgreSQL run runs it.
 */
describe.runIf(onRealPostgres())("voting under concurrency on PostgreSQL", () => {
  let database: TestDatabase;
  let fixture: TeamWithSession;
  let practices: string[];
  const bus = createInProcessBus();

  beforeAll(async () => {
    database = await createTestDatabase();
    fixture = await createTeamWithSession(database.db, "race");
    practices = await pinnedPractices(database.db, fixture.session.essayVersionId);
    // 50 distinct two-practice dot ballots need 8 practices (8 × 7 ordered pairs).
    expect(practices.length).toBeGreaterThanOrEqual(8);
  });
  afterAll(() => database.destroy());

  const facilitator = () => createCaller(testContext(database.db, fixture.facilitator, { bus }));

  /** A fresh session in the vote stage with `count` participants and their phones. */
  async function votingSession(count: number) {
    const session = await createSession(database.db, {
      teamId: fixture.team.id,
      essayId: fixture.essayId,
      title: "Race",
      settings: defaultSettings,
      facilitatorId: fixture.facilitator.id,
    });
    await facilitator().session.stage({
      sessionId: session.id,
      command: { type: "goto", stage: "vote" },
    });
    const people = count
      ? await database.db
          .insert(participants)
          .values(
            Array.from({ length: count }, (_, i) => ({
              sessionId: session.id,
              displayName: `P${i}`,
            })),
          )
          .returning({ id: participants.id })
      : [];
    const phone = (participantId: string) =>
      createCaller(
        testContext(database.db, null, {
          cookie: `${participantCookieName(session.id)}=${signParticipantCookie(testCookieSecret, session.id, participantId)}`,
          bus,
        }),
      );
    return { sessionId: session.id, people: people.map((p) => ({ id: p.id, phone: phone(p.id) })) };
  }

  async function storedBallots(roundId: string) {
    const rows = await database.db.select().from(ballots).where(eq(ballots.roundId, roundId));
    const marks = await database.db
      .select({
        ballotId: ballotMarks.ballotId,
        practiceId: ballotMarks.practiceId,
        points: ballotMarks.points,
      })
      .from(ballotMarks)
      .where(eq(ballotMarks.roundId, roundId));
    return rows.map((ballot) => ({
      ...ballot,
      marks: sortMarks(
        marks
          .filter((m) => m.ballotId === ballot.id)
          .map(({ practiceId, points }) => ({ practiceId, points })),
      ),
    }));
  }

  const refusalOf = (result: PromiseSettledResult<unknown>) => {
    if (result.status === "fulfilled") return null;
    const error = result.reason as unknown;
    if (!(error instanceof TRPCError)) throw error;
    return { code: error.code, message: error.message };
  };

  it("50 concurrent submissions of the same ballot store it once", async () => {
    const { sessionId, people } = await votingSession(1);
    const { roundId } = await facilitator().voting.open({ sessionId, method: "dots" });
    const voter = people[0]!;
    const marks = [
      { practiceId: practices[0]!, points: 2 },
      { practiceId: practices[3]!, points: 1 },
    ];
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, () =>
        voter.phone.voting.cast({ sessionId, roundId, submissionId: "same-tap-123", marks }),
      ),
    );
    expect(results.map(refusalOf).filter(Boolean)).toEqual([]);
    const changed = results.map((r) => r.status === "fulfilled" && r.value.changed);
    expect(changed.filter(Boolean)).toHaveLength(1);

    const stored = await storedBallots(roundId);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ participantId: voter.id, submissionId: "same-tap-123" });
    expect(stored[0]!.marks).toEqual(sortMarks(marks));
  });

  it("ballots cast together are judged one by one: a refused ballot refuses only itself", async () => {
    const { sessionId, people } = await votingSession(12);
    const { roundId } = await facilitator().voting.open({ sessionId, method: "dots" });
    // Every third phone puts all its dots and one more on one practice: over the limit.
    const marksOf = (i: number) =>
      i % 3 === 0
        ? [{ practiceId: practices[0]!, points: 4 }]
        : [{ practiceId: practices[i % practices.length]!, points: 2 }];
    const results = await Promise.allSettled(
      people.map((person, i) =>
        person.phone.voting.cast({
          sessionId,
          roundId,
          submissionId: `together-${i}`,
          marks: marksOf(i),
        }),
      ),
    );
    const refused = results.map(refusalOf);
    people.forEach((_, i) => {
      if (i % 3 === 0) expect(refused[i]?.code, `phone ${i}`).toBe("CONFLICT");
      else expect(refused[i], `phone ${i}`).toBeNull();
    });
    const stored = await storedBallots(roundId);
    expect(stored.map((b) => b.submissionId).sort()).toEqual(
      people
        .map((_, i) => `together-${i}`)
        .filter((_, i) => i % 3 !== 0)
        .sort(),
    );
    for (const ballot of stored) {
      const i = Number(ballot.submissionId.split("-")[1]);
      expect(ballot.marks).toEqual(sortMarks(marksOf(i)));
    }
  });

  it("50 concurrent different ballots from one phone end in exactly one of them, whole", async () => {
    const { sessionId, people } = await votingSession(1);
    const { roundId } = await facilitator().voting.open({ sessionId, method: "dots" });
    const voter = people[0]!;
    const n = practices.length;
    // 50 different valid ballots: one or two dots on distinct pairs of practices.
    const submissions = Array.from({ length: 50 }, (_, i) => {
      const a = i % n;
      const b = (a + 1 + Math.floor(i / n)) % n;
      return {
        submissionId: `ballot-${String(i).padStart(2, "0")}`,
        marks: sortMarks([
          { practiceId: practices[a]!, points: 2 },
          { practiceId: practices[b]!, points: 1 },
        ]),
      };
    });
    expect(new Set(submissions.map((s) => JSON.stringify(s.marks))).size).toBe(50);

    const results = await Promise.allSettled(
      submissions.map((s) => voter.phone.voting.cast({ sessionId, roundId, ...s })),
    );
    expect(results.map(refusalOf).filter(Boolean)).toEqual([]);
    // Each one replaced a different stored ballot, so each one changed something.
    expect(results.every((r) => r.status === "fulfilled" && r.value.changed)).toBe(true);

    const stored = await storedBallots(roundId);
    expect(stored).toHaveLength(1);
    const matching = submissions.filter(
      (s) => JSON.stringify(s.marks) === JSON.stringify(stored[0]!.marks),
    );
    expect(matching).toHaveLength(1);
    // The marks belong to the submission the ballot names: no mix of two submissions.
    expect(stored[0]!.submissionId).toBe(matching[0]!.submissionId);
    const tally = await sumsOf(database.db, roundId);
    expect(tally.ballots).toBe(1);
    expect(tally.sums.reduce((total, s) => total + s.points, 0)).toBe(3);
  });

  it("a close racing many ballots counts every acknowledged ballot and none it refused", async () => {
    const otherInstance = createDatabase({ url: database.url!, poolSize: 2 });
    onTestFinished(() => otherInstance.close());
    for (let repeat = 0; repeat < 3; repeat++) {
      const { sessionId, people } = await votingSession(40);
      const { roundId } = await facilitator().voting.open({ sessionId, method: "approval" });
      const ballotOf = (i: number) => [
        { practiceId: practices[i % 5]!, points: 1 },
        { practiceId: practices[5 + (i % 3)]!, points: 1 },
      ];
      const cast = (i: number) =>
        people[i]!.phone.voting.cast({
          sessionId,
          roundId,
          submissionId: `cast-${i}-of-40`,
          marks: ballotOf(i),
        });
      // 30 ballots start at once. As soon as 10 are acknowledged the close goes out, through its
      // own connection pool (another app instance) so it doesn't queue behind the ballots, and 5
      // more phones send theirs at that moment. Once all that has settled, 5 late phones vote.
      let acknowledged = 0;
      let closeNow!: () => void;
      const closeSignal = new Promise<void>((resolve) => (closeNow = resolve));
      const firstWave = Array.from({ length: 30 }, (_, i) =>
        cast(i).then((result) => {
          if (++acknowledged === 10) closeNow();
          return result;
        }),
      );
      // (Should fewer than 10 ever succeed, close anyway and let the checks below say why.)
      void Promise.allSettled(firstWave).then(() => closeNow());
      const closing = closeSignal.then(() => ({
        close: createCaller(
          testContext(otherInstance.db, fixture.facilitator, { bus }),
        ).voting.close({ sessionId, roundId }),
        secondWave: Array.from({ length: 5 }, (_, i) => cast(30 + i)),
      }));
      const { close, secondWave } = await closing;
      const [closed, ...raced] = await Promise.allSettled([close, ...firstWave, ...secondWave]);
      expect(closed.status).toBe("fulfilled");
      const late = await Promise.allSettled(Array.from({ length: 5 }, (_, i) => cast(35 + i)));
      const results = [...raced, ...late];

      const closedMessage = "Voting in this round has closed; your ballot was not changed.";
      const accepted = new Set<string>();
      results.forEach((result, i) => {
        const refusal = refusalOf(result);
        if (refusal) {
          expect(refusal).toEqual({ code: "CONFLICT", message: closedMessage });
        } else {
          expect(i, "a ballot sent after the close resolved was accepted").toBeLessThan(35);
          accepted.add(people[i]!.id);
        }
      });
      // The first 10 were acknowledged before the close was even sent; the late 5 were refused.
      expect(accepted.size).toBeGreaterThanOrEqual(10);
      expect(accepted.size).toBeLessThanOrEqual(35);

      const stored = await storedBallots(roundId);
      expect(new Set(stored.map((b) => b.participantId))).toEqual(accepted);
      for (const ballot of stored) {
        const i = people.findIndex((p) => p.id === ballot.participantId);
        expect(ballot.marks).toEqual(sortMarks(ballotOf(i)));
      }

      // The revealed tally is exactly the acknowledged ballots.
      await facilitator().voting.reveal({ sessionId, roundId });
      const expected = new Map<string, number>();
      people.forEach((person, i) => {
        if (!accepted.has(person.id)) return;
        for (const mark of ballotOf(i)) {
          expected.set(mark.practiceId, (expected.get(mark.practiceId) ?? 0) + 1);
        }
      });
      const results2 = (await loadRoomSnapshot(database.db, sessionId)).snapshot.voting.results!;
      expect(results2.ballots).toBe(accepted.size);
      for (const row of results2.rows) {
        expect(["score" in row ? row.score : NaN, row.practiceId]).toEqual([
          expected.get(row.practiceId) ?? 0,
          row.practiceId,
        ]);
      }
    }
  });

  it.each([
    ["with no round yet", "none"],
    ["after a closed round (racing for the next number too)", "closed"],
    ["from the results stage (racing to move the room back to voting too)", "revealed"],
  ] as const)("concurrent opens %s leave exactly one open round", async (_, before) => {
    for (const tabs of [2, 8]) {
      const { sessionId } = await votingSession(0);
      if (before !== "none") {
        const first = await facilitator().voting.open({ sessionId, method: "dots" });
        if (before === "closed") {
          await facilitator().voting.close({ sessionId, roundId: first.roundId });
        } else {
          await facilitator().voting.reveal({ sessionId, roundId: first.roundId });
        }
      }

      const results = await Promise.allSettled(
        Array.from({ length: tabs }, (_, i) =>
          facilitator().voting.open({ sessionId, method: i % 2 ? "approval" : "dots" }),
        ),
      );
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      for (const refusal of results.map(refusalOf).filter(Boolean)) {
        expect(refusal!.code).toBe("CONFLICT");
        expect([
          "A round is already open. Close it before opening another.",
          "The stage changed meanwhile. Look again and retry.",
        ]).toContain(refusal!.message);
      }
      const rounds = await database.db
        .select()
        .from(votingRounds)
        .where(eq(votingRounds.sessionId, sessionId));
      const open = rounds.filter((round) => round.status === "open");
      expect(open).toHaveLength(1);
      expect(open[0]!.number).toBe(before === "none" ? 1 : 2);
      expect(rounds).toHaveLength(before === "none" ? 1 : 2);
      const [session] = await database.db
        .select({ stage: sessions.stage })
        .from(sessions)
        .where(eq(sessions.id, sessionId));
      expect(session!.stage).toBe("vote");
    }
  });
});
