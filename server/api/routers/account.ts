import { createTRPCRouter, memberProcedure } from "../trpc";

export const accountRouter = createTRPCRouter({
  me: memberProcedure.query(({ ctx }) => ctx.user),
});
