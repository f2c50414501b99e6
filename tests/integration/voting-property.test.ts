import { asc, eq } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { ballotMarks, ballots, votingRounds } from "~/db/schema";
import type { VotingMethod } from "~/db/schema/stage-list";
import { createCaller } from "~/server/api/root";
import { createInProcessBus } from "~/server/realtime/in-process-bus";
import { loadRoomSnapshot } from "~/server/sessions/snapshot";
import { checkBallot } from "~/server/voting/ballot-rules";
import { sumsOf } from "~/server/voting/ballots";
import { rulesOf } from "~/server/voting/rounds";

import { testContext } from "../helpers/callers";
import { createTestDatabase, type TestDatabase } from "../helpers/database";
import { createTeamWithSession, type TeamWithSession } from "../helpers/fixtures";
import { joinSession, pinnedPractices, sortMarks } from "../helpers/voting";
import {
  type Action,
  type Model,
  outcomeOf,
  poolSize,
  type RawMark,
  scenario,
  storedForm,
  type Submission,
  voterCount,
} from "../helpers/voting-model";

/**
 * Random sequences of casts, changed votes, retried submissions, concurrent bursts, closes and
 * reveals, played against the real router and checked after every step against a small model:
 * one ballot per participant per round, the stored ballot is the last one accepted, and every
 * tally the app computes equals the sum of the stored ballot_marks rows.
 */

let database: TestDatabase;
let fixture: TeamWithSession;
let practices: string[];
let phones: ReturnType<typeof createCaller>[];
let participantIds: string[];
const bus = createInProcessBus();

beforeAll(async () => {
  database = await createTestDatabase();
  fixture = await createTeamWithSession(database.db, "property");
  const rows = await pinnedPractices(database.db, fixture.session.essayVersionId);
  practices = rows.slice(0, poolSize);
  expect(practices).toHaveLength(poolSize);
  phones = [];
  participantIds = [];
  for (let i = 0; i < voterCount; i++) {
    const joined = await joinSession(database.db, bus, `Voter ${i}`, fixture.session.joinCode);
    phones.push(joined.caller);
    participantIds.push(joined.participantId);
  }
  await facilitator().session.stage({
    sessionId: fixture.session.id,
    command: { type: "goto", stage: "vote" },
  });
});
afterAll(() => database.destroy());

const facilitator = () => createCaller(testContext(database.db, fixture.facilitator, { bus }));

let runNumber = 0;
/** What the runs exercised, so that a generator gone wrong can't pass by refusing everything. */
const seen = { stored: 0, retriedNoChange: 0, refusedBallot: 0, refusedClosed: 0 };

async function runScenario(s: {
  method: VotingMethod;
  size: number;
  dots: number;
  maxDotsPerPractice: number;
  actions: Action[];
}) {
  runNumber++;
  const sessionId = fixture.session.id;
  const db = database.db;
  // Leave no round of an earlier run open.
  const [previous] = await db
    .select()
    .from(votingRounds)
    .where(eq(votingRounds.sessionId, sessionId))
    .orderBy(asc(votingRounds.number))
    .then((rows) => rows.slice(-1));
  if (previous?.status === "open") {
    await facilitator().voting.close({ sessionId, roundId: previous.id });
  }
  const maxDots = Math.min(s.maxDotsPerPractice, s.dots);
  const { roundId } = await facilitator().voting.open({
    sessionId,
    method: s.method,
    dots: s.dots,
    maxDotsPerPractice: maxDots,
    practiceIds: practices.slice(0, s.size),
  });
  const [round] = await db.select().from(votingRounds).where(eq(votingRounds.id, roundId));
  const rules = rulesOf(round!);
  expect(rules.practiceIds).toEqual(practices.slice(0, s.size));

  const model: Model = { status: "open", stored: new Map() };
  const lastSent = new Map<number, Submission>();

  const toSubmission = (who: number, sub: number, raw: RawMark[]): Submission => ({
    submissionId: `run${runNumber}-p${who}-s${sub}`,
    marks: raw.map((m) => ({
      practiceId: practices[m.practice]!,
      points: m.points,
      importance: m.importance,
    })),
  });

  /** Sends a ballot and checks the outcome against the model, then updates the model. */
  const castAndCheck = async (who: number, submission: Submission) => {
    lastSent.set(who, submission);
    const valid = checkBallot(rules, submission.marks).ok;
    const result = await outcomeOf(phones[who]!.voting.cast({ sessionId, roundId, ...submission }));
    return () => {
      if (model.status !== "open" || !valid) {
        expect(result).toEqual({ ok: false, code: "CONFLICT" });
        seen[model.status !== "open" ? "refusedClosed" : "refusedBallot"]++;
        return;
      }
      const same = model.stored.get(who)?.submissionId === submission.submissionId;
      expect(result).toEqual({ ok: true, changed: !same });
      seen[same ? "retriedNoChange" : "stored"]++;
      if (!same) {
        model.stored.set(who, {
          submissionId: submission.submissionId,
          marks: storedForm(s.method, submission.marks),
        });
      }
    };
  };

  for (const action of s.actions) {
    switch (action.kind) {
      case "cast":
        (await castAndCheck(action.who, toSubmission(action.who, action.sub, action.marks)))();
        break;
      case "retry": {
        const sent = lastSent.get(action.who);
        if (sent) (await castAndCheck(action.who, sent))();
        break;
      }
      case "burst": {
        // Different phones at once: each phone's outcome is independent of the others'.
        const checks = await Promise.all(
          action.casts.map((c) => castAndCheck(c.who, toSubmission(c.who, c.sub, c.marks))),
        );
        for (const check of checks) check();
        break;
      }
      case "close": {
        const result = await outcomeOf(facilitator().voting.close({ sessionId, roundId }));
        expect(result.ok).toBe(model.status === "open");
        if (result.ok) model.status = "closed";
        break;
      }
      case "reveal": {
        const result = await outcomeOf(facilitator().voting.reveal({ sessionId, roundId }));
        expect(result.ok).toBe(model.status !== "revealed");
        if (result.ok) model.status = "revealed";
        break;
      }
    }
    // The room snapshot is the costly part: check it after closes, reveals and the last step.
    const last = action === s.actions.at(-1);
    await checkInvariants(
      roundId,
      s.method,
      model,
      last || action.kind === "close" || action.kind === "reveal",
    );
  }
}

