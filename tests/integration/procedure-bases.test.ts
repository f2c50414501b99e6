import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { participants, sessions, teams } from "~/db/schema";
import { seedContent } from "~/db/seed";
import {
  adminProcedure,
  createCallerFactory,
  createTRPCRouter,
  facilitatorProcedure,
  memberProcedure,
  participantProcedure,
  publicProcedure,
} from "~/server/api/trpc";
import type { CurrentUser } from "~/server/auth/current-user";
import { participantCookieName, signParticipantCookie } from "~/server/sessions/participant-cookie";

import { createUser, testContext, testCookieSecret } from "../helpers/callers";
import { createTestDatabase, type TestDatabase } from "../helpers/database";
import { outcome } from "../helpers/outcome";

/** One procedure per base, so the bases themselves are checked against every kind of caller. */
const probe = createTRPCRouter({
  public: publicProcedure.query(() => "ok"),
  member: memberProcedure.query(() => "ok"),
  facilitator: facilitatorProcedure.query(() => "ok"),
  admin: adminProcedure.query(() => "ok"),
  participant: participantProcedure.query(({ ctx }) => ctx.participant.id),
});
const createProbeCaller = createCallerFactory(probe);

let database: TestDatabase;
let sessionId: string;
let otherSessionId: string;
let guestCookie: string;
let removedCookie: string;
let foreignCookie: string;
const accounts: Record<string, CurrentUser> = {};

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  await seedContent(db);
  const version = await db.query.essayVersions.findFirst();
  const [team] = await db.insert(teams).values({ slug: "core", name: "Core" }).returning();
  const settings = {
    votingMethod: "dots" as const,
    dots: 3,
    maxDotsPerPractice: 2,
    anonymousNotes: true,
  };
  const [session, other] = await db
    .insert(sessions)
    .values([
      {
        teamId: team!.id,
        essayVersionId: version!.id,
        title: "Retro",
        joinCode: "ABCDEF",
        settings,
      },
      {
        teamId: team!.id,
        essayVersionId: version!.id,
        title: "Other",
        joinCode: "GHJKMN",
        settings,
      },
    ])
    .returning();
  sessionId = session!.id;
  otherSessionId = other!.id;
  const [guest, removed, elsewhere] = await db
    .insert(participants)
    .values([
      { sessionId, displayName: "Guest" },
      { sessionId, displayName: "Removed", removedAt: new Date() },
      { sessionId: otherSessionId, displayName: "Elsewhere" },
    ])
    .returning();
  const cookie = (participantId: string) =>
    `${participantCookieName(sessionId)}=${signParticipantCookie(testCookieSecret, sessionId, participantId)}`;
  guestCookie = cookie(guest!.id);
  removedCookie = cookie(removed!.id);
  // A real cookie, but signed for another session's participant.
  foreignCookie = `${participantCookieName(sessionId)}=${signParticipantCookie(testCookieSecret, otherSessionId, elsewhere!.id)}`;
  for (const role of ["member", "facilitator", "admin"] as const) {
    accounts[role] = await createUser(db, role);
  }
});
afterAll(() => database.destroy());

function probeAs(user: CurrentUser | null, cookie?: string) {
  return createProbeCaller(testContext(database.db, user, { cookie }));
}

describe("procedure bases, for every kind of caller", () => {
  const table = {
    anonymous: {
      public: "ok",
      member: "UNAUTHORIZED",
      facilitator: "UNAUTHORIZED",
      admin: "UNAUTHORIZED",
    },
    member: { public: "ok", member: "ok", facilitator: "FORBIDDEN", admin: "FORBIDDEN" },
    facilitator: { public: "ok", member: "ok", facilitator: "ok", admin: "FORBIDDEN" },
    admin: { public: "ok", member: "ok", facilitator: "ok", admin: "ok" },
  };
  it.each(Object.entries(table))("%s", async (who, expected) => {
    const caller = probeAs(who === "anonymous" ? null : accounts[who]!);
    expect({
      public: await outcome(caller.public()),
      member: await outcome(caller.member()),
      facilitator: await outcome(caller.facilitator()),
      admin: await outcome(caller.admin()),
    }).toEqual(expected);
  });
});

describe("participant base", () => {
  it("lets in the participant whose signed cookie matches the session", async () => {
    expect(await outcome(probeAs(null, guestCookie).participant({ sessionId }))).toBe("ok");
  });

  it.each([
    ["no cookie", undefined, "UNAUTHORIZED"],
    ["a forged cookie", "practica_p_x=1.2", "UNAUTHORIZED"],
    ["another session's participant", "foreign", "UNAUTHORIZED"],
    ["a removed participant", "removed", "FORBIDDEN"],
  ])("refuses %s", async (_, cookie, code) => {
    const value =
      cookie === "foreign" ? foreignCookie : cookie === "removed" ? removedCookie : cookie;
    expect(await outcome(probeAs(null, value).participant({ sessionId }))).toBe(code);
  });

  it("does not carry a participant into another session", async () => {
    const call = probeAs(accounts.admin!, guestCookie).participant({ sessionId: otherSessionId });
    expect(await outcome(call)).toBe("UNAUTHORIZED");
  });

  it("rejects a malformed session id as bad input", async () => {
    expect(await outcome(probeAs(null, guestCookie).participant({ sessionId: "nope" }))).toBe(
      "BAD_REQUEST",
    );
  });
});

describe("account procedures", () => {
  it("show the caller only themselves and their own teams", async () => {
    const { createCaller } = await import("~/server/api/root");
    const caller = createCaller(testContext(database.db, accounts.member!));
    expect(await caller.account.me()).toEqual(accounts.member);
    expect(await caller.team.list()).toEqual([]);
  });
});
