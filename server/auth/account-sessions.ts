import "server-only";

import { and, eq, isNull, lt } from "drizzle-orm";

import type { Database } from "~/db";
import { accountSessions } from "~/db/schema";

/** Ended sign-ins are kept this long (for support questions), then dropped at the next sign-in. */
const keepEndedDays = 30;

/** Records a sign-in and returns its id, which the session token then carries. */
export async function startAccountSession(db: Database, userId: string): Promise<string> {
  await db
    .delete(accountSessions)
    .where(
      and(
        eq(accountSessions.userId, userId),
        lt(accountSessions.endedAt, new Date(Date.now() - keepEndedDays * 24 * 60 * 60 * 1000)),
      ),
    );
  const [row] = await db
    .insert(accountSessions)
    .values({ userId })
    .returning({ id: accountSessions.id });
  return row!.id;
}

/** Sign-out: the token naming this sign-in is refused from now on, wherever a copy of it is. */
export async function endAccountSession(db: Database, sessionId: string) {
  await db
    .update(accountSessions)
    .set({ endedAt: new Date() })
    .where(and(eq(accountSessions.id, sessionId), isNull(accountSessions.endedAt)));
}

/** Ends every open sign-in of an account (deactivation); returns how many were open. */
export async function endAccountSessionsOf(db: Database, userId: string): Promise<number> {
  const ended = await db
    .update(accountSessions)
    .set({ endedAt: new Date() })
    .where(and(eq(accountSessions.userId, userId), isNull(accountSessions.endedAt)))
    .returning({ id: accountSessions.id });
  return ended.length;
}
