import { createTRPCRouter } from "../trpc";

export const adminContentRouter = createTRPCRouter({});
