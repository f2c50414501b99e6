import "server-only";

import { and, eq, gt, inArray, like, sql } from "drizzle-orm";

import type { Database } from "~/db";
import { isUniqueViolation } from "~/db/errors";
import { auditLog, essays, practices, type EssayDraft } from "~/db/schema";
import { recordAudit } from "~/server/admin/audit";
import { LocalizedError } from "~/server/i18n/localized-error";
import type { ServerText } from "~/server/i18n/server-text";
import { nextFreeSlug, slugFromName } from "~/server/teams/slug";

import { latestVersionId, versionContent } from "./admin-queries";
import { diffVersions, isUnchanged, type VersionContent } from "./diff";
import type { EssayDraftInput } from "./draft-input";
import { publishDraft } from "./publish";

/** A rule of content editing that refused a change, with a sentence an admin can act on. */
export class ContentRuleError extends LocalizedError {
  constructor(
    readonly code: "NOT_FOUND" | "CONFLICT" | "BAD_REQUEST",
    text: ServerText,
  ) {
    super(text);
  }
}

/** Autosave writes every few seconds; the audit log gets one entry per stretch of editing. */
const editAuditWindow = sql`now() - interval '15 minutes'`;

type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];

/** The essay row, locked for this transaction so concurrent saves and publishes queue up. */
async function lockEssay(tx: Transaction, essayId: string) {
  const [essay] = await tx.select().from(essays).where(eq(essays.id, essayId)).for("update");
  if (!essay) throw new ContentRuleError("NOT_FOUND", { key: "content.noSuchWorkshop" });
  return essay;
}

/**
 * Optimistic concurrency: the editor sends the draft's timestamp it last saw, and a save from a
 * stale tab is refused instead of silently overwriting newer work. Dates travel with
 * millisecond precision, so that is the precision compared.
 */
function assertFresh(essay: { draftUpdatedAt: Date }, expected: Date) {
  if (essay.draftUpdatedAt.getTime() !== expected.getTime()) {
    throw new ContentRuleError("CONFLICT", { key: "content.staleDraft" });
  }
}

/** Two admins creating workshops with the same title at once race for a slug; the loser retries. */
const slugAttempts = 5;

/**
 * A new workshop with an empty draft, its slug taken from the title ("core", "core-2"…). The
 * unique index on slugs settles a race: a create that loses it picks the next free slug again.
 */
export async function createEssay(db: Database, actorId: string, title: string) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await insertEssay(db, actorId, title);
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= slugAttempts) throw error;
    }
  }
}

async function insertEssay(db: Database, actorId: string, title: string) {
  const base = slugFromName(title);
  return db.transaction(async (tx) => {
    const taken = await tx
      .select({ slug: essays.slug })
      .from(essays)
      .where(like(essays.slug, `${base}%`));
    const draft: EssayDraft = { title, markdown: "", practices: [], prompts: [] };
    const [essay] = await tx
      .insert(essays)
      .values({
        slug: nextFreeSlug(
          base,
          taken.map((row) => row.slug),
        ),
        draft,
        createdById: actorId,
      })
      .returning({ id: essays.id, slug: essays.slug });
    await recordAudit(tx, {
      actorId,
      action: "content.create",
      targetType: "essay",
      targetId: essay!.id,
      details: { title },
    });
    return essay!;
  });
}

export async function saveDraft(
  db: Database,
  actorId: string,
  input: { essayId: string; expectedDraftUpdatedAt: Date; draft: EssayDraftInput },
) {
  return db.transaction(async (tx) => {
    const essay = await lockEssay(tx, input.essayId);
    if (essay.status === "archived") {
      throw new ContentRuleError("CONFLICT", { key: "content.archivedNoEdit" });
    }
    assertFresh(essay, input.expectedDraftUpdatedAt);

    // A practice keeps its identity only within its own workshop.
    const ids = input.draft.practices.flatMap((p) => (p.practiceId ? [p.practiceId] : []));
    if (ids.length > 0) {
      const own = await tx
        .select({ id: practices.id })
        .from(practices)
        .where(and(eq(practices.essayId, essay.id), inArray(practices.id, ids)));
      if (own.length !== ids.length) {
        throw new ContentRuleError("BAD_REQUEST", { key: "content.foreignPractice" });
      }
    }

    const [saved] = await tx
      .update(essays)
      .set({ draft: input.draft, draftUpdatedAt: sql`now()` })
      .where(eq(essays.id, essay.id))
      .returning({ draftUpdatedAt: essays.draftUpdatedAt });

    const [recent] = await tx
      .select({ id: auditLog.id })
      .from(auditLog)
      .where(
        and(
          eq(auditLog.actorId, actorId),
          eq(auditLog.action, "content.edit"),
          eq(auditLog.targetId, essay.id),
          gt(auditLog.createdAt, editAuditWindow),
        ),
      )
      .limit(1);
    if (!recent) {
      await recordAudit(tx, {
        actorId,
        action: "content.edit",
        targetType: "essay",
        targetId: essay.id,
        details: { title: input.draft.title },
      });
    }
    return { draftUpdatedAt: saved!.draftUpdatedAt };
  });
}

