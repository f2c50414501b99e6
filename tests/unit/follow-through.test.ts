import { describe, expect, it } from "vitest";

import {
  followThrough,
  followThroughKind,
  isOverdue,
  type FollowThroughAction,
} from "~/server/actions/follow-through";

const today = "2026-11-25";
const action = (overrides: Partial<FollowThroughAction>): FollowThroughAction => ({
  status: "todo",
  dueOn: null,
  completedAt: null,
  ...overrides,
});

describe("follow-through of actions", () => {
  it("counts done on or before the due day as on time, and after it as late", () => {
    expect(
      followThroughKind(
        action({
          status: "done",
          dueOn: "2026-11-20",
          completedAt: new Date("2026-11-20T23:30:00Z"),
        }),
        today,
      ),
    ).toBe("doneOnTime");
    expect(
      followThroughKind(
        action({
          status: "done",
          dueOn: "2026-11-20",
          completedAt: new Date("2026-11-21T00:00:01Z"),
        }),
        today,
      ),
    ).toBe("doneLate");
  });

  it("counts done without a due date as on time: nothing was promised", () => {
    expect(
      followThroughKind(action({ status: "done", completedAt: new Date("2026-01-01") }), today),
    ).toBe("doneOnTime");
  });

  it("calls an open action overdue from the day after its due date, not on the day", () => {
    expect(isOverdue(action({ dueOn: "2026-11-24" }), today)).toBe(true);
    expect(isOverdue(action({ dueOn: today }), today)).toBe(false);
    expect(isOverdue(action({ status: "doing", dueOn: "2026-11-01" }), today)).toBe(true);
    expect(isOverdue(action({ dueOn: null }), today)).toBe(false);
  });

  it("never calls a done or dropped action overdue", () => {
    expect(isOverdue(action({ status: "done", dueOn: "2026-01-01" }), today)).toBe(false);
    expect(isOverdue(action({ status: "dropped", dueOn: "2026-01-01" }), today)).toBe(false);
  });

  it("leaves proposals that never reached the board out of every bucket", () => {
    expect(
      followThroughKind(action({ status: "proposed", dueOn: "2026-01-01" }), today),
    ).toBeNull();
  });

  it("counts each action in exactly one bucket", () => {
    const actions = [
      action({
        status: "done",
        dueOn: "2026-11-10",
        completedAt: new Date("2026-11-09T10:00:00Z"),
      }),
      action({
        status: "done",
        dueOn: "2026-11-10",
        completedAt: new Date("2026-11-12T10:00:00Z"),
      }),
      action({ status: "todo", dueOn: "2026-12-01" }),
      action({ status: "doing" }),
      action({ status: "todo", dueOn: "2026-11-01" }),
      action({ status: "dropped", dueOn: "2026-11-01" }),
      action({ status: "proposed" }),
    ];
    expect(followThrough(actions, today)).toEqual({
      doneOnTime: 1,
      doneLate: 1,
      open: 2,
      overdue: 1,
      dropped: 1,
    });
  });
});
