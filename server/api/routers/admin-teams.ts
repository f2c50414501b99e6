import { createTRPCRouter } from "../trpc";

export const adminTeamsRouter = createTRPCRouter({});
