import "server-only";

import { eq } from "drizzle-orm";

import type { Database } from "~/db";
import { sessions } from "~/db/schema";

export type JoinCodeStatus =
  | { status: "unknown" }
  | { status: "ended"; title: string }
  | { status: "live"; sessionId: string; title: string };

/** What a join code leads to. `code` is already normalized. */
export async function lookUpJoinCode(db: Database, code: string): Promise<JoinCodeStatus> {
  const [session] = await db
    .select({ id: sessions.id, title: sessions.title, endedAt: sessions.endedAt })
    .from(sessions)
    .where(eq(sessions.joinCode, code));
  if (!session) return { status: "unknown" };
  if (session.endedAt) return { status: "ended", title: session.title };
  return { status: "live", sessionId: session.id, title: session.title };
}
