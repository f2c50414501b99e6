import "server-only";

import { eq, max } from "drizzle-orm";

import type { Database } from "~/db";
import { essays, essayVersions, practices, practiceVersions, prompts } from "~/db/schema";

/**
 * Turns an essay's draft into a new immutable version. Practices that carry a `practiceId` keep
 * their identity; new ones get one, which is written back into the draft so the next version
 * recognises them. Runs in one transaction so a version is never half written.
 */
export async function publishDraft(db: Database, essayId: string, publishedById: string | null) {
  return db.transaction(async (tx) => {
    // Lock the essay row so two publishes of one essay can't both take the same number.
    const [essay] = await tx.select().from(essays).where(eq(essays.id, essayId)).for("update");
    if (!essay) throw new Error(`Essay ${essayId} does not exist`);
    if (essay.status === "archived") throw new Error("An archived essay can't be published");

    const [last] = await tx
      .select({ number: max(essayVersions.number) })
      .from(essayVersions)
      .where(eq(essayVersions.essayId, essayId));
    const number = (last?.number ?? 0) + 1;

    const draft = essay.draft;
    const [version] = await tx
      .insert(essayVersions)
      .values({ essayId, number, title: draft.title, markdown: draft.markdown, publishedById })
      .returning();
    if (!version) throw new Error("Inserting the version returned nothing");

    const newIdentities = draft.practices.filter((p) => p.practiceId === null);
    const created =
      newIdentities.length > 0
        ? await tx
            .insert(practices)
            .values(newIdentities.map(() => ({ essayId })))
            .returning({ id: practices.id })
        : [];
    let next = 0;
    const practiceIds = draft.practices.map((p) => p.practiceId ?? created[next++]!.id);

    if (draft.practices.length > 0) {
      await tx.insert(practiceVersions).values(
        draft.practices.map((p, position) => ({
          versionId: version.id,
          practiceId: practiceIds[position]!,
          position,
          title: p.title,
          description: p.description,
        })),
      );
    }
    if (draft.prompts.length > 0) {
      await tx.insert(prompts).values(
        draft.prompts.map((p, position) => ({
          versionId: version.id,
          practiceId: p.practiceIndex === null ? null : (practiceIds[p.practiceIndex] ?? null),
          position,
          text: p.text,
        })),
      );
    }

    await tx
      .update(essays)
      .set({
        status: "published",
        draft: {
          ...draft,
          practices: draft.practices.map((p, i) => ({ ...p, practiceId: practiceIds[i]! })),
        },
      })
      .where(eq(essays.id, essayId));
    return version;
  });
}
