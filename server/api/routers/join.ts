import { z } from "zod";

import { sessionByGuardedCode } from "../../sessions/code-guard";
import { textInput } from "../../text-input";
import { createTRPCRouter, publicProcedure } from "../trpc";

export const joinRouter = createTRPCRouter({
  /**
   * Where a typed join code leads: a live session, an ended one, or nowhere. A client guessing
   * codes is answered "rate_limited" (as data: the join page renders it) for every code.
   */
  lookUp: publicProcedure
    .input(z.object({ code: textInput().max(20, "A join code has 6 characters, like ABC-DEF.") }))
    .query(async ({ ctx, input }) => {
      const found = await sessionByGuardedCode(ctx.db, ctx.headers, input.code);
      if (found.status !== "live") return found;
      return { status: "live" as const, sessionId: found.session.id, title: found.session.title };
    }),
});
