import "server-only";

import { accountRouter } from "./routers/account";
import { actionRouter } from "./routers/action";
import { adminAuditRouter } from "./routers/admin-audit";
import { adminContentRouter } from "./routers/admin-content";
import { adminTeamsRouter } from "./routers/admin-teams";
import { adminUsersRouter } from "./routers/admin-users";
import { boardRouter } from "./routers/board";
import { calendarRouter } from "./routers/calendar";
import { contentRouter } from "./routers/content";
import { dashboardRouter } from "./routers/dashboard";
import { joinRouter } from "./routers/join";
import { participantRouter } from "./routers/participant";
import { sessionRouter } from "./routers/session";
import { setupRouter } from "./routers/setup";
import { summaryRouter } from "./routers/summary";
import { teamRouter } from "./routers/team";
import { votingRouter } from "./routers/voting";
import { createCallerFactory, createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  account: accountRouter,
  action: actionRouter,
  adminAudit: adminAuditRouter,
  adminContent: adminContentRouter,
  adminTeams: adminTeamsRouter,
  adminUsers: adminUsersRouter,
  board: boardRouter,
  calendar: calendarRouter,
  content: contentRouter,
  dashboard: dashboardRouter,
  join: joinRouter,
  participant: participantRouter,
  session: sessionRouter,
  setup: setupRouter,
  summary: summaryRouter,
  team: teamRouter,
  voting: votingRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
