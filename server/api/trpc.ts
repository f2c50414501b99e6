import "server-only";

import { initTRPC } from "@trpc/server";
import { eq } from "drizzle-orm";
import superjson from "superjson";
import { z, ZodError } from "zod";

import type { Database } from "~/db";
import { actions, sessions, teams } from "~/db/schema";

import type { CurrentUser } from "../auth/current-user";
import type { RateLimitSettings } from "../rate-limit";
import type { EventBus } from "../realtime/bus";
import {
  isAdmin,
  isSignedIn,
  mayEditAction,
  mayFacilitate,
  mayManageTeam,
  maySeeTeam,
} from "../auth/policy";
import { parseCookies } from "../http/cookies";
import { defaultLocale, type Locale } from "../i18n/locales";
import { localizedErrorMessage, localizedTRPCError } from "../i18n/localized-error";
import { renderServerText } from "../i18n/server-text";
import { localizedFlattenError, readableZodMessage } from "../i18n/zod-issues";
import { participantCookieName, verifyParticipantCookie } from "../sessions/participant-cookie";
import { lookUpParticipant } from "../sessions/participant-lookup";
import { membershipRole } from "../teams/membership";
import { textInput } from "../text-input";

/**
 * The one tRPC base: context, init and the procedure bases. Every rule of who may call what is
 * applied here (through the pure functions in auth/policy.ts), never inside a router.
 */
export interface Context {
  db: Database;
  bus: EventBus;
  user: CurrentUser | null;
  headers: Headers;
  /** Headers of the HTTP response, where a procedure may set a cookie. */
  responseHeaders: Headers;
  /** Signs and checks participant cookies. */
  cookieSecret: string;
  /** The address people reach the app on (QR codes, links); HTTPS makes cookies Secure. */
  publicUrl: string;
  /** Rate limits an operator may tune (server/env.ts); everyone else uses the defaults. */
  rateLimits: RateLimitSettings;
  /** How often an open stream re-checks its caller's access when nothing is pushed (tests). */
  liveRecheckMs?: number;
  /** The caller's language (see requestLocale), for the words of errors; English if unset. */
  locale?: Locale;
}

export function createTRPCContext(context: Context): Context {
  return context;
}

/**
 * Pings keep proxies from closing quiet streams; a client that hears nothing for longer than
 * the ping interval reconnects (resuming from its last event id). Shared with the phones' own
 * live route (live-stream.ts), which speaks the same protocol.
 */
export const sseOptions = {
  ping: { enabled: true, intervalMs: 10_000 },
  client: { reconnectAfterInactivityMs: 25_000 },
};

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  sse: sseOptions,
  // Errors are made in English and said here in the caller's language (English stays as it is).
  errorFormatter({ shape, error, ctx }) {
    const locale = ctx?.locale ?? defaultLocale;
    const zod = error.cause instanceof ZodError ? error.cause : null;
    // Internal errors may carry SQL or driver details; people get a plain sentence instead.
    const message =
      error.code === "INTERNAL_SERVER_ERROR"
        ? renderServerText({ key: "internalError" }, locale)
        : zod
          ? readableZodMessage(zod, locale)
          : localizedErrorMessage(error, locale);
    return {
      ...shape,
      message,
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        zodError: zod ? localizedFlattenError(zod, locale) : null,
      },
    };
  },
});

export const createCallerFactory = t.createCallerFactory;
export const createTRPCRouter = t.router;

export const publicProcedure = t.procedure;

/** The rule of memberProcedure: a signed-in, active account. */
export function signedInUser(user: CurrentUser | null): CurrentUser {
  if (!isSignedIn(user)) {
    throw localizedTRPCError("UNAUTHORIZED", { key: "access.signIn" });
  }
  return user;
}

/** Any signed-in, active account. */
export const memberProcedure = t.procedure.use(({ ctx, next }) =>
  next({ ctx: { ...ctx, user: signedInUser(ctx.user) } }),
);

/** Facilitators and admins. Team-scoped checks follow in the team's procedures via policy. */
export const facilitatorProcedure = memberProcedure.use(({ ctx, next }) => {
  if (!mayFacilitate(ctx.user)) {
    throw localizedTRPCError("FORBIDDEN", { key: "access.facilitatorsOnly" });
  }
  return next();
});

export const adminProcedure = memberProcedure.use(({ ctx, next }) => {
  if (!isAdmin(ctx.user)) {
    throw localizedTRPCError("FORBIDDEN", { key: "access.adminsOnly" });
  }
  return next();
});

/**
 * Someone who joined the session named in the input, proven by the signed participant cookie
 * that joining set, and not removed by the facilitator.
 */
export const participantProcedure = t.procedure
  .input(z.object({ sessionId: z.uuid("That is not a session id.") }))
  .use(async ({ ctx, input, next }) => {
    const cookie = parseCookies(ctx.headers.get("cookie")).get(
      participantCookieName(input.sessionId),
    );
    const participantId = verifyParticipantCookie(ctx.cookieSecret, input.sessionId, cookie);
    if (!participantId) {
      throw localizedTRPCError("UNAUTHORIZED", { key: "access.joinFirst" });
    }
    const row = await lookUpParticipant(ctx.db, participantId);
    if (!row || row.participant.sessionId !== input.sessionId || row.participant.removedAt) {
      throw localizedTRPCError("FORBIDDEN", { key: "access.noLongerInSession" });
    }
    return next({ ctx: { ...ctx, participant: row.participant, session: row.session } });
  });

