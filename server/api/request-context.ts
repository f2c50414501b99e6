import "server-only";

import { getCurrentUser } from "../auth/current-user";
import { getDatabase } from "../db";
import { env } from "../env";
import { requestLocale } from "../i18n/server-text";
import { getEventBus } from "../realtime";
import { createTRPCContext } from "./trpc";

/**
 * Builds the tRPC context of an HTTP request or a server component render (which has no
 * response to set cookies on, so it gets headers nobody reads).
 */
export async function createRequestContext(headers: Headers, responseHeaders = new Headers()) {
  return createTRPCContext({
    db: getDatabase().db,
    bus: getEventBus(),
    headers,
    responseHeaders,
    user: await getCurrentUser(),
    cookieSecret: env.AUTH_SECRET,
    publicUrl: env.PUBLIC_URL,
    rateLimits: { joinsPerMinute: env.RATE_LIMIT_JOINS_PER_MINUTE },
    locale: requestLocale(headers),
  });
}
