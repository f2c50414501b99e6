import { dayOf } from "../../actions/follow-through";
import { localizedTRPCError } from "../../i18n/localized-error";
import { sessionSummary } from "../../summary/queries";
import { createTRPCRouter, sessionMemberProcedure } from "../trpc";

/** A session's record: what it decided, for the summary page and its exports. */
export const summaryRouter = createTRPCRouter({
  byId: sessionMemberProcedure.query(async ({ ctx }) => {
    const summary = await sessionSummary(ctx.db, ctx.session.id);
    // The base found the session a moment ago; gone now means deleted in between.
    if (!summary) {
      throw localizedTRPCError("NOT_FOUND", { key: "access.noSuchSession" });
    }
    // The server's calendar day decides which actions are overdue, as on the board.
    return { ...summary, today: dayOf(new Date()) };
  }),
});