/** The team and the caller's membership, when the caller may see it; NOT_FOUND otherwise. */
async function visibleTeam(
  db: Database,
  user: CurrentUser,
  team: typeof teams.$inferSelect | undefined,
) {
  const membership = team ? await membershipRole(db, team.id, user.id) : null;
  if (!team || !maySeeTeam(user, membership)) {
    throw localizedTRPCError("NOT_FOUND", { key: "access.noSuchTeam" });
  }
  return { team, membership };
}

/** The rule of teamMemberProcedure (also re-applied by open streams, see live-access.ts). */
export async function teamMemberAccess(db: Database, user: CurrentUser, teamId: string) {
  const [team] = await db.select().from(teams).where(eq(teams.id, teamId));
  return visibleTeam(db, user, team);
}

/** A team the caller belongs to (or any team, for an admin); others get NOT_FOUND, not a hint. */
export const teamMemberProcedure = memberProcedure
  .input(z.object({ teamId: z.uuid("That is not a team id.") }))
  .use(async ({ ctx, input, next }) =>
    next({ ctx: { ...ctx, ...(await teamMemberAccess(ctx.db, ctx.user, input.teamId)) } }),
  );

/** The same as teamMemberProcedure, for pages that address a team by its slug (/teams/SLUG). */
export const teamMemberBySlugProcedure = memberProcedure
  .input(
    z.object({
      slug: textInput().trim().min(1, "Name a team.").max(100, "That is not a team address."),
    }),
  )
  .use(async ({ ctx, input, next }) => {
    const [team] = await ctx.db.select().from(teams).where(eq(teams.slug, input.slug));
    return next({ ctx: { ...ctx, ...(await visibleTeam(ctx.db, ctx.user, team)) } });
  });

/** The team's facilitators (and admins): invites, sessions, editing any action. */
export const teamFacilitatorProcedure = teamMemberProcedure.use(({ ctx, next }) => {
  if (!mayManageTeam(ctx.user, ctx.membership)) {
    throw localizedTRPCError("FORBIDDEN", { key: "access.teamFacilitatorsOnly" });
  }
  return next();
});

/** The session and the caller's membership of its team, when the caller may see it; NOT_FOUND otherwise. */
async function visibleSession(db: Database, user: CurrentUser, sessionId: string) {
  const [session] = await db.select().from(sessions).where(eq(sessions.id, sessionId));
  const membership = session ? await membershipRole(db, session.teamId, user.id) : null;
  if (!session || !maySeeTeam(user, membership)) {
    throw localizedTRPCError("NOT_FOUND", { key: "access.noSuchSession" });
  }
  return { session, membership };
}

/** The rule of sessionFacilitatorProcedure (also re-applied by open streams, see live-access.ts). */
export async function sessionFacilitatorAccess(db: Database, user: CurrentUser, sessionId: string) {
  const { session, membership } = await visibleSession(db, user, sessionId);
  if (!mayManageTeam(user, membership)) {
    throw localizedTRPCError("FORBIDDEN", { key: "access.sessionFacilitatorsOnly" });
  }
  return session;
}

/** Running a live session: the facilitators of the session's team, and admins. */
export const sessionFacilitatorProcedure = memberProcedure
  .input(z.object({ sessionId: z.uuid("That is not a session id.") }))
  .use(async ({ ctx, input, next }) =>
    next({
      ctx: { ...ctx, session: await sessionFacilitatorAccess(ctx.db, ctx.user, input.sessionId) },
    }),
  );

/** A past or live session's record (its summary): the members of the session's team, and admins. */
export const sessionMemberProcedure = memberProcedure
  .input(z.object({ sessionId: z.uuid("That is not a session id.") }))
  .use(async ({ ctx, input, next }) => {
    const visible = await visibleSession(ctx.db, ctx.user, input.sessionId);
    return next({ ctx: { ...ctx, ...visible } });
  });

/** An action of a team the caller may see (its history); other teams' actions are NOT_FOUND. */
export const actionViewerProcedure = memberProcedure
  .input(z.object({ actionId: z.uuid("That is not an action id.") }))
  .use(async ({ ctx, input, next }) => {
    const [action] = await ctx.db.select().from(actions).where(eq(actions.id, input.actionId));
    const membership = action ? await membershipRole(ctx.db, action.teamId, ctx.user.id) : null;
    if (!action || !maySeeTeam(ctx.user, membership)) {
      throw localizedTRPCError("NOT_FOUND", { key: "access.noSuchAction" });
    }
    return next({ ctx: { ...ctx, action, membership } });
  });

/** Moving and editing an action: its owner, the team's facilitators, and admins. */
export const actionEditorProcedure = actionViewerProcedure.use(({ ctx, next }) => {
  if (!mayEditAction(ctx.user, ctx.membership, ctx.action.ownerId)) {
    throw localizedTRPCError("FORBIDDEN", { key: "access.actionEditorsOnly" });
  }
  return next();
});
