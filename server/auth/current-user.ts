import "server-only";

import { cookies } from "next/headers";
import { cache } from "react";

import { getDatabase } from "../db";
import { loadActiveUser, loadSignedInUser, type CurrentUser } from "./active-user";
import { auth } from "./index";
import { hasAccountCookie } from "./session-cookie";

export { loadActiveUser, type CurrentUser };

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The signed-in user of this request (read once per request), or null. */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  // Phones carry no account cookie; skipping auth() for them saves the CSRF token and JWT work
  // it does on every call (about 8% of server CPU with 2,000 phones voting).
  if (!hasAccountCookie((await cookies()).getAll().map((cookie) => cookie.name))) return null;
  const session = await auth();
  const userId = session?.user?.id;
  const accountSessionId = session?.accountSessionId;
  // A token from before sign-ins were recorded names none: it is refused, and people sign in again.
  if (!userId || !accountSessionId || !uuid.test(accountSessionId)) return null;
  return loadSignedInUser(getDatabase().db, { userId, accountSessionId });
});
