import "server-only";

import { and, asc, count, desc, eq, inArray, sql } from "drizzle-orm";

import type { Database } from "~/db";
import { essays, essayVersions, practiceVersions, prompts, sessions, users } from "~/db/schema";

import type { VersionContent } from "./diff";

/** Versions of the given essays, newest first, with who published them and how many sessions ran. */
async function versionsOf(db: Database, essayIds: string[]) {
  if (essayIds.length === 0) return [];
  const sessionCounts = db
    .select({ versionId: sessions.essayVersionId, sessionCount: count().as("session_count") })
    .from(sessions)
    .groupBy(sessions.essayVersionId)
    .as("session_counts");
  const rows = await db
    .select({
      id: essayVersions.id,
      essayId: essayVersions.essayId,
      number: essayVersions.number,
      title: essayVersions.title,
      publishedAt: essayVersions.publishedAt,
      publishedBy: users.name,
      sessionCount: sessionCounts.sessionCount,
    })
    .from(essayVersions)
    .leftJoin(users, eq(users.id, essayVersions.publishedById))
    .leftJoin(sessionCounts, eq(sessionCounts.versionId, essayVersions.id))
    .where(inArray(essayVersions.essayId, essayIds))
    .orderBy(asc(essayVersions.essayId), desc(essayVersions.number));
  return rows.map((row) => ({ ...row, sessionCount: Number(row.sessionCount ?? 0) }));
}

export type VersionSummary = Awaited<ReturnType<typeof versionsOf>>[number];

/**
 * Every workshop for the content library, drafts and archived ones included. The draft is
 * unpublished work when it changed after the latest version (publishing stamps both alike).
 */
export async function listEssaysForAdmin(db: Database) {
  const rows = await db
    .select({
      id: essays.id,
      slug: essays.slug,
      status: essays.status,
      // Only what the library shows: not every draft's whole essay text.
      title: sql<string>`${essays.draft}->>'title'`,
      practiceCount: sql<number>`jsonb_array_length(${essays.draft}->'practices')`.mapWith(Number),
      draftUpdatedAt: essays.draftUpdatedAt,
      createdAt: essays.createdAt,
    })
    .from(essays)
    .orderBy(asc(essays.createdAt));
  const versions = await versionsOf(
    db,
    rows.map((row) => row.id),
  );
  return rows
    .map((essay) => {
      const own = versions.filter((v) => v.essayId === essay.id);
      const latest = own[0];
      return {
        ...essay,
        versions: own,
        hasUnpublishedChanges: !latest || essay.draftUpdatedAt > latest.publishedAt,
      };
    })
    .sort((a, b) => a.title.localeCompare(b.title));
}

/** One workshop with its draft, for the editor; null when it doesn't exist. */
export async function essayForEditing(db: Database, essayId: string) {
  const [essay] = await db
    .select({
      id: essays.id,
      slug: essays.slug,
      status: essays.status,
      draft: essays.draft,
      draftUpdatedAt: essays.draftUpdatedAt,
    })
    .from(essays)
    .where(eq(essays.id, essayId));
  if (!essay) return null;
  const [latest] = await db
    .select({ number: essayVersions.number, publishedAt: essayVersions.publishedAt })
    .from(essayVersions)
    .where(eq(essayVersions.essayId, essayId))
    .orderBy(desc(essayVersions.number))
    .limit(1);
  return {
    ...essay,
    latestVersion: latest ?? null,
    hasUnpublishedChanges: !latest || essay.draftUpdatedAt > latest.publishedAt,
  };
}

/** A workshop's versions, newest first; null when the workshop doesn't exist. */
export async function versionHistory(db: Database, essayId: string) {
  const [essay] = await db
    .select({ id: essays.id, slug: essays.slug, status: essays.status, draft: essays.draft })
    .from(essays)
    .where(eq(essays.id, essayId));
  if (!essay) return null;
  return {
    essay: { id: essay.id, slug: essay.slug, status: essay.status, title: essay.draft.title },
    versions: await versionsOf(db, [essayId]),
  };
}

/** A published version's text, practices and prompts, if it belongs to the given workshop. */
export async function versionContent(
  db: Database,
  essayId: string,
  versionId: string,
): Promise<(VersionContent & { number: number }) | null> {
  const [version] = await db
    .select({
      number: essayVersions.number,
      title: essayVersions.title,
      markdown: essayVersions.markdown,
    })
    .from(essayVersions)
    .where(and(eq(essayVersions.id, versionId), eq(essayVersions.essayId, essayId)));
  if (!version) return null;
  const [versionPractices, versionPrompts] = await Promise.all([
    db
      .select({
        practiceId: practiceVersions.practiceId,
        title: practiceVersions.title,
        description: practiceVersions.description,
      })
      .from(practiceVersions)
      .where(eq(practiceVersions.versionId, versionId))
      .orderBy(asc(practiceVersions.position)),
    db
      .select({ text: prompts.text, practiceId: prompts.practiceId })
      .from(prompts)
      .where(eq(prompts.versionId, versionId))
      .orderBy(asc(prompts.position)),
  ]);
  return { ...version, practices: versionPractices, prompts: versionPrompts };
}

/** The newest version's id of a workshop, or null before its first publish. */
export async function latestVersionId(db: Pick<Database, "select">, essayId: string) {
  const [latest] = await db
    .select({ id: essayVersions.id })
    .from(essayVersions)
    .where(eq(essayVersions.essayId, essayId))
    .orderBy(desc(essayVersions.number))
    .limit(1);
  return latest?.id ?? null;
}
