import { z } from "zod";

import { checkCodeGuessing, countUnknownCode } from "../../sessions/code-guard";
import { normalizeJoinCode } from "../../sessions/join-code";
import { lookUpJoinCode } from "../../sessions/queries";
import { createTRPCRouter, publicProcedure } from "../trpc";

export const joinRouter = createTRPCRouter({
  /** Where a typed join code leads: a live session, an ended one, or nowhere. */
  lookUp: publicProcedure
    .input(z.object({ code: z.string().max(20, "A join code has 6 characters, like ABC-DEF.") }))
    .query(async ({ ctx, input }) => {
      const guessing = await checkCodeGuessing(ctx.db, ctx.headers);
      if (!guessing.allowed) {
        return { status: "rate_limited" as const, retryAfterSeconds: guessing.retryAfterSeconds };
      }
      const code = normalizeJoinCode(input.code);
      if (!code) return { status: "malformed" as const };
      const result = await lookUpJoinCode(ctx.db, code);
      if (result.status === "unknown") {
        const counted = await countUnknownCode(ctx.db, ctx.headers);
        if (!counted.allowed) {
          return { status: "rate_limited" as const, retryAfterSeconds: counted.retryAfterSeconds };
        }
      }
      return result;
    }),
});
