import "server-only";

import { and, eq, isNull } from "drizzle-orm";
import { cache } from "react";

import type { Database } from "~/db";
import { users, type UserRole } from "~/db/schema";

import { getDatabase } from "../db";
import { auth } from "./index";

export interface CurrentUser {
  id: string;
  email: string;
  name: string;
  role: UserRole;
}

/** The active account behind a session's user id, or null if it's gone or deactivated. */
export async function loadActiveUser(db: Database, id: string): Promise<CurrentUser | null> {
  const [user] = await db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role })
    .from(users)
    .where(and(eq(users.id, id), isNull(users.deactivatedAt)));
  return user ?? null;
}

/** The signed-in user of this request (read once per request), or null. */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  return loadActiveUser(getDatabase().db, id);
});
