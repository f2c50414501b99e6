import { activeFeedOf, createFeed, revokeFeed } from "../../actions/calendar-feeds";
import { createTRPCRouter, teamMemberProcedure } from "../trpc";

/** Each member's own secret iCalendar feed of the team's due dates. */
export const calendarRouter = createTRPCRouter({
  mine: teamMemberProcedure.query(({ ctx }) => activeFeedOf(ctx.db, ctx.team.id, ctx.user.id)),

  /** A new feed URL, shown once; the caller's earlier URL stops working. */
  create: teamMemberProcedure.mutation(async ({ ctx }) => {
    const feed = await createFeed(ctx.db, ctx.team.id, ctx.user.id);
    return { url: `${ctx.publicUrl}${feed.path}` };
  }),

  revoke: teamMemberProcedure.mutation(async ({ ctx }) => ({
    revoked: await revokeFeed(ctx.db, ctx.team.id, ctx.user.id),
  })),
});
