import "server-only";

import { cache } from "react";

import { getDatabase } from "../db";
import { loadActiveUser, type CurrentUser } from "./active-user";
import { auth } from "./index";

export { loadActiveUser, type CurrentUser };

/** The signed-in user of this request (read once per request), or null. */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  return loadActiveUser(getDatabase().db, id);
});
