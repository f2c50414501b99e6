import { randomUUID } from "node:crypto";

import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";

import { createCaller } from "~/server/api/root";
import { loadRoomSnapshot } from "~/server/sessions/snapshot";

import { actionRow, historyKinds, keptAction, sessionInActionsStage } from "../helpers/actions";
import { createUser, testContext } from "../helpers/callers";
import { as, bus, database, home, practices, setUpVotingWorld } from "../helpers/voting";

/** Joins as the home team's member, signed in: the participant is linked to their account. */
async function joinAsMember(code: string) {
  const context = testContext(database.db, home.member, { bus });
  await createCaller(context).participant.join({
    code,
    displayName: "ignored",
    joinKey: randomUUID(),
  });
  const cookie = context.responseHeaders.get("set-cookie")!.split(";")[0]!;
  return { caller: createCaller(testContext(database.db, null, { cookie, bus })) };
}

setUpVotingWorld();

async function refused(call: Promise<unknown>) {
  const error = await call.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(TRPCError);
  return error as TRPCError;
}

describe("action history records every change", () => {
  it("records a phone's proposal under the guest's name, and the room sees it", async () => {
    const live = await sessionInActionsStage();
    const { id } = await live.guests[0]!.caller.action.propose({
      sessionId: live.sessionId,
      practiceId: live.adopted[0],
      title: "Add a review checklist",
    });
    const history = await as(home.member).board.history({ actionId: id });
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({
      kind: "proposed",
      actor: "Guest 1",
      changes: { title: [null, "Add a review checklist"] },
    });
    const room = await loadRoomSnapshot(database.db, live.sessionId);
    expect(room.snapshot.actions.map((a) => a.title)).toEqual(["Add a review checklist"]);
    expect(room.snapshot.actions[0]).toMatchObject({ status: "proposed", proposedBy: "Guest 1" });
  });

  it("records the facilitator's edits field by field, and nothing for an edit that changes nothing", async () => {
    const live = await sessionInActionsStage();
    const { id } = await live.guests[0]!.caller.action.propose({
      sessionId: live.sessionId,
      practiceId: live.adopted[0],
      title: "Write runbooks",
    });
    const facilitator = as(home.facilitator);
    await facilitator.action.update({
      sessionId: live.sessionId,
      actionId: id,
      patch: { title: "Write runbooks for the top 3 alerts", ownerId: home.member.id },
    });
    const unchanged = await facilitator.action.update({
      sessionId: live.sessionId,
      actionId: id,
      patch: { ownerId: home.member.id },
    });
    expect(unchanged).toEqual({ changed: false });
    await facilitator.action.update({
      sessionId: live.sessionId,
      actionId: id,
      patch: { status: "todo", dueOn: "2026-12-15", practiceId: live.adopted[1] },
    });
    const history = await as(home.member).board.history({ actionId: id });
    expect(history.map((event) => event.kind)).toEqual(["proposed", "edited", "kept"]);
    expect(history[1]!.changes).toEqual({
      title: ["Write runbooks", "Write runbooks for the top 3 alerts"],
      ownerId: [null, home.member.id],
    });
    expect(history[2]!.changes).toEqual({
      status: ["proposed", "todo"],
      dueOn: [null, "2026-12-15"],
      practiceId: [live.adopted[0], live.adopted[1]],
    });
    expect(history[2]!.actor).toBe(home.facilitator.name);
  });

  it("records a merge on both actions and hides the duplicate from the room", async () => {
    const live = await sessionInActionsStage();
    const propose = (title: string, guest: number) =>
      live.guests[guest]!.caller.action.propose({
        sessionId: live.sessionId,
        practiceId: live.adopted[0],
        title,
      });
    const kept = await propose("Pair on code reviews", 0);
    const duplicate = await propose("Do code reviews in pairs", 1);
    await as(home.facilitator).action.merge({
      sessionId: live.sessionId,
      duplicateId: duplicate.id,
      intoId: kept.id,
    });
    expect(await historyKinds(duplicate.id)).toEqual(["proposed", "merged"]);
    expect(await historyKinds(kept.id)).toEqual(["proposed", "merged-in"]);
    expect(await actionRow(duplicate.id)).toMatchObject({
      status: "dropped",
      mergedIntoId: kept.id,
    });
    const room = await loadRoomSnapshot(database.db, live.sessionId);
    expect(room.snapshot.actions.map((a) => a.id)).toEqual([kept.id]);
  });

  it("records board moves and edits, with completion time set on done and cleared when reopened", async () => {
    const live = await sessionInActionsStage();
    const id = await keptAction(live, "Automate the release checklist");
    const owner = as(home.member);
    await owner.board.move({ actionId: id, status: "doing" });
    await owner.board.move({ actionId: id, status: "done" });
    expect((await actionRow(id)).completedAt).toBeInstanceOf(Date);
    await owner.board.move({ actionId: id, status: "doing" });
    expect((await actionRow(id)).completedAt).toBeNull();
    await owner.board.edit({
      actionId: id,
      title: "Automate the release checklist fully",
      dueOn: null,
    });
    const history = await owner.board.history({ actionId: id });
    expect(history.map((event) => event.kind)).toEqual([
      "proposed",
      "kept",
      "moved",
      "moved",
      "moved",
      "edited",
    ]);
    expect(history.slice(2, 5).map((event) => event.changes.status)).toEqual([
      ["todo", "doing"],
      ["doing", "done"],
      ["done", "doing"],
    ]);
    expect(history[5]!.changes).toEqual({
      title: ["Automate the release checklist", "Automate the release checklist fully"],
      dueOn: ["2026-12-01", null],
    });
    expect(history[5]!.actor).toBe(home.member.name);
  });

  it("records a review decision, and a changed mind, in the action's history and on the board", async () => {
    const earlier = await sessionInActionsStage();
    const id = await keptAction(earlier, "Measure flaky tests");
    await as(home.facilitator).session.end({ sessionId: earlier.sessionId });

    const next = await sessionInActionsStage(0);
    await as(home.facilitator).session.stage({
      sessionId: next.sessionId,
      command: { type: "goto", stage: "review" },
    });
    const room = await loadRoomSnapshot(database.db, next.sessionId);
    expect(room.snapshot.review.map((item) => item.id)).toContain(id);

    const facilitator = as(home.facilitator);
    await facilitator.action.review({ sessionId: next.sessionId, actionId: id, outcome: "done" });
    expect(await actionRow(id)).toMatchObject({ status: "done" });
    await facilitator.action.review({
      sessionId: next.sessionId,
      actionId: id,
      outcome: "carried",
    });
    expect(await actionRow(id)).toMatchObject({ status: "todo", completedAt: null });

    const history = await as(home.member).board.history({ actionId: id });
    expect(history.slice(-2).map((event) => event.changes)).toEqual([
      { review: [null, "done"], status: ["todo", "done"] },
      { review: ["done", "carried"], status: ["done", "todo"] },
    ]);
    const after = await loadRoomSnapshot(database.db, next.sessionId);
    expect(after.snapshot.review.find((item) => item.id === id)?.outcome).toBe("carried");
  });
});

