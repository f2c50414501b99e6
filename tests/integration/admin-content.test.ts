import { randomUUID } from "node:crypto";

import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { auditLog, type EssayDraft } from "~/db/schema";
import { createCaller } from "~/server/api/root";
import type { CurrentUser } from "~/server/auth/current-user";

import { createUser, testContext } from "../helpers/callers";
import { createTestDatabase, type TestDatabase } from "../helpers/database";
import { createTeamWithSession, defaultSettings, type TeamWithSession } from "../helpers/fixtures";

let database: TestDatabase;
let home: TeamWithSession;
let admin: CurrentUser;

beforeAll(async () => {
  database = await createTestDatabase();
  home = await createTeamWithSession(database.db, "content");
  admin = await createUser(database.db, "admin", "Ada");
});
afterAll(() => database.destroy());

const as = (user: CurrentUser | null, cookie?: string) =>
  createCaller(testContext(database.db, user, { cookie }));

async function joinAsGuest(code: string) {
  const context = testContext(database.db, null);
  await createCaller(context).participant.join({ code, displayName: "Lin", joinKey: randomUUID() });
  return as(null, context.responseHeaders.get("set-cookie")!.split(";")[0]);
}

/** Saves an edited copy of the current draft, as the editor's autosave would. */
async function editDraft(essayId: string, change: (draft: EssayDraft) => EssayDraft) {
  const essay = await as(admin).adminContent.byId({ essayId });
  return as(admin).adminContent.saveDraft({
    essayId,
    expectedDraftUpdatedAt: essay.draftUpdatedAt,
    draft: change(structuredClone(essay.draft)),
  });
}

async function publish(essayId: string) {
  const { draftUpdatedAt } = await as(admin).adminContent.byId({ essayId });
  return as(admin).adminContent.publish({ essayId, expectedDraftUpdatedAt: draftUpdatedAt });
}

