import type { SessionStage } from "~/db/schema";

export { stageOrder } from "~/server/sessions/stages";

/** The stage names people see, on every screen of a live session. */
export const stageLabels: Record<SessionStage, string> = {
  lobby: "Lobby",
  review: "Review",
  read: "Read",
  discuss: "Discuss",
  vote: "Vote",
  results: "Results",
  actions: "Actions",
  wrapup: "Wrap-up",
};
