import { z } from "zod";

import { changeStage } from "../../sessions/commands";
import { announce, signalChange } from "../../sessions/events";
import { setAdopted } from "../../voting/adoption";
import { ballotCharge, castBallot, ownBallot } from "../../voting/ballots";
import { ballotInput, roundOptionsInput } from "../../voting/inputs";
import { closeRound, openRound, revealRound, roundOfSession } from "../../voting/rounds";
import { asTRPC } from "../errors";
import { spendRateLimits } from "../rate-limited";
import { createTRPCRouter, participantProcedure, sessionFacilitatorProcedure } from "../trpc";

/**
 * Voting rounds: the facilitator opens, closes and reveals them and records what the team
 * adopts; phones cast and change their ballot. Nobody can read another person's ballot.
 */
export const votingRouter = createTRPCRouter({
  open: sessionFacilitatorProcedure.input(roundOptionsInput).mutation(async ({ ctx, input }) => {
    const session = ctx.session;
    // "Run another round" from the results goes back to voting first, in one transaction with
    // the new round so that a refused round leaves the stage where it was.
    const round = await asTRPC(() =>
      ctx.db.transaction(async (tx) => {
        if (session.stage !== "results") return openRound(tx, session, input);
        const stage = await changeStage(tx, session, { type: "goto", stage: "vote" });
        return openRound(tx, { ...session, stage }, input);
      }),
    );
    await announce(ctx.db, ctx.bus, session.id, "round", { roundId: round.id });
    return { roundId: round.id, number: round.number };
  }),

  close: sessionFacilitatorProcedure
    .input(z.object({ roundId: z.uuid("That is not a voting round id.") }))
    .mutation(async ({ ctx, input }) => {
      await asTRPC(() => closeRound(ctx.db, ctx.session, input.roundId));
      await announce(ctx.db, ctx.bus, ctx.session.id, "round", { roundId: input.roundId });
    }),

  /** Shows the results on every screen at once, and moves the room on to the results stage. */
  reveal: sessionFacilitatorProcedure
    .input(z.object({ roundId: z.uuid("That is not a voting round id.") }))
    .mutation(async ({ ctx, input }) => {
      // One transaction: a stage that moved meanwhile leaves the round unrevealed, not half done.
      await asTRPC(() =>
        ctx.db.transaction(async (tx) => {
          await revealRound(tx, ctx.session, input.roundId);
          if (ctx.session.stage === "vote") {
            await changeStage(tx, ctx.session, { type: "goto", stage: "results" });
          }
        }),
      );
      await announce(ctx.db, ctx.bus, ctx.session.id, "round", { roundId: input.roundId });
    }),

  adopt: sessionFacilitatorProcedure
    .input(z.object({ practiceId: z.uuid("Pick a practice."), adopted: z.boolean() }))
    .mutation(async ({ ctx, input }) => {
      const result = await asTRPC(() =>
        setAdopted(ctx.db, ctx.session, ctx.user.id, input.practiceId, input.adopted),
      );
      if (result.changed) await announce(ctx.db, ctx.bus, ctx.session.id, "adopted");
      return result;
    }),

  cast: participantProcedure.input(ballotInput).mutation(async ({ ctx, input }) => {
    await spendRateLimits(ctx, ballotCharge(ctx.participant.id));
    const result = await asTRPC(() => castBallot(ctx.db, ctx.session, ctx.participant, input));
    // A retry of a stored ballot changes no turnout: nothing to tell the room.
    if (result.changed) await signalChange(ctx.bus, ctx.session.id, result.eventId);
    return { changed: result.changed };
  }),

  /** This phone's own ballot in a round, so it can show "your vote is in" and edit it. */
  mine: participantProcedure
    .input(z.object({ roundId: z.uuid("That is not a voting round id.") }))
    .query(async ({ ctx, input }) => {
      await asTRPC(() => roundOfSession(ctx.db, ctx.session.id, input.roundId));
      return ownBallot(ctx.db, ctx.participant.id, input.roundId);
    }),
});
