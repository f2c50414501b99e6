import type { SessionStage } from "~/db/schema";

import type { CommonTranslator } from "./translator";

export { stageOrder } from "~/server/sessions/stages";

/** The message key of each stage's name (`common.stages.<stage>.name`). */
export const stageNameKeys = {
  lobby: "stages.lobby.name",
  review: "stages.review.name",
  read: "stages.read.name",
  discuss: "stages.discuss.name",
  vote: "stages.vote.name",
  results: "stages.results.name",
  actions: "stages.actions.name",
  wrapup: "stages.wrapup.name",
} as const satisfies Record<SessionStage, string>;

/** The stage name people see, on every screen of a live session: `stageName(t, "wrapup")`. */
export function stageName(t: CommonTranslator, stage: SessionStage) {
  return t(stageNameKeys[stage]);
}
