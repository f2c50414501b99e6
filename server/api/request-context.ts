import "server-only";

import { getCurrentUser } from "../auth/current-user";
import { getDatabase } from "../db";
import { env } from "../env";
import { createTRPCContext } from "./trpc";

/** Builds the tRPC context of an HTTP request or a server component render. */
export async function createRequestContext(headers: Headers) {
  return createTRPCContext({
    db: getDatabase().db,
    headers,
    user: await getCurrentUser(),
    cookieSecret: env.AUTH_SECRET,
  });
}
