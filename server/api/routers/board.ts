import { z } from "zod";

import { boardActions, boardFilterOptions, editAction, moveAction } from "../../actions/board";
import { signalBoardChange } from "../../actions/board-signal";
import { boardFeed } from "../../actions/board-version";
import { dayOf } from "../../actions/follow-through";
import { actionHistory } from "../../actions/history";
import {
  actionDetailsInput,
  actionTitleInput,
  boardStatusInput,
  dueOnInput,
} from "../../actions/inputs";
import { trackedUpdates, resumeInput } from "../../realtime/session-feed";
import { teamMembers } from "../../teams/queries";
import { asTRPC } from "../errors";
import { whileAllowed } from "../live-access";
import {
  actionEditorProcedure,
  actionViewerProcedure,
  createTRPCRouter,
  teamMemberAccess,
  teamMemberProcedure,
} from "../trpc";

const optionalId = (message: string) => z.uuid(message).nullish();

/** The team's action board: read by members, changed by owners and facilitators. */
export const boardRouter = createTRPCRouter({
  list: teamMemberProcedure
    .input(
      z.object({
        ownerId: optionalId("Pick an owner from the list."),
        practiceId: optionalId("Pick a practice from the list."),
        sessionId: optionalId("Pick a session from the list."),
      }),
    )
    .query(async ({ ctx, input }) => ({
      actions: await boardActions(ctx.db, ctx.team.id, input),
      // The server's calendar day decides what is overdue, so every board agrees.
      today: dayOf(new Date()),
    })),

  /** What the filters and the owner pickers offer. */
  options: teamMemberProcedure.query(async ({ ctx }) => ({
    ...(await boardFilterOptions(ctx.db, ctx.team.id)),
    members: (await teamMembers(ctx.db, ctx.team.id)).map((m) => ({ id: m.userId, name: m.name })),
  })),

  move: actionEditorProcedure
    .input(z.object({ status: boardStatusInput }))
    .mutation(async ({ ctx, input }) => {
      const result = await asTRPC(() =>
        moveAction(ctx.db, ctx.action.teamId, { userId: ctx.user.id }, ctx.action.id, input.status),
      );
      if (result.changed) await signalBoardChange(ctx.bus, ctx.action.teamId);
      return result;
    }),

  edit: actionEditorProcedure
    .input(
      z.object({
        title: actionTitleInput.optional(),
        details: actionDetailsInput.nullable().optional(),
        ownerId: z.uuid("Pick an owner from the team.").nullable().optional(),
        dueOn: dueOnInput.nullable().optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const { title, details, ownerId, dueOn } = input;
      const result = await asTRPC(() =>
        editAction(ctx.db, ctx.action.teamId, { userId: ctx.user.id }, ctx.action.id, {
          title,
          details,
          ownerId,
          dueOn,
        }),
      );
      if (result.changed) await signalBoardChange(ctx.bus, ctx.action.teamId);
      return result;
    }),

  history: actionViewerProcedure.query(({ ctx }) => actionHistory(ctx.db, ctx.action.id)),

  /** A fingerprint of the team's actions, pushed whenever one changes: open boards reload. */
  live: teamMemberProcedure.input(resumeInput).subscription(async function* ({
    ctx,
    input,
    signal,
  }) {
    const feed = boardFeed(ctx.db, ctx.bus, ctx.team.id);
    // An open board stays open only while its viewer may still see the team.
    yield* whileAllowed(
      ctx,
      (db, user) => teamMemberAccess(db, user, ctx.team.id),
      signal,
      (stop) => trackedUpdates(feed, stop, input.lastEventId),
    );
  }),
});
