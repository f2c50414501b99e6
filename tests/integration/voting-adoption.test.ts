import { randomUUID } from "node:crypto";

import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";

import { adoptedPractices } from "~/db/schema";
import { loadRoomSnapshot } from "~/server/sessions/snapshot";

import {
  database,
  dots,
  expectRefusedUnchanged,
  freshSession,
  type Guest,
  home,
  practices,
  setUpVotingWorld,
} from "../helpers/voting";

/** Adopting practices once a round's results are shown, and taking an adoption back. */

setUpVotingWorld();

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
