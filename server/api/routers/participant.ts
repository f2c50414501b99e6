import { z } from "zod";

import { parseCookies } from "../../http/cookies";
import { localizedTRPCError } from "../../i18n/localized-error";
import { joinCharge, sessionByGuardedCode } from "../../sessions/code-guard";
import { sessionContent } from "../../sessions/content";
import { announce } from "../../sessions/events";
import { displayNameInput, noteBodyInput } from "../../sessions/inputs";
import { joinSession } from "../../sessions/join";
import {
  addNote,
  noteCharge,
  participantNotesState,
  setUpvote,
  upvoteCharge,
} from "../../sessions/notes";
import {
  participantCookieName,
  participantSetCookie,
  verifyParticipantCookie,
} from "../../sessions/participant-cookie";
import { holdPresence, markOffline, markOnline } from "../../sessions/presence";
import { loadRoomSnapshot, phoneRoomView } from "../../sessions/snapshot";
import { resumeInput, sessionFeed, trackedUpdates } from "../../realtime/session-feed";
import { textInput } from "../../text-input";
import { asTRPC } from "../errors";
import { refuseTooMany, spendRateLimits } from "../rate-limited";
import { createTRPCRouter, participantProcedure, publicProcedure } from "../trpc";

/** What a phone does: join, follow the session live, write and upvote notes. */
export const participantRouter = createTRPCRouter({
  join: publicProcedure
    .input(
      z.object({
        code: textInput().max(20, "A join code has 6 characters, like ABC-DEF."),
        displayName: displayNameInput,
        joinKey: textInput()
          .min(8, "This join form is out of date: reload the page.")
          .max(64, "This join form is out of date: reload the page."),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const found = await sessionByGuardedCode(ctx.db, ctx.headers, input.code);
      if (found.status === "rate_limited") refuseTooMany(ctx, found.retryAfterSeconds);
      if (found.status === "ended") {
        throw localizedTRPCError("CONFLICT", { key: "sessions.ended" });
      }
      if (found.status !== "live") {
        throw localizedTRPCError("NOT_FOUND", { key: "sessions.noSuchCode" });
      }
      const { session } = found;
      // Counted before anything is written, so a refused join leaves no participant behind.
      await spendRateLimits(
        ctx,
        joinCharge(ctx.headers, session.id, ctx.rateLimits.joinsPerMinute),
      );
      const cookie = parseCookies(ctx.headers.get("cookie")).get(participantCookieName(session.id));
      const participant = await asTRPC(() =>
        joinSession(ctx.db, session, {
          displayName: ctx.user?.name ?? input.displayName,
          userId: ctx.user?.id ?? null,
          cookieParticipantId: verifyParticipantCookie(ctx.cookieSecret, session.id, cookie),
          joinKey: input.joinKey,
        }),
      );
      ctx.responseHeaders.append(
        "set-cookie",
        participantSetCookie(
          ctx.cookieSecret,
          session.id,
          participant.id,
          ctx.publicUrl.startsWith("https:"),
        ),
      );
      await announce(ctx.db, ctx.bus, session.id, "joined");
      return {
        sessionId: session.id,
        participantId: participant.id,
        displayName: participant.displayName,
      };
    }),

  /** Everything a phone needs once: who it is, the pinned content, its own notes and upvotes. */
  state: participantProcedure.query(async ({ ctx }) => ({
    participant: {
      id: ctx.participant.id,
      displayName: ctx.participant.displayName,
      // Set when the phone joined signed in: it may then mark its own actions in review.
      userId: ctx.participant.userId,
    },
    content: await sessionContent(ctx.db, ctx.session.essayVersionId),
    ...(await participantNotesState(ctx.db, ctx.participant.id)),
  })),

  addNote: participantProcedure
    .input(
      z.object({
        practiceId: z.uuid("Pick a practice.").nullable(),
        body: noteBodyInput,
        anonymous: z.boolean().default(false),
        /** The phone's id for this note: sending it again returns the stored note. */
        clientId: z.uuid("That is not a note's client id.").nullish(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      await spendRateLimits(ctx, noteCharge(ctx.participant.id));
      const { id, created } = await asTRPC(() =>
        addNote(ctx.db, ctx.session, ctx.participant, input),
      );
      // A note sent again is already on every screen: nothing to tell the room.
      if (created) await announce(ctx.db, ctx.bus, ctx.session.id, "note");
      return { id };
    }),

  upvote: participantProcedure
    .input(z.object({ noteId: z.uuid("That is not a note id."), up: z.boolean() }))
    .mutation(async ({ ctx, input }) => {
      await spendRateLimits(ctx, upvoteCharge(ctx.participant.id));
      const changed = await asTRPC(() =>
        setUpvote(ctx.db, ctx.session, ctx.participant, input.noteId, input.up),
      );
      if (changed) await announce(ctx.db, ctx.bus, ctx.session.id, "upvote");
      return { changed };
    }),

  /** The room, live. The phone's presence is kept fresh for as long as this stays open. */
  live: participantProcedure.input(resumeInput).subscription(async function* ({
    ctx,
    input,
    signal,
  }) {
    const { db, bus, participant } = ctx;
    await markOnline(db, participant.id);
    await announce(db, bus, ctx.session.id, "presence");
    const releasePresence = holdPresence(db, participant.id);
    try {
      const feed = sessionFeed(bus, ctx.session.id, "room", () =>
        loadRoomSnapshot(db, ctx.session.id),
      );
      yield* trackedUpdates(feed, signal, input.lastEventId, participant.id, phoneRoomView);
    } finally {
      releasePresence();
      await markOffline(db, participant.id).catch(() => {});
      await announce(db, bus, ctx.session.id, "presence").catch(() => {});
    }
  }),
});
