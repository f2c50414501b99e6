import "server-only";

import { accountRouter } from "./routers/account";
import { contentRouter } from "./routers/content";
import { joinRouter } from "./routers/join";
import { setupRouter } from "./routers/setup";
import { createCallerFactory, createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  account: accountRouter,
  content: contentRouter,
  join: joinRouter,
  setup: setupRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
