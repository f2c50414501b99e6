import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";

import { votingRounds } from "~/db/schema";
import { loadConsoleSnapshot, loadRoomSnapshot } from "~/server/sessions/snapshot";

import {
  database,
  dots,
  expectRefusedUnchanged,
  freshSession,
  type Guest,
  practices,
  ratings,
  setUpVotingWorld,
  storedMarks,
  votingRows,
} from "../helpers/voting";

/** Voting rounds from open to reveal: dots, approval and maturity, changed votes, a second round. */

setUpVotingWorld();

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