describe("a member marks their own action from the phone during review", () => {
  it("lets the owner who joined signed in mark it, under their name, and refuses others' actions", async () => {
    const earlier = await sessionInActionsStage();
    const mine = await keptAction(earlier, "Mine to report on", home.member.id);
    const theirs = await keptAction(earlier, "Someone else's", home.facilitator.id);
    await as(home.facilitator).session.end({ sessionId: earlier.sessionId });
    const next = await sessionInActionsStage(0);
    await as(home.facilitator).session.stage({
      sessionId: next.sessionId,
      command: { type: "goto", stage: "review" },
    });
    const phone = await joinAsMember(next.session.joinCode);
    await phone.caller.action.reviewOwn({
      sessionId: next.sessionId,
      actionId: mine,
      outcome: "done",
    });
    expect(await actionRow(mine)).toMatchObject({ status: "done" });
    const history = await as(home.member).board.history({ actionId: mine });
    expect(history.at(-1)).toMatchObject({ kind: "reviewed", actor: home.member.name });

    const before = { row: await actionRow(theirs), kinds: await historyKinds(theirs) };
    const error = await refused(
      phone.caller.action.reviewOwn({
        sessionId: next.sessionId,
        actionId: theirs,
        outcome: "dropped",
      }),
    );
    expect(error.message).toMatch(/only your own/);
    expect({ row: await actionRow(theirs), kinds: await historyKinds(theirs) }).toEqual(before);
  });
});

