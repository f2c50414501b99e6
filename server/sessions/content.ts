import "server-only";

import { and, asc, eq } from "drizzle-orm";

import type { Database } from "~/db";
import { essayVersions, practiceVersions, prompts } from "~/db/schema";

import { SessionRuleError } from "./commands";

/** The pinned version's essay, practices and prompts: what this session reads and votes on. */
export async function sessionContent(db: Database, essayVersionId: string) {
  const [[version], versionPractices, versionPrompts] = await Promise.all([
    db
      .select({
        title: essayVersions.title,
        markdown: essayVersions.markdown,
        number: essayVersions.number,
      })
      .from(essayVersions)
      .where(eq(essayVersions.id, essayVersionId)),
    db
      .select({
        id: practiceVersions.practiceId,
        title: practiceVersions.title,
        description: practiceVersions.description,
      })
      .from(practiceVersions)
      .where(eq(practiceVersions.versionId, essayVersionId))
      .orderBy(asc(practiceVersions.position)),
    db
      .select({ id: prompts.id, text: prompts.text, practiceId: prompts.practiceId })
      .from(prompts)
      .where(eq(prompts.versionId, essayVersionId))
      .orderBy(asc(prompts.position)),
  ]);
  if (!version) throw new Error(`Version ${essayVersionId} does not exist`);
  return { ...version, practices: versionPractices, prompts: versionPrompts };
}

export type SessionContent = Awaited<ReturnType<typeof sessionContent>>;

/** Refuses a practice that isn't in the version a session pinned (another essay's, or made up). */
export async function assertPracticeOfVersion(
  db: Database,
  essayVersionId: string,
  practiceId: string,
) {
  const [practice] = await db
    .select({ id: practiceVersions.practiceId })
    .from(practiceVersions)
    .where(
      and(
        eq(practiceVersions.versionId, essayVersionId),
        eq(practiceVersions.practiceId, practiceId),
      ),
    );
  if (!practice) throw new SessionRuleError({ key: "sessions.practiceNotInWorkshop" });
}
