import { sessionStages, type SessionStage } from "~/db/schema/stage-list";

/** The stages of a live session, in the order a facilitator walks through them (the enum's order). */
export const stageOrder: readonly SessionStage[] = sessionStages;

export interface StageContext {
  stage: SessionStage;
  ended: boolean;
  /** The review stage only exists when the team has open actions from earlier sessions. */
  hasReview: boolean;
}

export type StageCommand =
  { type: "advance" } | { type: "back" } | { type: "goto"; stage: SessionStage };

export type StageResult = { ok: true; stage: SessionStage } | { ok: false; reason: string };

function stagesOf(context: StageContext) {
  // The current stage always counts: closing the last open action during review must not strand
  // the session outside the list.
  return stageOrder.filter(
    (stage) => stage !== "review" || context.hasReview || context.stage === "review",
  );
}

/**
 * Every rule of moving between stages, in one pure function: forward and back one step at a
 * time, or straight to any stage of this session (reopening an earlier one); never once ended.
 */
export function moveStage(context: StageContext, command: StageCommand): StageResult {
  if (context.ended) return { ok: false, reason: "This session has ended." };
  const stages = stagesOf(context);
  const index = stages.indexOf(context.stage);
  switch (command.type) {
    case "advance": {
      const next = stages[index + 1];
      return next
        ? { ok: true, stage: next }
        : { ok: false, reason: "Wrap-up is the last stage. End the session to finish." };
    }
    case "back": {
      const previous = index > 0 ? stages[index - 1] : undefined;
      return previous
        ? { ok: true, stage: previous }
        : { ok: false, reason: "The lobby is the first stage." };
    }
    case "goto": {
      if (!stages.includes(command.stage)) {
        return { ok: false, reason: "This team has no open actions to review." };
      }
      if (command.stage === context.stage)
        return { ok: false, reason: "The session is already at this stage." };
      return { ok: true, stage: command.stage };
    }
  }
}