/** The draft in the shape of a version, with placeholder ids for practices not yet published. */
function draftAsVersion(draft: EssayDraft): VersionContent {
  const ids = draft.practices.map((p, i) => p.practiceId ?? `new-${i}`);
  return {
    title: draft.title,
    markdown: draft.markdown,
    practices: draft.practices.map((p, i) => ({ ...p, practiceId: ids[i]! })),
    prompts: draft.prompts.map((p) => ({
      text: p.text,
      practiceId: p.practiceIndex === null ? null : (ids[p.practiceIndex] ?? null),
    })),
  };
}

/**
 * Publishes the draft the editor last saw as a new immutable version. Refuses a stale draft, an
 * archived workshop, a workshop with nothing to vote on, and a draft identical to the latest
 * version (which would only make a duplicate).
 */
export async function publishEssay(
  db: Database,
  actorId: string,
  input: { essayId: string; expectedDraftUpdatedAt: Date },
) {
  return db.transaction(async (tx) => {
    const essay = await lockEssay(tx, input.essayId);
    if (essay.status === "archived") {
      throw new ContentRuleError("CONFLICT", { key: "content.archivedNoPublish" });
    }
    assertFresh(essay, input.expectedDraftUpdatedAt);
    if (essay.draft.practices.length === 0) {
      throw new ContentRuleError("BAD_REQUEST", { key: "content.noPractices" });
    }
    const latestId = await latestVersionId(tx, essay.id);
    const latest = latestId ? await versionContent(tx, essay.id, latestId) : null;
    if (latest && isUnchanged(diffVersions(latest, draftAsVersion(essay.draft)))) {
      throw new ContentRuleError("BAD_REQUEST", {
        key: "content.unchanged",
        values: { version: latest.number },
      });
    }

    const version = await publishDraft(tx, essay.id, actorId);
    // publishDraft wrote the new practices' identities into the draft; stamping the draft with
    // the version's own time marks it "no unpublished changes" and makes older tabs stale.
    const [updated] = await tx
      .update(essays)
      .set({ draftUpdatedAt: version.publishedAt })
      .where(eq(essays.id, essay.id))
      .returning({ draft: essays.draft, draftUpdatedAt: essays.draftUpdatedAt });
    await recordAudit(tx, {
      actorId,
      action: "content.publish",
      targetType: "essay",
      targetId: essay.id,
      details: { title: essay.draft.title, version: version.number },
    });
    return {
      version: { id: version.id, number: version.number },
      draft: updated!.draft,
      draftUpdatedAt: updated!.draftUpdatedAt,
    };
  });
}

/**
 * Archived workshops start no new sessions but keep their versions and history. Unarchiving
 * returns a workshop to published if it ever was, else to draft.
 */
export async function setArchived(
  db: Database,
  actorId: string,
  input: { essayId: string; archived: boolean },
) {
  return db.transaction(async (tx) => {
    const essay = await lockEssay(tx, input.essayId);
    const status = input.archived
      ? "archived"
      : (await latestVersionId(tx, essay.id))
        ? "published"
        : "draft";
    if (status === essay.status) return { status };
    await tx.update(essays).set({ status }).where(eq(essays.id, essay.id));
    await recordAudit(tx, {
      actorId,
      action: input.archived ? "content.archive" : "content.unarchive",
      targetType: "essay",
      targetId: essay.id,
      details: { title: essay.draft.title },
    });
    return { status };
  });
}
