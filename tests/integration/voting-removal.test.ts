import { describe, expect, it } from "vitest";

import { loadRoomSnapshot } from "~/server/sessions/snapshot";
import { sumsOf } from "~/server/voting/ballots";

import {
  database,
  dots,
  expectRefusedUnchanged,
  freshSession,
  type Guest,
  practices,
  setUpVotingWorld,
  sortMarks,
  storedMarks,
} from "../helpers/voting";

/**
 * Removing a person, and leaving the vote stage, against what the room has seen: removing someone
 * must never change revealed results (that would show the room their ballot), and ballots are
 * only taken while the room is voting.
 */

setUpVotingWorld();

/** A round's sums straight from the rows, in a stable order. */
const rowSums = async (roundId: string) => {
  const { sums, ballots } = await sumsOf(database.db, roundId);
  return { ballots, sums: sortMarks(sums) };
};

const results = async (sessionId: string) =>
  (await loadRoomSnapshot(database.db, sessionId)).snapshot.voting.results;

describe("removing a participant", () => {
  it("after the reveal leaves the revealed results exactly as they were", async () => {
    const { sessionId, guests, facilitator } = await freshSession("vote", 3);
    const { roundId } = await facilitator.voting.open({ sessionId, method: "dots" });
    const [g1, g2, g3] = guests as [Guest, Guest, Guest];
    await g1.caller.voting.cast({
      sessionId,
      roundId,
      submissionId: "remove-1-xx",
      marks: dots([0, 2], [1, 1]),
    });
    await g2.caller.voting.cast({
      sessionId,
      roundId,
      submissionId: "remove-2-xx",
      marks: dots([1, 1]),
    });
    await g3.caller.voting.cast({
      sessionId,
      roundId,
      submissionId: "remove-3-xx",
      marks: dots([2, 1]),
    });
    await facilitator.voting.reveal({ sessionId, roundId });
    const before = await results(sessionId);
    expect(before?.ballots).toBe(3);
    // Summed again from the rows, past any cache of revealed results.
    const sumsBefore = await rowSums(roundId);

    await facilitator.session.removeParticipant({ sessionId, participantId: g1.participantId });

    expect(await results(sessionId)).toEqual(before);
    expect(await rowSums(roundId)).toEqual(sumsBefore);
    expect(await storedMarks(roundId, g1.participantId)).toHaveLength(2);
  });

  it("while the round is open withdraws their ballot from the turnout and the tally", async () => {
    const { sessionId, guests, facilitator } = await freshSession("vote", 2);
    const { roundId } = await facilitator.voting.open({ sessionId, method: "dots" });
    const [g1, g2] = guests as [Guest, Guest];
    await g1.caller.voting.cast({
      sessionId,
      roundId,
      submissionId: "remove-open-1",
      marks: dots([0, 2]),
    });
    await g2.caller.voting.cast({
      sessionId,
      roundId,
      submissionId: "remove-open-2",
      marks: dots([1, 1]),
    });
    const turnout = async () =>
      (await loadRoomSnapshot(database.db, sessionId)).snapshot.voting.round?.voted;
    expect(await turnout()).toBe(2);

    await facilitator.session.removeParticipant({ sessionId, participantId: g1.participantId });

    expect(await turnout()).toBe(1);
    expect(await storedMarks(roundId, g1.participantId)).toHaveLength(0);
    await facilitator.voting.reveal({ sessionId, roundId });
    const revealed = await results(sessionId);
    expect(revealed?.ballots).toBe(1);
    expect(revealed?.rows.find((r) => r.practiceId === practices[0])).toMatchObject({ score: 0 });
    expect(revealed?.rows.find((r) => r.practiceId === practices[1])).toMatchObject({ score: 1 });
  });
});

describe("leaving the vote stage", () => {
  it("refuses ballots for a round left open while the room is on another stage", async () => {
    const { sessionId, guests, facilitator } = await freshSession("vote", 1);
    const { roundId } = await facilitator.voting.open({ sessionId, method: "dots" });
    await facilitator.session.stage({ sessionId, command: { type: "goto", stage: "discuss" } });
    const [g1] = guests as [Guest];
    await expectRefusedUnchanged(
      sessionId,
      () =>
        g1.caller.voting.cast({
          sessionId,
          roundId,
          submissionId: "away-1-xxxx",
          marks: dots([0, 1]),
        }),
      "CONFLICT",
      "Voting is paused while the room is on another stage.",
    );
    await facilitator.session.stage({ sessionId, command: { type: "goto", stage: "vote" } });
    await expect(
      g1.caller.voting.cast({
        sessionId,
        roundId,
        submissionId: "away-2-xxxx",
        marks: dots([0, 1]),
      }),
    ).resolves.toEqual({ changed: true });
  });
});