async function checkInvariants(
  roundId: string,
  method: VotingMethod,
  model: Model,
  withSnapshot: boolean,
) {
  const db = database.db;
  const [ballotRows, markRows, [round]] = await Promise.all([
    db.select().from(ballots).where(eq(ballots.roundId, roundId)),
    db
      .select({
        ballotId: ballotMarks.ballotId,
        practiceId: ballotMarks.practiceId,
        points: ballotMarks.points,
        importance: ballotMarks.importance,
      })
      .from(ballotMarks)
      .where(eq(ballotMarks.roundId, roundId)),
    db.select().from(votingRounds).where(eq(votingRounds.id, roundId)),
  ]);
  expect(round!.status).toBe(model.status);

  // At most one ballot per participant, and exactly the ones the model accepted.
  const voters = ballotRows.map((b) => b.participantId);
  expect(new Set(voters).size).toBe(voters.length);
  expect([...voters].sort()).toEqual([...model.stored.keys()].map((i) => participantIds[i]).sort());

  // Each stored ballot is the last accepted submission, whole.
  for (const [who, expected] of model.stored) {
    const ballot = ballotRows.find((b) => b.participantId === participantIds[who])!;
    expect(ballot.submissionId).toBe(expected.submissionId);
    const marks = markRows
      .filter((m) => m.ballotId === ballot.id)
      .map(({ practiceId, points, importance }) => ({ practiceId, points, importance }));
    expect(sortMarks(marks)).toEqual(expected.marks);
  }
  // No marks are left over from a replaced ballot.
  const ballotIds = new Set(ballotRows.map((b) => b.id));
  expect(markRows.every((m) => ballotIds.has(m.ballotId))).toBe(true);

  // The tally equals the sum of the stored rows.
  const fromRows = new Map<string, { marks: number; points: number; importance: number }>();
  for (const row of markRows) {
    const sum = fromRows.get(row.practiceId) ?? { marks: 0, points: 0, importance: 0 };
    sum.marks += 1;
    sum.points += row.points;
    sum.importance += row.importance ?? 0;
    fromRows.set(row.practiceId, sum);
  }
  const tally = await sumsOf(db, roundId);
  expect(tally.ballots).toBe(ballotRows.length);
  expect(
    Object.fromEntries(tally.sums.map(({ practiceId, ...sum }) => [practiceId, sum] as const)),
  ).toEqual(Object.fromEntries(fromRows));

  if (!withSnapshot) return;
  const { voting } = (await loadRoomSnapshot(db, fixture.session.id)).snapshot;
  expect(voting.round).toMatchObject({ id: roundId, voted: ballotRows.length });
  if (model.status !== "revealed") {
    // Tallies of this round stay hidden until it is revealed.
    expect(voting.results?.roundId).not.toBe(roundId);
    return;
  }
  const results = voting.results!;
  expect(results).toMatchObject({ roundId, method, ballots: ballotRows.length });
  for (const row of results.rows) {
    const sum = fromRows.get(row.practiceId) ?? { marks: 0, points: 0, importance: 0 };
    if ("score" in row) {
      expect(row.score).toBe(sum.points);
    } else {
      expect(row.ratings).toBe(sum.marks);
      if (sum.marks === 0) {
        expect([row.today, row.importance, row.gap]).toEqual([null, null, null]);
      } else {
        expect(row.today! * row.ratings).toBeCloseTo(sum.points, 9);
        expect(row.importance! * row.ratings).toBeCloseTo(sum.importance, 9);
        expect(row.gap).toBeCloseTo((sum.importance - sum.points) / sum.marks, 9);
      }
    }
  }
}

describe("voting under random sequences of casts, changes, retries, closes and reveals", () => {
  it("keeps one ballot per participant per round and tallies equal to the stored marks", async () => {
    const numRuns = 12;
    await fc.assert(fc.asyncProperty(scenario(), runScenario), { numRuns });
    // The runs played real rounds and hit every path: stored, retried, refused, too late.
    const rounds = await database.db
      .select({ id: votingRounds.id })
      .from(votingRounds)
      .where(eq(votingRounds.sessionId, fixture.session.id));
    expect(rounds.length).toBe(numRuns);
    expect(seen.stored).toBeGreaterThan(0);
    expect(seen.retriedNoChange).toBeGreaterThan(0);
    expect(seen.refusedBallot).toBeGreaterThan(0);
    expect(seen.refusedClosed).toBeGreaterThan(0);
  }, 120_000);
});
