import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { appRouter, createCaller } from "~/server/api/root";
import type { CurrentUser } from "~/server/auth/current-user";

import { createUser, testContext } from "../helpers/callers";
import { createTestDatabase, type TestDatabase } from "../helpers/database";
import { createTeamWithSession, type TeamWithSession } from "../helpers/fixtures";
import { outcome } from "../helpers/outcome";

let database: TestDatabase;
let home: TeamWithSession;
let admin: CurrentUser;
let guestCookie: string;
let versionId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  home = await createTeamWithSession(database.db, "content-access");
  admin = await createUser(database.db, "admin");
  versionId = home.session.essayVersionId;
  const context = testContext(database.db, null);
  await createCaller(context).participant.join({
    code: home.session.joinCode,
    displayName: "Guest",
    joinKey: randomUUID(),
  });
  guestCookie = context.responseHeaders.get("set-cookie")!.split(";")[0]!;
});
afterAll(() => database.destroy());

type Caller = ReturnType<typeof createCaller>;

/** One valid call of every adminContent procedure; the test below checks none is missing. */
const calls: Record<string, (caller: Caller, stamp: Date) => Promise<unknown>> = {
  list: (c) => c.adminContent.list(),
  byId: (c) => c.adminContent.byId({ essayId: home.essayId }),
  create: (c) => c.adminContent.create({ title: "Sneaky workshop" }),
  saveDraft: (c, stamp) =>
    c.adminContent.saveDraft({
      essayId: home.essayId,
      expectedDraftUpdatedAt: stamp,
      draft: { title: "Taken over", markdown: "pwned", practices: [], prompts: [] },
    }),
  publish: (c, stamp) =>
    c.adminContent.publish({ essayId: home.essayId, expectedDraftUpdatedAt: stamp }),
  archive: (c) => c.adminContent.archive({ essayId: home.essayId }),
  unarchive: (c) => c.adminContent.unarchive({ essayId: home.essayId }),
  versions: (c) => c.adminContent.versions({ essayId: home.essayId }),
  diff: (c) =>
    c.adminContent.diff({
      essayId: home.essayId,
      fromVersionId: versionId,
      toVersionId: versionId,
    }),
};

describe("every content procedure is for admins only", () => {
  it("covers every procedure of the router", () => {
    const procedures = Object.keys(appRouter._def.procedures)
      .filter((path) => path.startsWith("adminContent."))
      .map((path) => path.slice("adminContent.".length));
    expect(Object.keys(calls).sort()).toEqual(procedures.sort());
  });

  it.each([
    ["anonymous", "UNAUTHORIZED"],
    ["participant (guest with a session cookie)", "UNAUTHORIZED"],
    ["member", "FORBIDDEN"],
    ["facilitator", "FORBIDDEN"],
  ])("refuses a %s on every procedure and changes nothing", async (who, code) => {
    const user = who === "member" ? home.member : who === "facilitator" ? home.facilitator : null;
    const cookie = who.startsWith("participant") ? guestCookie : undefined;
    const caller = createCaller(testContext(database.db, user, { cookie }));
    const before = await createCaller(testContext(database.db, admin)).adminContent.byId({
      essayId: home.essayId,
    });
    const outcomes: Record<string, string> = {};
    for (const [name, call] of Object.entries(calls)) {
      outcomes[name] = await outcome(call(caller, before.draftUpdatedAt));
    }
    expect(outcomes).toEqual(Object.fromEntries(Object.keys(calls).map((name) => [name, code])));

    const adminView = createCaller(testContext(database.db, admin)).adminContent;
    expect(await adminView.byId({ essayId: home.essayId })).toEqual(before);
    expect((await adminView.list()).map((essay) => essay.title)).toEqual([before.draft.title]);
  });

  it("lets an admin make each call", async () => {
    const caller = createCaller(testContext(database.db, admin));
    const { draftUpdatedAt } = await caller.adminContent.byId({ essayId: home.essayId });
    for (const name of ["list", "byId", "versions", "diff", "create", "archive", "unarchive"]) {
      expect(await outcome(calls[name]!(caller, draftUpdatedAt))).toBe("ok");
    }
  });
});
