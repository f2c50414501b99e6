import "server-only";

import { TRPCError } from "@trpc/server";

import type { Database } from "~/db";

import { reloadUser, type CurrentUser } from "../auth/active-user";
import { localizedTRPCError } from "../i18n/localized-error";
import { signedInUser } from "./trpc";

/** How often an open stream re-checks its caller's access while nothing is pushed. */
export const liveRecheckMs = 20_000;

/** A procedure base's rule (see trpc.ts): throws its TRPCError when the caller may not pass. */
type AccessRule = (db: Database, user: CurrentUser) => Promise<unknown>;

/**
 * The caller's access, checked again with the account read fresh: a stream was let in once, at
 * its start, with the user as they were then. NOT_FOUND becomes FORBIDDEN: the caller knew the
 * thing already, so there is no existence to hide, and the screen should stop, not retry.
 */
async function recheck(db: Database, user: CurrentUser, rule: AccessRule) {
  try {
    await rule(db, signedInUser(await reloadUser(db, user)));
  } catch (error) {
    if (!(error instanceof TRPCError)) {
      // The database is unreachable (a restart, say): nothing says access has gone, and the feed
      // loads nothing new meanwhile either. The stream stays, and the next check asks again.
      console.error("[live] access re-check failed:", error);
      return;
    }
    if (error.code === "NOT_FOUND") {
      throw localizedTRPCError("FORBIDDEN", { key: "access.accessLost" });
    }
    throw error;
  }
}

/**
 * A signed-in caller's stream, ended with the base's error (UNAUTHORIZED, FORBIDDEN) once the
 * caller may no longer see it: signed out, deactivated, demoted or removed from the team. The
 * rule is checked again before every push and every `liveRecheckMs` while the stream is quiet.
 * Only for streams of signed-in people (consoles, big screens, boards): phones are bound to
 * their session by a cookie and are ended by the feed when the facilitator removes them.
 */
export async function* whileAllowed<T>(
  ctx: { db: Database; user: CurrentUser; liveRecheckMs?: number },
  rule: AccessRule,
  signal: AbortSignal | undefined,
  open: (signal: AbortSignal) => AsyncGenerator<T>,
): AsyncGenerator<T> {
  // The inner stream gets its own signal, so that ending here also ends its wait for a push.
  const stop = new AbortController();
  const abort = () => stop.abort();
  if (signal?.aborted) abort();
  signal?.addEventListener("abort", abort);
  const stream = open(stop.signal);
  const intervalMs = ctx.liveRecheckMs ?? liveRecheckMs;
  let pending: Promise<IteratorResult<T>> | undefined;
  try {
    for (;;) {
      pending ??= stream.next();
      let timer: ReturnType<typeof setTimeout> | undefined;
      const quiet = new Promise<"quiet">((resolve) => {
        timer = setTimeout(() => resolve("quiet"), intervalMs);
      });
      const result = await Promise.race([pending, quiet]).finally(() => clearTimeout(timer));
      if (result === "quiet") {
        await recheck(ctx.db, ctx.user, rule);
        continue;
      }
      pending = undefined;
      if (result.done) return;
      await recheck(ctx.db, ctx.user, rule);
      yield result.value;
    }
  } finally {
    signal?.removeEventListener("abort", abort);
    stop.abort();
    // A push still awaited settles (as done) now that the inner stream was stopped.
    pending?.catch(() => {});
    await stream.return(undefined);
  }
}
