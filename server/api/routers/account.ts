import { teamsOfUser } from "../../teams/queries";
import { createTRPCRouter, memberProcedure } from "../trpc";

export const accountRouter = createTRPCRouter({
  me: memberProcedure.query(({ ctx }) => ctx.user),

  /** The caller's own teams only. */
  teams: memberProcedure.query(({ ctx }) => teamsOfUser(ctx.db, ctx.user.id)),
});
