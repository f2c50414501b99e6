import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { essays, essayVersions, practices, practiceVersions, prompts } from "~/db/schema";
import { seedContent } from "~/db/seed";

import { callerFor } from "../helpers/callers";
import { createTestDatabase, type TestDatabase } from "../helpers/database";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.destroy());

async function counts() {
  const db = database.db;
  const n = async (
    table: typeof essays | typeof essayVersions | typeof practices | typeof prompts,
  ) => (await db.select({ n: count() }).from(table))[0]!.n;
  return {
    essays: await n(essays),
    versions: await n(essayVersions),
    practices: await n(practices),
    prompts: await n(prompts),
  };
}

describe("content seed", () => {
  it("publishes the essay once, however many starts race to seed it", async () => {
    const results = await Promise.all([1, 2, 3].map(() => seedContent(database.db)));
    expect(results.filter((r) => r.seeded)).toHaveLength(1);
    const seeded = await counts();
    expect(seeded.essays).toBe(1);
    expect(seeded.versions).toBe(1);
    expect(seeded.practices).toBe(8);
    expect(seeded.prompts).toBeGreaterThanOrEqual(4);

    expect(await seedContent(database.db)).toEqual({ seeded: false });
    expect(await counts()).toEqual(seeded);
  });

  it("records the practice identities in the draft, so the next version keeps them", async () => {
    const [essay] = await database.db.select().from(essays);
    const versionPractices = await database.db
      .select()
      .from(practiceVersions)
      .innerJoin(essayVersions, eq(essayVersions.id, practiceVersions.versionId))
      .orderBy(practiceVersions.position);
    expect(essay!.status).toBe("published");
    expect(essay!.draft.practices.map((p) => p.practiceId)).toEqual(
      versionPractices.map((row) => row.practice_versions.practiceId),
    );
  });

  it("serves the published workshop through the content API", async () => {
    const caller = callerFor(database.db, null);
    const [listed] = await caller.content.list();
    expect(listed).toMatchObject({
      title: "Technical Competence is a Form of Leadership",
      versionNumber: 1,
      practiceCount: 8,
    });
    const essay = await caller.content.bySlug({ slug: listed!.slug });
    expect(essay.markdown).toContain("## How to implement technical leadership");
    expect(essay.practices.map((p) => p.title)).toContain("Reviews and feedback");
    expect(essay.practices.map((p) => p.position)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(essay.prompts.some((p) => p.practiceId !== null)).toBe(true);
    await expect(caller.content.bySlug({ slug: "no-such-workshop" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});