describe("publishing while a session runs", () => {
  it("leaves the running session on its version and starts new sessions on the new one", async () => {
    const guest = await joinAsGuest(home.session.joinCode);
    const before = await guest.participant.state({ sessionId: home.session.id });
    const reviews = before.content.practices[1]!;

    await editDraft(home.essayId, (draft) => {
      draft.markdown += "\n\nA paragraph added after the session started.\n";
      draft.practices[1]!.title = "Peer review";
      draft.practices.push({ practiceId: null, title: "Pairing", description: "Work in pairs." });
      return draft;
    });
    const published = await publish(home.essayId);
    expect(published.version.number).toBe(2);

    // The running session: same text, same practice wording, on the phone and the console.
    const during = await guest.participant.state({ sessionId: home.session.id });
    expect(during.content).toEqual(before.content);
    expect(during.content.markdown).not.toContain("added after the session started");
    const console_ = await as(home.facilitator).session.byId({ sessionId: home.session.id });
    expect(console_.content.practices[1]!.title).toBe("Reviews and feedback");
    expect(console_.content.number).toBe(1);

    // A new session gets the new version; the renamed practice is still the same practice.
    const next = await as(home.facilitator).session.create({
      teamId: home.team.id,
      essayId: home.essayId,
      title: "After the edit",
      settings: defaultSettings,
    });
    const fresh = await as(home.facilitator).session.byId({ sessionId: next.id });
    expect(fresh.content.number).toBe(2);
    expect(fresh.content.markdown).toContain("added after the session started");
    expect(fresh.content.practices[1]).toMatchObject({ id: reviews.id, title: "Peer review" });
    expect(fresh.content.practices).toHaveLength(9);
    expect(before.content.practices.map((p) => p.id)).not.toContain(fresh.content.practices[8]!.id);

    // The editor now knows the new practice's identity, so the next version keeps it too.
    const draft = (await as(admin).adminContent.byId({ essayId: home.essayId })).draft;
    expect(draft.practices[8]!.practiceId).toBe(fresh.content.practices[8]!.id);
  });

  it("counts the sessions of each version and shows what changed between them", async () => {
    const history = await as(admin).adminContent.versions({ essayId: home.essayId });
    expect(history.versions.map((v) => [v.number, v.sessionCount, v.publishedBy])).toEqual([
      [2, 1, "Ada"],
      [1, 1, null],
    ]);
    const [v2, v1] = history.versions;
    const diff = await as(admin).adminContent.diff({
      essayId: home.essayId,
      fromVersionId: v1!.id,
      toVersionId: v2!.id,
    });
    expect(diff.practices.find((p) => p.title === "Peer review")).toMatchObject({
      change: "edited",
      previousTitle: "Reviews and feedback",
    });
    expect(diff.practices.find((p) => p.title === "Pairing")).toMatchObject({ change: "added" });
    expect(diff.lines.filter((l) => l.kind === "added").map((l) => l.text)).toContain(
      "A paragraph added after the session started.",
    );

    const other = await as(admin).adminContent.create({ title: "Another workshop" });
    await expect(
      as(admin).adminContent.diff({
        essayId: other.id,
        fromVersionId: v1!.id,
        toVersionId: v2!.id,
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("editing safely", () => {
  it("refuses a save from a stale tab instead of overwriting newer work", async () => {
    const { draftUpdatedAt: stale, draft } = await as(admin).adminContent.byId({
      essayId: home.essayId,
    });
    await editDraft(home.essayId, (d) => ({ ...d, markdown: `${d.markdown}\nFrom tab one.` }));
    const refused = as(admin).adminContent.saveDraft({
      essayId: home.essayId,
      expectedDraftUpdatedAt: stale,
      draft: { ...draft, markdown: "From tab two, which never saw tab one's edit." },
    });
    await expect(refused).rejects.toThrow("another tab");
    await expect(refused).rejects.toMatchObject({ code: "CONFLICT" });
    const now = await as(admin).adminContent.byId({ essayId: home.essayId });
    expect(now.draft.markdown).toContain("From tab one.");
    await expect(
      as(admin).adminContent.publish({ essayId: home.essayId, expectedDraftUpdatedAt: stale }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("bounds input sizes with messages a person can act on", async () => {
    const essay = await as(admin).adminContent.byId({ essayId: home.essayId });
    const save = (draft: EssayDraft) =>
      as(admin).adminContent.saveDraft({
        essayId: home.essayId,
        expectedDraftUpdatedAt: essay.draftUpdatedAt,
        draft,
      });
    await expect(save({ ...essay.draft, markdown: "x".repeat(100_001) })).rejects.toThrow(
      "The essay is too long: keep it under 100,000 characters.",
    );
    await expect(
      save({
        ...essay.draft,
        practices: Array.from({ length: 51 }, (_, i) => ({
          practiceId: null,
          title: `P${i}`,
          description: "",
        })),
        prompts: [],
      }),
    ).rejects.toThrow("A workshop can have at most 50 practices.");
    await expect(save({ ...essay.draft, title: "t".repeat(201) })).rejects.toThrow(
      "Keep the title under 200 characters.",
    );
    await expect(
      save({ ...essay.draft, prompts: [{ text: "About nothing", practiceIndex: 40 }] }),
    ).rejects.toThrow("tied to a practice that isn't in the draft");
    expect((await as(admin).adminContent.byId({ essayId: home.essayId })).draft).toEqual(
      essay.draft,
    );
  });

  it("refuses a practice identity borrowed from another workshop", async () => {
    const other = await as(admin).adminContent.create({ title: "Borrower" });
    const seeded = await as(admin).adminContent.byId({ essayId: home.essayId });
    await expect(
      editDraft(other.id, (draft) => ({
        ...draft,
        practices: [{ ...seeded.draft.practices[0]! }],
      })),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("publishes nothing that is unchanged or has no practices", async () => {
    await publish(home.essayId);
    await expect(publish(home.essayId)).rejects.toThrow("Nothing to publish");
    const empty = await as(admin).adminContent.create({ title: "Empty" });
    await expect(publish(empty.id)).rejects.toThrow("Add at least one practice");
  });
});

describe("creating workshops", () => {
  it("gives workshops created at once with the same title different slugs", async () => {
    const title = "Twin workshop";
    const results = await Promise.allSettled(
      Array.from({ length: 4 }, () => as(admin).adminContent.create({ title })),
    );
    expect(results.map((r) => r.status)).toEqual(Array(4).fill("fulfilled"));
    const slugs = results.map((r) => (r as PromiseFulfilledResult<{ slug: string }>).value.slug);
    expect(new Set(slugs).size).toBe(4);
    expect(slugs.toSorted()).toEqual([
      "twin-workshop",
      "twin-workshop-2",
      "twin-workshop-3",
      "twin-workshop-4",
    ]);
  });

  it("lists each workshop's title and practice count from its draft", async () => {
    const created = await as(admin).adminContent.create({ title: "Counted" });
    await editDraft(created.id, (d) => ({
      ...d,
      title: "Counted, renamed",
      practices: [
        { practiceId: null, title: "One", description: "" },
        { practiceId: null, title: "Two", description: "" },
      ],
    }));
    const listed = (await as(admin).adminContent.list()).find((e) => e.id === created.id);
    expect(listed).toMatchObject({
      title: "Counted, renamed",
      practiceCount: 2,
      hasUnpublishedChanges: true,
      versions: [],
    });
    expect(listed).not.toHaveProperty("draft");
    const seeded = (await as(admin).adminContent.list()).find((e) => e.id === home.essayId);
    expect(seeded?.practiceCount).toBeGreaterThanOrEqual(8);
  });
});

describe("archiving", () => {
  it("stops new sessions with a clear reason but keeps history, and unarchives to published", async () => {
    const { essayId } = home;
    await as(admin).adminContent.archive({ essayId });
    await expect(
      as(home.facilitator).session.create({
        teamId: home.team.id,
        essayId,
        title: "Too late",
        settings: defaultSettings,
      }),
    ).rejects.toThrow("archived");
    expect((await as(null).content.list()).map((e) => e.id)).not.toContain(essayId);
    expect((await as(admin).adminContent.versions({ essayId })).versions.length).toBeGreaterThan(1);
    const { draftUpdatedAt } = await as(admin).adminContent.byId({ essayId });
    await expect(
      as(admin).adminContent.publish({ essayId, expectedDraftUpdatedAt: draftUpdatedAt }),
    ).rejects.toThrow("archived");

    expect(await as(admin).adminContent.unarchive({ essayId })).toEqual({ status: "published" });
    expect((await as(null).content.list()).map((e) => e.id)).toContain(essayId);
  });
});

describe("audit log", () => {
  it("records each content change with who made it, one entry per stretch of autosaves", async () => {
    const created = await as(admin).adminContent.create({ title: "Audited" });
    for (const n of [1, 2, 3]) {
      await editDraft(created.id, (d) => ({
        ...d,
        markdown: `Edit ${n}`,
        practices: [{ practiceId: null, title: "One", description: "" }],
      }));
    }
    await publish(created.id);
    await as(admin).adminContent.archive({ essayId: created.id });
    const entries = await database.db
      .select({ action: auditLog.action, actorId: auditLog.actorId, details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.targetType, "essay"), eq(auditLog.targetId, created.id)))
      .orderBy(auditLog.createdAt);
    expect(entries.map((e) => e.action)).toEqual([
      "content.create",
      "content.edit",
      "content.publish",
      "content.archive",
    ]);
    expect(entries.every((e) => e.actorId === admin.id)).toBe(true);
    expect(entries[2]!.details).toMatchObject({ version: 1 });
  });
});
