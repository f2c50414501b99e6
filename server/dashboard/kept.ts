import "server-only";

import { desc, eq, inArray } from "drizzle-orm";

import type { Database } from "~/db";
import { essayVersions, practiceVersions } from "~/db/schema";

/** The latest published wording of some practices, with its position there (for ordering). */
export async function latestPracticeWording(db: Database, practiceIds: readonly string[]) {
  if (practiceIds.length === 0) return [];
  return db
    .selectDistinctOn([practiceVersions.practiceId], {
      practiceId: practiceVersions.practiceId,
      title: practiceVersions.title,
      position: practiceVersions.position,
    })
    .from(practiceVersions)
    .innerJoin(essayVersions, eq(essayVersions.id, practiceVersions.versionId))
    .where(inArray(practiceVersions.practiceId, [...practiceIds]))
    .orderBy(practiceVersions.practiceId, desc(essayVersions.number));
}
