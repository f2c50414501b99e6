import { dayOf } from "../../actions/follow-through";
import { teamDashboard } from "../../dashboard/queries";
import { createTRPCRouter, teamMemberProcedure } from "../trpc";

/** The team dashboard: how the team's sessions, adoptions and actions went over time. */
export const dashboardRouter = createTRPCRouter({
  team: teamMemberProcedure.query(async ({ ctx }) => {
    // The server's calendar day decides what is overdue, as on the board.
    const today = dayOf(new Date());
    return { today, ...(await teamDashboard(ctx.db, ctx.team.id, today)) };
  }),
});
