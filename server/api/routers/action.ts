import { z } from "zod";

import type { Database } from "~/db";

import { signalBoardChange } from "../../actions/board-signal";
import { actionTitleInput, dueOnInput, reviewOutcomeInput } from "../../actions/inputs";
import { reviewAction } from "../../actions/review";
import {
  createSessionAction,
  mergeSessionActions,
  proposeAction,
  updateSessionAction,
} from "../../actions/session-actions";
import type { EventBus } from "../../realtime/bus";
import { announce } from "../../sessions/events";
import { asTRPC } from "../errors";
import { createTRPCRouter, participantProcedure, sessionFacilitatorProcedure } from "../trpc";

/**
 * Tells the room (its screens reload the session's actions) and the team's open boards that an
 * action changed.
 */
async function announceActionChange(
  ctx: { db: Database; bus: EventBus; session: { id: string; teamId: string } },
  kind: "action" | "review",
) {
  await announce(ctx.db, ctx.bus, ctx.session.id, kind);
  await signalBoardChange(ctx.bus, ctx.session.teamId);
}

const practiceIdInput = z.uuid("Pick a practice.");
const ownerIdInput = z.uuid("Pick an owner from the team.").nullable();

/** Actions inside a live session: phones propose, the facilitator shapes and reviews them. */
export const actionRouter = createTRPCRouter({
  propose: participantProcedure
    .input(z.object({ practiceId: practiceIdInput, title: actionTitleInput }))
    .mutation(async ({ ctx, input }) => {
      const action = await asTRPC(() => proposeAction(ctx.db, ctx.session, ctx.participant, input));
      await announce(ctx.db, ctx.bus, ctx.session.id, "action");
      return action;
    }),

  create: sessionFacilitatorProcedure
    .input(
      z.object({
        practiceId: practiceIdInput,
        title: actionTitleInput,
        ownerId: ownerIdInput.optional(),
        dueOn: dueOnInput.nullable().optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const action = await asTRPC(() =>
        createSessionAction(ctx.db, ctx.session, ctx.user.id, input),
      );
      await announceActionChange(ctx, "action");
      return action;
    }),

  update: sessionFacilitatorProcedure
    .input(
      z.object({
        actionId: z.uuid("That is not an action id."),
        patch: z.object({
          title: actionTitleInput.optional(),
          ownerId: ownerIdInput.optional(),
          dueOn: dueOnInput.nullable().optional(),
          practiceId: practiceIdInput.optional(),
          status: z
            .enum(["proposed", "todo", "dropped"], "Keep it, drop it, or leave it proposed.")
            .optional(),
        }),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const result = await asTRPC(() =>
        updateSessionAction(ctx.db, ctx.session, ctx.user.id, input.actionId, input.patch),
      );
      if (result.changed) {
        await announceActionChange(ctx, "action");
      }
      return result;
    }),

  merge: sessionFacilitatorProcedure
    .input(
      z.object({
        duplicateId: z.uuid("That is not an action id."),
        intoId: z.uuid("Pick the action to keep."),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      await asTRPC(() =>
        mergeSessionActions(ctx.db, ctx.session, ctx.user.id, input.duplicateId, input.intoId),
      );
      await announceActionChange(ctx, "action");
    }),

  /** A signed-in member on their phone marks an action they own during the review. */
  reviewOwn: participantProcedure
    .input(z.object({ actionId: z.uuid("That is not an action id."), outcome: reviewOutcomeInput }))
    .mutation(async ({ ctx, input }) => {
      const result = await asTRPC(() =>
        reviewAction(
          ctx.db,
          ctx.session,
          { participantId: ctx.participant.id, participantUserId: ctx.participant.userId },
          input.actionId,
          input.outcome,
        ),
      );
      if (result.changed) {
        await announceActionChange(ctx, "review");
      }
      return result;
    }),

  /** The review stage: done, carried over or dropped, for each open action of earlier sessions. */
  review: sessionFacilitatorProcedure
    .input(z.object({ actionId: z.uuid("That is not an action id."), outcome: reviewOutcomeInput }))
    .mutation(async ({ ctx, input }) => {
      const result = await asTRPC(() =>
        reviewAction(ctx.db, ctx.session, { userId: ctx.user.id }, input.actionId, input.outcome),
      );
      if (result.changed) {
        await announceActionChange(ctx, "review");
      }
      return result;
    }),
});
