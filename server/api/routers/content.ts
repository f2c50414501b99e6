import { z } from "zod";

import { latestPublishedVersion, listPublishedEssays } from "../../content/queries";
import { localizedTRPCError } from "../../i18n/localized-error";
import { textInput } from "../../text-input";
import { createTRPCRouter, publicProcedure } from "../trpc";

export const contentRouter = createTRPCRouter({
  /** The published workshops. The library is shared content, not team data. */
  list: publicProcedure.query(({ ctx }) => listPublishedEssays(ctx.db)),

  bySlug: publicProcedure
    .input(
      z.object({
        slug: textInput()
          .trim()
          .min(1, "Name a workshop.")
          .max(120, "That is not a workshop address."),
      }),
    )
    .query(async ({ ctx, input }) => {
      const version = await latestPublishedVersion(ctx.db, input.slug);
      if (!version) {
        throw localizedTRPCError("NOT_FOUND", { key: "content.noPublishedWorkshop" });
      }
      return version;
    }),
});
