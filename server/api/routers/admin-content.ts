import { z } from "zod";

import {
  ContentRuleError,
  createEssay,
  publishEssay,
  saveDraft,
  setArchived,
} from "../../content/admin-commands";
import {
  essayForEditing,
  listEssaysForAdmin,
  versionContent,
  versionHistory,
} from "../../content/admin-queries";
import { diffVersions } from "../../content/diff";
import { essayDraftInput, newEssayInput } from "../../content/draft-input";
import { localizedTRPCError, trpcErrorOf } from "../../i18n/localized-error";
import type { ServerText } from "../../i18n/server-text";
import { adminProcedure, createTRPCRouter } from "../trpc";

const essayIdInput = z.uuid("That is not a workshop id.");
const versionIdInput = z.uuid("That is not a version id.");
const draftStampInput = z.date("Reload the editor: the draft's timestamp is missing.");

/** Content rules as tRPC errors carrying their own sentence. */
async function asContentError<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ContentRuleError) throw trpcErrorOf(error.code, error);
    throw error;
  }
}

function found<T>(value: T | null, text: ServerText = { key: "content.noSuchWorkshop" }): T {
  if (value === null) throw localizedTRPCError("NOT_FOUND", text);
  return value;
}

/** The content library and editor. Admins only; every change lands in the audit log. */
export const adminContentRouter = createTRPCRouter({
  list: adminProcedure.query(({ ctx }) => listEssaysForAdmin(ctx.db)),

  byId: adminProcedure
    .input(z.object({ essayId: essayIdInput }))
    .query(async ({ ctx, input }) => found(await essayForEditing(ctx.db, input.essayId))),

  create: adminProcedure
    .input(newEssayInput)
    .mutation(({ ctx, input }) => createEssay(ctx.db, ctx.user.id, input.title)),

  saveDraft: adminProcedure
    .input(
      z.object({
        essayId: essayIdInput,
        expectedDraftUpdatedAt: draftStampInput,
        draft: essayDraftInput,
      }),
    )
    .mutation(({ ctx, input }) => asContentError(() => saveDraft(ctx.db, ctx.user.id, input))),

  publish: adminProcedure
    .input(z.object({ essayId: essayIdInput, expectedDraftUpdatedAt: draftStampInput }))
    .mutation(({ ctx, input }) => asContentError(() => publishEssay(ctx.db, ctx.user.id, input))),

  archive: adminProcedure
    .input(z.object({ essayId: essayIdInput }))
    .mutation(({ ctx, input }) =>
      asContentError(() =>
        setArchived(ctx.db, ctx.user.id, { essayId: input.essayId, archived: true }),
      ),
    ),

  unarchive: adminProcedure
    .input(z.object({ essayId: essayIdInput }))
    .mutation(({ ctx, input }) =>
      asContentError(() =>
        setArchived(ctx.db, ctx.user.id, { essayId: input.essayId, archived: false }),
      ),
    ),

  versions: adminProcedure
    .input(z.object({ essayId: essayIdInput }))
    .query(async ({ ctx, input }) => found(await versionHistory(ctx.db, input.essayId))),

  /** What changed from one version of a workshop to another (either order). */
  diff: adminProcedure
    .input(
      z.object({
        essayId: essayIdInput,
        fromVersionId: versionIdInput,
        toVersionId: versionIdInput,
      }),
    )
    .query(async ({ ctx, input }) => {
      const [from, to] = await Promise.all([
        versionContent(ctx.db, input.essayId, input.fromVersionId),
        versionContent(ctx.db, input.essayId, input.toVersionId),
      ]);
      const missing: ServerText = { key: "content.versionNotInWorkshop" };
      const before = found(from, missing);
      const after = found(to, missing);
      return { from: before.number, to: after.number, ...diffVersions(before, after) };
    }),
});
