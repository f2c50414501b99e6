import { describe, expect, it } from "vitest";

import type { SessionStage } from "~/db/schema";
import { moveStage, stageOrder, type StageContext } from "~/server/sessions/stages";

const at = (stage: SessionStage, extra: Partial<StageContext> = {}): StageContext => ({
  stage,
  ended: false,
  hasReview: true,
  ...extra,
});

describe("stage transitions", () => {
  it("advances through every stage in order, then stops at wrap-up", () => {
    let stage: SessionStage = "lobby";
    const visited: SessionStage[] = [stage];
    for (;;) {
      const result = moveStage(at(stage), { type: "advance" });
      if (!result.ok) {
        expect(result.reason).toMatch(/last stage/);
        break;
      }
      stage = result.stage;
      visited.push(stage);
    }
    expect(visited).toEqual(stageOrder);
  });

  it("skips review when the team has nothing to review, both ways", () => {
    expect(moveStage(at("lobby", { hasReview: false }), { type: "advance" })).toEqual({
      ok: true,
      stage: "read",
    });
    expect(moveStage(at("read", { hasReview: false }), { type: "back" })).toEqual({
      ok: true,
      stage: "lobby",
    });
    expect(
      moveStage(at("lobby", { hasReview: false }), { type: "goto", stage: "review" }),
    ).toMatchObject({ ok: false });
  });

  it("goes back one stage, but not before the lobby", () => {
    expect(moveStage(at("vote"), { type: "back" })).toEqual({ ok: true, stage: "discuss" });
    expect(moveStage(at("lobby"), { type: "back" })).toEqual({
      ok: false,
      reason: "The lobby is the first stage.",
    });
  });

  it("reopens any earlier stage or jumps ahead directly", () => {
    expect(moveStage(at("actions"), { type: "goto", stage: "discuss" })).toEqual({
      ok: true,
      stage: "discuss",
    });
    expect(moveStage(at("lobby"), { type: "goto", stage: "vote" })).toEqual({
      ok: true,
      stage: "vote",
    });
    expect(moveStage(at("vote"), { type: "goto", stage: "vote" })).toMatchObject({ ok: false });
  });

  it("refuses every move once the session has ended", () => {
    for (const command of [
      { type: "advance" },
      { type: "back" },
      { type: "goto", stage: "read" },
    ] as const) {
      expect(moveStage(at("discuss", { ended: true }), command)).toEqual({
        ok: false,
        reason: "This session has ended.",
      });
    }
  });
});

describe("leaving the review stage", () => {
  it("moves on to read even after the last open action was closed during review", () => {
    const reviewedAll = at("review", { hasReview: false });
    expect(moveStage(reviewedAll, { type: "advance" })).toEqual({ ok: true, stage: "read" });
    expect(moveStage(reviewedAll, { type: "back" })).toEqual({ ok: true, stage: "lobby" });
  });
});
