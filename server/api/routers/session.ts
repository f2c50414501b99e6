import QRCode from "qrcode";
import { z } from "zod";

import type { Database } from "~/db";
import { sessionStage } from "~/db/schema";

import {
  changeStage,
  changeTimer,
  endSession,
  removeParticipant,
  setNoteHidden,
} from "../../sessions/commands";
import { sessionContent } from "../../sessions/content";
import { createSession } from "../../sessions/create";
import { announce } from "../../sessions/events";
import { sessionSettingsInput, sessionTitleInput } from "../../sessions/inputs";
import { formatJoinCode } from "../../sessions/join-code";
import { createPeopleReader } from "../../sessions/people";
import { sessionsOfTeam } from "../../sessions/queries-team";
import { loadConsoleSnapshot, presenterView } from "../../sessions/snapshot";
import type { EventBus } from "../../realtime/bus";
import { resumeInput, sessionFeed, trackedUpdates } from "../../realtime/session-feed";
import { asTRPC } from "../errors";
import { whileAllowed } from "../live-access";
import {
  createTRPCRouter,
  sessionFacilitatorAccess,
  sessionFacilitatorProcedure,
  teamFacilitatorProcedure,
  teamMemberProcedure,
} from "../trpc";

const stageInput = z.enum(sessionStage.enumValues);

/** What a facilitator does: create and run sessions; and what the big screen shows. */
/** The console's feed of a session, shared with the big screen (which sees a view of it). */
function consoleFeed(db: Database, bus: EventBus, sessionId: string) {
  // Only the feed's first subscriber's loader is used, so the reader lives as long as the feed.
  const readPeople = createPeopleReader();
  return sessionFeed(bus, sessionId, "console", () =>
    loadConsoleSnapshot(db, sessionId, readPeople),
  );
}

export const sessionRouter = createTRPCRouter({
  create: teamFacilitatorProcedure
    .input(
      z.object({
        essayId: z.uuid("Pick a workshop."),
        title: sessionTitleInput,
        settings: sessionSettingsInput,
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const session = await asTRPC(() =>
        createSession(ctx.db, {
          teamId: ctx.team.id,
          essayId: input.essayId,
          title: input.title,
          settings: input.settings,
          facilitatorId: ctx.user.id,
        }),
      );
      return { id: session.id, joinCode: session.joinCode };
    }),

  listForTeam: teamMemberProcedure.query(({ ctx }) => sessionsOfTeam(ctx.db, ctx.team.id)),

  /** The pinned content and the join details, fetched once by the console and the presenter. */
  byId: sessionFacilitatorProcedure.query(async ({ ctx }) => {
    const joinUrl = `${ctx.publicUrl}/join/${ctx.session.joinCode}`;
    return {
      id: ctx.session.id,
      teamId: ctx.session.teamId,
      title: ctx.session.title,
      settings: ctx.session.settings,
      joinCode: formatJoinCode(ctx.session.joinCode),
      joinUrl,
      joinQrSvg: await QRCode.toString(joinUrl, {
        type: "svg",
        margin: 1,
        errorCorrectionLevel: "M",
      }),
      content: await sessionContent(ctx.db, ctx.session.essayVersionId),
    };
  }),

  stage: sessionFacilitatorProcedure
    .input(
      z.object({
        command: z.discriminatedUnion("type", [
          z.object({ type: z.literal("advance") }),
          z.object({ type: z.literal("back") }),
          z.object({ type: z.literal("goto"), stage: stageInput }),
        ]),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const stage = await asTRPC(() => changeStage(ctx.db, ctx.session, input.command));
      await announce(ctx.db, ctx.bus, ctx.session.id, "stage", { stage });
      return { stage };
    }),

  timer: sessionFacilitatorProcedure
    .input(
      z.object({
        command: z.discriminatedUnion("type", [
          z.object({
            type: z.literal("start"),
            seconds: z
              .number()
              .int()
              .min(10, "A timer runs at least 10 seconds.")
              .max(4 * 3600, "A timer runs at most 4 hours."),
          }),
          z.object({ type: z.literal("pause") }),
          z.object({ type: z.literal("resume") }),
          z.object({ type: z.literal("clear") }),
        ]),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      await asTRPC(() => changeTimer(ctx.db, ctx.session, input.command));
      await announce(ctx.db, ctx.bus, ctx.session.id, "timer");
    }),

  removeParticipant: sessionFacilitatorProcedure
    .input(z.object({ participantId: z.uuid("That is not a participant id.") }))
    .mutation(async ({ ctx, input }) => {
      await asTRPC(() => removeParticipant(ctx.db, ctx.session.id, input.participantId));
      await announce(ctx.db, ctx.bus, ctx.session.id, "removed");
    }),

  hideNote: sessionFacilitatorProcedure
    .input(z.object({ noteId: z.uuid("That is not a note id."), hidden: z.boolean() }))
    .mutation(async ({ ctx, input }) => {
      await asTRPC(() =>
        setNoteHidden(ctx.db, ctx.session.id, input.noteId, input.hidden, ctx.user.id),
      );
      await announce(ctx.db, ctx.bus, ctx.session.id, "note-hidden");
    }),

  end: sessionFacilitatorProcedure.mutation(async ({ ctx }) => {
    await asTRPC(() => endSession(ctx.db, ctx.session));
    await announce(ctx.db, ctx.bus, ctx.session.id, "ended");
  }),

  /** The facilitator's console, live: the room plus who is here and hidden notes. */
  consoleLive: sessionFacilitatorProcedure.input(resumeInput).subscription(async function* ({
    ctx,
    input,
    signal,
  }) {
    const { db, bus } = ctx;
    const feed = consoleFeed(db, bus, ctx.session.id);
    // Open only while the caller may still run the session (signed in, facilitator of its team).
    yield* whileAllowed(
      ctx,
      (db, user) => sessionFacilitatorAccess(db, user, ctx.session.id),
      signal,
      (stop) => trackedUpdates(feed, stop, input.lastEventId),
    );
  }),

  /**
   * The big screen, live: the room snapshot, plus in the lobby the names of who has joined. It
   * shares the console's feed (the two are open together), showing only the presenter's view.
   */
  presenterLive: sessionFacilitatorProcedure.input(resumeInput).subscription(async function* ({
    ctx,
    input,
    signal,
  }) {
    const { db, bus } = ctx;
    const feed = consoleFeed(db, bus, ctx.session.id);
    // Open only while the caller may still run the session (signed in, facilitator of its team).
    yield* whileAllowed(
      ctx,
      (db, user) => sessionFacilitatorAccess(db, user, ctx.session.id),
      signal,
      (stop) => trackedUpdates(feed, stop, input.lastEventId, undefined, presenterView),
    );
  }),
});
