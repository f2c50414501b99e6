import "server-only";

import { and, eq, isNull } from "drizzle-orm";

import type { Database } from "~/db";
import { accountSessions, users, type UserRole } from "~/db/schema";

export interface CurrentUser {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  /**
   * The sign-in (account_sessions row) the request came with. Set for every browser request;
   * absent only in contexts built without one (tests, scripts).
   */
  accountSessionId?: string;
}

const userColumns = { id: users.id, email: users.email, name: users.name, role: users.role };

/**
 * The active account behind a user id, or null if it's gone or deactivated. Apart from
 * current-user.ts (which needs the auth config and environment) so tests can call it.
 */
export async function loadActiveUser(db: Database, id: string): Promise<CurrentUser | null> {
  const [user] = await db
    .select(userColumns)
    .from(users)
    .where(and(eq(users.id, id), isNull(users.deactivatedAt)));
  return user ?? null;
}

/**
 * The active account behind a session token: its sign-in must still be open (not signed out,
 * not ended by deactivation) and belong to that account. One query per request.
 */
export async function loadSignedInUser(
  db: Database,
  token: { userId: string; accountSessionId: string },
): Promise<CurrentUser | null> {
  const [user] = await db
    .select({ ...userColumns, accountSessionId: accountSessions.id })
    .from(accountSessions)
    .innerJoin(users, eq(users.id, accountSessions.userId))
    .where(
      and(
        eq(accountSessions.id, token.accountSessionId),
        eq(accountSessions.userId, token.userId),
        isNull(accountSessions.endedAt),
        isNull(users.deactivatedAt),
      ),
    );
  return user ?? null;
}

/**
 * The same account read again, for a long-lived stream that was let in with `user`: its sign-in
 * checked again when it had one.
 */
export function reloadUser(db: Database, user: CurrentUser): Promise<CurrentUser | null> {
  return user.accountSessionId
    ? loadSignedInUser(db, { userId: user.id, accountSessionId: user.accountSessionId })
    : loadActiveUser(db, user.id);
}
