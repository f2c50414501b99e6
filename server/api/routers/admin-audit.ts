import { createTRPCRouter } from "../trpc";

export const adminAuditRouter = createTRPCRouter({});
