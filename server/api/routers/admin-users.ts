import { createTRPCRouter } from "../trpc";

export const adminUsersRouter = createTRPCRouter({});
