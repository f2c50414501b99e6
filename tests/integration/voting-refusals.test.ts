import { randomUUID } from "node:crypto";

import { describe, expect, it } from "vitest";

import { loadRoomSnapshot } from "~/server/sessions/snapshot";

import {
  database,
  dots,
  expectRefusedUnchanged,
  freshSession,
  type Guest,
  practices,
  setUpVotingWorld,
  votingRows,
} from "../helpers/voting";

/**
 * Bad timing refused with nothing changed: opening outside the vote stage or twice, casting
 * before a round, after it closed or in another session's, as a removed participant, after the end.
 * The bad ballots themselves are in voting-ballot-refusals.test.ts.
 */

setUpVotingWorld();

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
