import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";

import { adoptedPractices } from "~/db/schema";
import { createCaller } from "~/server/api/root";
import { phoneRoomView, type ConsoleSnapshot, type RoomSnapshot } from "~/server/sessions/snapshot";

import { testContext } from "../helpers/callers";
import {
  bus,
  database,
  dots,
  freshSession,
  type Guest,
  home,
  practices,
  setUpVotingWorld,
} from "../helpers/voting";

/** No output shows who voted what: not the phone, presenter or console streams, nor a tally. */

setUpVotingWorld();

/** A tracked subscription value: [event id, data]. */
type Tracked<T> = [string, T];

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
    // The big screen and the console see the same voting state; phones see it without the
    // turnout count (phoneRoomView), which they don't show.
    expect(consoleView.voting).toEqual(presenterView.voting);
    expect(phoneView.voting).toEqual(phoneRoomView(presenterView).voting);
    expect(presenterView.voting.round?.voted).toBe(2);
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
