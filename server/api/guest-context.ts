import "server-only";

import type { CurrentUser } from "../auth/active-user";
import { getDatabase } from "../db";
import { env } from "../env";
import { requestLocale } from "../i18n/server-text";
import { getEventBus } from "../realtime";
import { createTRPCContext, type Context } from "./trpc";

/** A request's tRPC context, for the account already read (request-context.ts) or none. */
export function contextFor(headers: Headers, responseHeaders: Headers, user: CurrentUser | null) {
  return createTRPCContext({
    db: getDatabase().db,
    bus: getEventBus(),
    headers,
    responseHeaders,
    user,
    cookieSecret: env.AUTH_SECRET,
    publicUrl: env.PUBLIC_URL,
    rateLimits: { joinsPerMinute: env.RATE_LIMIT_JOINS_PER_MINUTE },
    locale: requestLocale(headers),
  });
}

/** Makes the context of a request that carries no account (see guestContext). */
export type GuestContextOf = (headers: Headers, responseHeaders: Headers) => Context;

/**
 * The context of a request that carries no account cookie (a phone's): the one
 * createRequestContext makes then, without Next's request scope (which reading the account
 * needs), so that it serves the requests answered ahead of Next (server/ahead-of-next.ts).
 */
export const guestContext: GuestContextOf = (headers, responseHeaders) =>
  contextFor(headers, responseHeaders, null);
