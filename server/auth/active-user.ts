import "server-only";

import { and, eq, isNull } from "drizzle-orm";

import type { Database } from "~/db";
import { users, type UserRole } from "~/db/schema";

export interface CurrentUser {
  id: string;
  email: string;
  name: string;
  role: UserRole;
}

/**
 * The active account behind a session's user id, or null if it's gone or deactivated. Apart
 * from current-user.ts (which needs the auth config and environment) so tests can call it.
 */
export async function loadActiveUser(db: Database, id: string): Promise<CurrentUser | null> {
  const [user] = await db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role })
    .from(users)
    .where(and(eq(users.id, id), isNull(users.deactivatedAt)));
  return user ?? null;
}
