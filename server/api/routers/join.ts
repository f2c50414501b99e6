import { z } from "zod";

import { normalizeJoinCode } from "../../sessions/join-code";
import { lookUpJoinCode } from "../../sessions/queries";
import { createTRPCRouter, publicProcedure } from "../trpc";

export const joinRouter = createTRPCRouter({
  /** Where a typed join code leads: a live session, an ended one, or nowhere. */
  lookUp: publicProcedure
    .input(z.object({ code: z.string().max(20, "A join code has 6 characters, like ABC-DEF.") }))
    .query(async ({ ctx, input }) => {
      const code = normalizeJoinCode(input.code);
      if (!code) return { status: "malformed" as const };
      return lookUpJoinCode(ctx.db, code);
    }),
});
