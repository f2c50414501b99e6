import "server-only";

import { and, desc, eq } from "drizzle-orm";

import type { Database } from "~/db";
import { essays, essayVersions, sessions, type SessionSettings } from "~/db/schema";

import { LocalizedError } from "../i18n/localized-error";
import type { ServerText } from "../i18n/server-text";
import { generateJoinCode } from "./join-code";

export class WorkshopUnavailableError extends LocalizedError {}

/** The latest published version of a workshop that may start sessions (not archived). */
export async function currentVersionOf(db: Database, essayId: string) {
  const [version] = await db
    .select({ id: essayVersions.id })
    .from(essayVersions)
    .innerJoin(essays, eq(essays.id, essayVersions.essayId))
    .where(and(eq(essays.id, essayId), eq(essays.status, "published")))
    .orderBy(desc(essayVersions.number))
    .limit(1);
  return version ?? null;
}

/** Why a workshop can't start a session, in words a facilitator can act on. */
async function unavailableReason(db: Database, essayId: string): Promise<ServerText> {
  const [essay] = await db
    .select({ status: essays.status })
    .from(essays)
    .where(eq(essays.id, essayId));
  if (essay?.status === "archived") {
    return { key: "sessions.workshopArchived" };
  }
  if (essay?.status === "draft") return { key: "sessions.workshopUnpublished" };
  return { key: "sessions.noSuchWorkshop" };
}

/**
 * Creates a live session pinned to the workshop's current version. Join codes are random; on
 * the rare collision with an existing code the insert conflicts and another code is drawn.
 */
export async function createSession(
  db: Database,
  input: {
    teamId: string;
    essayId: string;
    title: string;
    settings: SessionSettings;
    facilitatorId: string;
  },
) {
  const version = await currentVersionOf(db, input.essayId);
  if (!version) throw new WorkshopUnavailableError(await unavailableReason(db, input.essayId));
  for (let attempt = 0; attempt < 8; attempt++) {
    const [session] = await db
      .insert(sessions)
      .values({
        teamId: input.teamId,
        essayVersionId: version.id,
        title: input.title,
        settings: input.settings,
        facilitatorId: input.facilitatorId,
        joinCode: generateJoinCode(),
      })
      .onConflictDoNothing({ target: sessions.joinCode })
      .returning();
    if (session) return session;
  }
  throw new Error("Could not find a free join code");
}
