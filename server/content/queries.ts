import "server-only";

import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";

import type { Database } from "~/db";
import { essays, essayVersions, practiceVersions, prompts } from "~/db/schema";

/** Published workshops with their latest version, for the library. */
export async function listPublishedEssays(db: Database) {
  const latest = db
    .selectDistinctOn([essayVersions.essayId], {
      essayId: essayVersions.essayId,
      versionId: sql<string>`${essayVersions.id}`.as("version_id"),
      number: essayVersions.number,
      title: essayVersions.title,
      publishedAt: essayVersions.publishedAt,
    })
    .from(essayVersions)
    .orderBy(essayVersions.essayId, desc(essayVersions.number))
    .as("latest");
  const rows = await db
    .select({
      id: essays.id,
      slug: essays.slug,
      title: latest.title,
      versionNumber: latest.number,
      publishedAt: latest.publishedAt,
      practiceCount: sql<number>`(select count(*)::int from ${practiceVersions} where ${practiceVersions.versionId} = ${latest.versionId})`,
    })
    .from(essays)
    .innerJoin(latest, eq(latest.essayId, essays.id))
    .where(eq(essays.status, "published"))
    .orderBy(asc(latest.title));
  return rows;
}

/** The latest published version of a workshop, with its practices and prompts in order. */
export async function latestPublishedVersion(db: Database, slug: string) {
  const [version] = await db
    .select({
      id: essayVersions.id,
      number: essayVersions.number,
      title: essayVersions.title,
      markdown: essayVersions.markdown,
      publishedAt: essayVersions.publishedAt,
    })
    .from(essayVersions)
    .innerJoin(essays, eq(essays.id, essayVersions.essayId))
    .where(and(eq(essays.slug, slug), inArray(essays.status, ["published"])))
    .orderBy(desc(essayVersions.number))
    .limit(1);
  if (!version) return null;
  const [versionPractices, versionPrompts] = await Promise.all([
    db
      .select({
        practiceId: practiceVersions.practiceId,
        position: practiceVersions.position,
        title: practiceVersions.title,
        description: practiceVersions.description,
      })
      .from(practiceVersions)
      .where(eq(practiceVersions.versionId, version.id))
      .orderBy(asc(practiceVersions.position)),
    db
      .select({ id: prompts.id, text: prompts.text, practiceId: prompts.practiceId })
      .from(prompts)
      .where(eq(prompts.versionId, version.id))
      .orderBy(asc(prompts.position)),
  ]);
  return { ...version, practices: versionPractices, prompts: versionPrompts };
}
