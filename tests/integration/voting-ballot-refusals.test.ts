import { randomUUID } from "node:crypto";

import type { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";

import {
  dots,
  expectRefusedUnchanged,
  freshSession,
  practices,
  ratings,
  setUpVotingWorld,
  votingRows,
} from "../helpers/voting";

/**
 * Bad ballots refused with nothing changed: dots over budget or cap, ratings out of range or
 * missing, approvals that aren't yes/no. The bad timing is in voting-refusals.test.ts.
 */

setUpVotingWorld();

describe("bad timing and bad ballots are refused with a clear message and change nothing", () => {
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
});
