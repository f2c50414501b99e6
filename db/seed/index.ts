import type { Database } from "~/db";
import { essays } from "~/db/schema";
import { publishDraft } from "~/server/content/publish";

import { technicalLeadershipEssay, technicalLeadershipSlug } from "./technical-leadership";

/**
 * Puts the default workshop in the library on first start. Idempotent: the unique slug means a
 * second run (or a second instance starting at the same moment) inserts nothing and publishes
 * nothing. Insert and publish share a transaction so a crash can't leave an unpublished seed.
 */
export async function seedContent(db: Database): Promise<{ seeded: boolean }> {
  return db.transaction(async (tx) => {
    const inserted = await tx
      .insert(essays)
      .values({ slug: technicalLeadershipSlug, draft: technicalLeadershipEssay })
      .onConflictDoNothing({ target: essays.slug })
      .returning({ id: essays.id });
    const essay = inserted[0];
    if (!essay) return { seeded: false };
    await publishDraft(tx, essay.id, null);
    return { seeded: true };
  });
}