describe("refused changes leave the action and its history alone", () => {
  it("refuses an owner from outside the team", async () => {
    const live = await sessionInActionsStage();
    const id = await keptAction(live, "Share on-call notes");
    const stranger = await createUser(database.db, "member", "stranger");
    const before = { row: await actionRow(id), kinds: await historyKinds(id) };
    const error = await refused(
      as(home.facilitator).board.edit({ actionId: id, ownerId: stranger.id }),
    );
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toMatch(/member of this team/);
    expect({ row: await actionRow(id), kinds: await historyKinds(id) }).toEqual(before);
  });

  it("refuses proposals under a practice the session didn't adopt, and outside the actions stage", async () => {
    const live = await sessionInActionsStage();
    const notAdopted = practices[3]!;
    const error = await refused(
      live.guests[0]!.caller.action.propose({
        sessionId: live.sessionId,
        practiceId: notAdopted,
        title: "Something",
      }),
    );
    expect(error.message).toMatch(/adopted/);
    await as(home.facilitator).session.stage({
      sessionId: live.sessionId,
      command: { type: "goto", stage: "vote" },
    });
    const late = await refused(
      live.guests[0]!.caller.action.propose({
        sessionId: live.sessionId,
        practiceId: live.adopted[0],
        title: "Something else",
      }),
    );
    expect(late.code).toBe("CONFLICT");
    const room = await loadRoomSnapshot(database.db, live.sessionId);
    expect(room.snapshot.actions).toEqual([]);
  });

  it("keeps proposals the session declined off the board, and out of reach of board moves", async () => {
    const live = await sessionInActionsStage();
    const { id } = await live.guests[0]!.caller.action.propose({
      sessionId: live.sessionId,
      practiceId: live.adopted[0],
      title: "An idea the room declined",
    });
    await as(home.facilitator).action.update({
      sessionId: live.sessionId,
      actionId: id,
      patch: { status: "dropped" },
    });
    const board = await as(home.facilitator).board.list({ teamId: home.team.id });
    expect(board.actions.map((action) => action.id)).not.toContain(id);
    const before = { row: await actionRow(id), kinds: await historyKinds(id) };
    const error = await refused(as(home.facilitator).board.move({ actionId: id, status: "todo" }));
    expect(error.code).toBe("NOT_FOUND");
    expect({ row: await actionRow(id), kinds: await historyKinds(id) }).toEqual(before);
  });

  it("refuses titles too short or too long and impossible due dates with a sentence", async () => {
    const live = await sessionInActionsStage();
    const id = await keptAction(live, "Keep a decision log");
    const owner = as(home.member);
    const before = { row: await actionRow(id), kinds: await historyKinds(id) };
    for (const edit of [
      { title: "ab" },
      { title: "x".repeat(201) },
      { dueOn: "2026-02-30" },
      { dueOn: "tomorrow" },
    ]) {
      const error = await refused(owner.board.edit({ actionId: id, ...edit }));
      expect(error.code).toBe("BAD_REQUEST");
      expect(error.message.length).toBeGreaterThan(10);
    }
    expect({ row: await actionRow(id), kinds: await historyKinds(id) }).toEqual(before);
  });
});
