import { randomUUID } from "node:crypto";

import type { Database } from "~/db";
import { users, type UserRole } from "~/db/schema";
import { createCaller } from "~/server/api/root";
import type { CurrentUser } from "~/server/auth/current-user";

export const testCookieSecret = "test-secret-that-is-long-enough-for-hmac-0123456789";

/** A tRPC caller of the real router, as the given user (or anonymous), with optional cookies. */
export function callerFor(db: Database, user: CurrentUser | null, cookie?: string) {
  const headers = new Headers(cookie ? { cookie } : {});
  return createCaller({ db, user, headers, cookieSecret: testCookieSecret });
}

/** Inserts an account with the given role and returns it as the context sees it. */
export async function createUser(db: Database, role: UserRole, name = role): Promise<CurrentUser> {
  const [user] = await db
    .insert(users)
    .values({ email: `${name}-${randomUUID()}@example.test`, name, role })
    .returning({ id: users.id, email: users.email, name: users.name, role: users.role });
  return user!;
}
