import { randomUUID } from "node:crypto";

import type { AnyTRPCProcedure } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Database } from "~/db";
import { appRouter, createCaller } from "~/server/api/root";
import type { CurrentUser } from "~/server/auth/current-user";
import { createInProcessBus } from "~/server/realtime/in-process-bus";

import {
  changedTables,
  fingerprint,
  mentions,
  outcomeOf,
  publicTables,
  rolledBack,
  type Fingerprint,
  type Outcome,
} from "../helpers/access-probe";
import { buildAccessWorld, type AccessWorld } from "../helpers/access-world";
import { testContext } from "../helpers/callers";
import { createTestDatabase, type TestDatabase } from "../helpers/database";

/**
 * The access matrix: every procedure of the app router, called by every kind of caller on real
 * data, against one table of who may call what. The procedures are listed by walking the router,
 * so a new procedure without a row here fails, and so does a row whose procedure is gone.
 *
 * A caller the rule lets in must get the procedure's real answer ("ok", or a domain refusal noted
 * in the row); a caller it keeps out must be refused with UNAUTHORIZED (not signed in / not
 * joined), FORBIDDEN (wrong role) or NOT_FOUND (another team's things are hidden, not hinted at),
 * and no answer but "ok" may change a single row of any table. Each call runs in a transaction
 * that is rolled back, so that deleting, ending or deactivating spoils nothing for the next one.
 */

const callers = {
  anonymous: "anonymous",
  guest: "guest participant of this session",
  otherParticipant: "participant of another session",
  outsider: "signed-in account of no team",
  member: "member of this team",
  owner: "member of this team who owns the action and joined from a phone",
  otherMember: "member of another team",
  facilitator: "facilitator of this team",
  otherFacilitator: "facilitator of another team",
  admin: "admin",
} as const;
type Who = keyof typeof callers;
const everyone = Object.keys(callers) as Who[];

const signedOut = new Set<Who>(["anonymous", "guest", "otherParticipant"]);
const otherTeams = new Set<Who>(["outsider", "otherMember", "otherFacilitator"]);

/** Members of this team (any role) and admins; other teams' people are told it isn't there. */
const teamMember = (who: Who): Outcome =>
  signedOut.has(who) ? "UNAUTHORIZED" : otherTeams.has(who) ? "NOT_FOUND" : "ok";

/** The rules of who may call what, each as the answer every kind of caller gets at the door. */
const rules = {
  anyone: () => "ok",
  /** The signed participant cookie of this session (a guest, or a member who joined). */
  participantOfSession: (who) => (who === "guest" || who === "owner" ? "ok" : "UNAUTHORIZED"),
  signedIn: (who) => (signedOut.has(who) ? "UNAUTHORIZED" : "ok"),
  anyFacilitator: (who) =>
    signedOut.has(who)
      ? "UNAUTHORIZED"
      : ["facilitator", "otherFacilitator", "admin"].includes(who)
        ? "ok"
        : "FORBIDDEN",
  admin: (who) => (signedOut.has(who) ? "UNAUTHORIZED" : who === "admin" ? "ok" : "FORBIDDEN"),
  teamMember,
  /** This team's facilitators and admins. */
  teamFacilitator: (who) => (who === "member" || who === "owner" ? "FORBIDDEN" : teamMember(who)),
  /** The action's owner, this team's facilitators and admins. */
  actionEditor: (who) => (who === "member" ? "FORBIDDEN" : teamMember(who)),
  /** Setup creates the first admin of a fresh install; the world is set up, so it is closed. */
  nobodyOnceSetUp: () => "FORBIDDEN",
} satisfies Record<string, (who: Who) => Outcome>;
type Rule = keyof typeof rules;

type Caller = ReturnType<typeof createCaller>;
type Arranged = Record<string, string>;

interface Row {
  kind: "query" | "mutation" | "subscription";
  rule: Rule;
  /** Puts the live session where the call makes sense, as this team's facilitator (rolled back). */
  arrange?: (kit: { facilitator: Caller; writer: Caller }) => Promise<Arranged>;
  call: (caller: Caller, arranged: Arranged) => Promise<unknown>;
  /** Callers the rule lets in whom the domain then refuses, and why that is right. */
  domain?: Partial<Record<Who, { code: Outcome; why: string }>>;
}

let database: TestDatabase;
let w: AccessWorld;
let tables: string[];
/** Every table as the world left it, which each rolled-back attempt restores. */
let untouched: Fingerprint;
const bus = createInProcessBus();

beforeAll(async () => {
  database = await createTestDatabase();
  w = await buildAccessWorld(database.db, { bus });
  tables = await publicTables(database.db);
  untouched = await fingerprint(database.db, tables);
}, 120_000);
afterAll(() => database.destroy());

/* Arrangements of the live session, through the facilitator's own procedures. */
const liveId = () => w.home.liveSession.id;
const goto = (f: Caller, stage: "read" | "discuss" | "vote" | "results" | "actions" | "review") =>
  f.session.stage({ sessionId: liveId(), command: { type: "goto", stage } });
const toActions = async (f: Caller) => {
  await goto(f, "results");
  await f.voting.adopt({ sessionId: liveId(), practiceId: w.practices[0]!, adopted: true });
  await goto(f, "actions");
};
const openRound = async ({ facilitator }: { facilitator: Caller }) => {
  await goto(facilitator, "vote");
  const { roundId } = await facilitator.voting.open({
    sessionId: liveId(),
    method: "dots",
    dots: 3,
    maxDotsPerPractice: 2,
  });
  return { roundId };
};
const proposals = async (writer: Caller, titles: string[]) => {
  const ids: Arranged = {};
  for (const [index, title] of titles.entries()) {
    const { id } = await writer.action.propose({
      sessionId: liveId(),
      practiceId: w.practices[0]!,
      title,
    });
    ids[`action${index}`] = id;
  }
  return ids;
};

const table: Record<string, Row> = {
  "account.me": { kind: "query", rule: "signedIn", call: (c) => c.account.me() },

  "action.propose": {
    kind: "mutation",
    rule: "participantOfSession",
    arrange: async ({ facilitator }) => (await toActions(facilitator), {}),
    call: (c) =>
      c.action.propose({ sessionId: liveId(), practiceId: w.practices[0]!, title: "Proposed" }),
  },
  "action.create": {
    kind: "mutation",
    rule: "teamFacilitator",
    arrange: async ({ facilitator }) => (await toActions(facilitator), {}),
    call: (c) =>
      c.action.create({
        sessionId: liveId(),
        practiceId: w.practices[0]!,
        title: "Created",
        ownerId: w.users.homeMember.id,
        dueOn: "2026-12-20",
      }),
  },
  "action.update": {
    kind: "mutation",
    rule: "teamFacilitator",
    arrange: async ({ facilitator, writer }) => {
      await toActions(facilitator);
      return proposals(writer, ["Worded badly"]);
    },
    call: (c, a) =>
      c.action.update({ sessionId: liveId(), actionId: a.action0!, patch: { title: "Worded" } }),
  },
  "action.merge": {
    kind: "mutation",
    rule: "teamFacilitator",
    arrange: async ({ facilitator, writer }) => {
      await toActions(facilitator);
      return proposals(writer, ["Keep this", "Same as that"]);
    },
    call: (c, a) =>
      c.action.merge({ sessionId: liveId(), duplicateId: a.action1!, intoId: a.action0! }),
  },
  "action.reviewOwn": {
    kind: "mutation",
    rule: "participantOfSession",
    arrange: async ({ facilitator }) => (await goto(facilitator, "review"), {}),
    call: (c) => c.action.reviewOwn({ sessionId: liveId(), actionId: w.actionId, outcome: "done" }),
    domain: {
      guest: { code: "CONFLICT", why: "a guest has no account, so owns no action to mark" },
    },
  },
  "action.review": {
    kind: "mutation",
    rule: "teamFacilitator",
    arrange: async ({ facilitator }) => (await goto(facilitator, "review"), {}),
    call: (c) => c.action.review({ sessionId: liveId(), actionId: w.actionId, outcome: "carried" }),
  },

  "adminAudit.list": {
    kind: "query",
    rule: "admin",
    call: (c) => c.adminAudit.list({ kind: null, page: 1 }),
  },

  "adminContent.list": { kind: "query", rule: "admin", call: (c) => c.adminContent.list() },
  "adminContent.byId": {
    kind: "query",
    rule: "admin",
    call: (c) => c.adminContent.byId({ essayId: w.content.essayId }),
  },
  "adminContent.create": {
    kind: "mutation",
    rule: "admin",
    call: (c) => c.adminContent.create({ title: "A new workshop" }),
  },
  "adminContent.saveDraft": {
    kind: "mutation",
    rule: "admin",
    call: (c) =>
      c.adminContent.saveDraft({
        essayId: w.content.essayId,
        expectedDraftUpdatedAt: w.content.draftUpdatedAt,
        draft: { ...w.content.draft, markdown: `${w.content.draft.markdown}\n\nOne more line.` },
      }),
  },
  "adminContent.publish": {
    kind: "mutation",
    rule: "admin",
    call: (c) =>
      c.adminContent.publish({
        essayId: w.content.essayId,
        expectedDraftUpdatedAt: w.content.draftUpdatedAt,
      }),
  },
  "adminContent.archive": {
    kind: "mutation",
    rule: "admin",
    call: (c) => c.adminContent.archive({ essayId: w.content.essayId }),
  },
  "adminContent.unarchive": {
    kind: "mutation",
    rule: "admin",
    call: (c) => c.adminContent.unarchive({ essayId: w.content.archivedEssayId }),
  },
  "adminContent.versions": {
    kind: "query",
    rule: "admin",
    call: (c) => c.adminContent.versions({ essayId: w.content.essayId }),
  },
  "adminContent.diff": {
    kind: "query",
    rule: "admin",
    call: (c) =>
      c.adminContent.diff({
        essayId: w.content.essayId,
        fromVersionId: w.content.versionId,
        toVersionId: w.content.versionId,
      }),
  },

  "adminTeams.list": {
    kind: "query",
    rule: "admin",
    call: (c) => c.adminTeams.list({ search: "", page: 1 }),
  },
  "adminTeams.choices": { kind: "query", rule: "admin", call: (c) => c.adminTeams.choices() },
  "adminTeams.addMember": {
    kind: "mutation",
    rule: "admin",
    call: (c) =>
      c.adminTeams.addMember({
        teamId: w.home.team.id,
        email: w.users.outsider.email,
        role: "member",
      }),
  },
  "adminTeams.removeMember": {
    kind: "mutation",
    rule: "admin",
    call: (c) =>
      c.adminTeams.removeMember({ teamId: w.home.team.id, userId: w.users.homeMember.id }),
  },
  "adminTeams.changeMemberRole": {
    kind: "mutation",
    rule: "admin",
    call: (c) =>
      c.adminTeams.changeMemberRole({
        teamId: w.home.team.id,
        userId: w.users.homeMember.id,
        role: "facilitator",
      }),
  },
  "adminTeams.moveMember": {
    kind: "mutation",
    rule: "admin",
    call: (c) =>
      c.adminTeams.moveMember({
        userId: w.users.homeMember.id,
        fromTeamId: w.home.team.id,
        toTeamId: w.away.team.id,
      }),
  },

  "adminUsers.list": {
    kind: "query",
    rule: "admin",
    call: (c) => c.adminUsers.list({ search: "", page: 1 }),
  },
  "adminUsers.changeRole": {
    kind: "mutation",
    rule: "admin",
    call: (c) => c.adminUsers.changeRole({ userId: w.users.homeMember.id, role: "facilitator" }),
  },
  "adminUsers.deactivate": {
    kind: "mutation",
    rule: "admin",
    call: (c) => c.adminUsers.deactivate({ userId: w.users.awayMember.id }),
  },
  "adminUsers.reactivate": {
    kind: "mutation",
    rule: "admin",
    call: (c) => c.adminUsers.reactivate({ userId: w.retiredUserId }),
  },
  "adminUsers.create": {
    kind: "mutation",
    rule: "admin",
    call: (c) =>
      c.adminUsers.create({
        name: "New person",
        email: `new-${randomUUID()}@example.test`,
        role: "member",
        password: "a long enough password",
      }),
  },
  "adminUsers.createInvite": {
    kind: "mutation",
    rule: "admin",
    call: (c) => c.adminUsers.createInvite({ role: "facilitator" }),
  },
  "adminUsers.listInvites": {
    kind: "query",
    rule: "admin",
    call: (c) => c.adminUsers.listInvites(),
  },
  "adminUsers.revokeInvite": {
    kind: "mutation",
    rule: "admin",
    call: (c) => c.adminUsers.revokeInvite({ inviteId: w.signUpLink.id }),
  },

  "board.list": {
    kind: "query",
    rule: "teamMember",
    call: (c) => c.board.list({ teamId: w.home.team.id }),
  },
  "board.options": {
    kind: "query",
    rule: "teamMember",
    call: (c) => c.board.options({ teamId: w.home.team.id }),
  },
  "board.move": {
    kind: "mutation",
    rule: "actionEditor",
    call: (c) => c.board.move({ actionId: w.actionId, status: "doing" }),
  },
  "board.edit": {
    kind: "mutation",
    rule: "actionEditor",
    call: (c) => c.board.edit({ actionId: w.actionId, title: "Pair on every release, twice" }),
  },
  "board.history": {
    kind: "query",
    rule: "teamMember",
    call: (c) => c.board.history({ actionId: w.actionId }),
  },
  "board.live": {
    kind: "subscription",
    rule: "teamMember",
    call: (c) => c.board.live({ teamId: w.home.team.id }),
  },

  "calendar.mine": {
    kind: "query",
    rule: "teamMember",
    call: (c) => c.calendar.mine({ teamId: w.home.team.id }),
  },
  "calendar.create": {
    kind: "mutation",
    rule: "teamMember",
    call: (c) => c.calendar.create({ teamId: w.home.team.id }),
  },
  "calendar.revoke": {
    kind: "mutation",
    rule: "teamMember",
    call: (c) => c.calendar.revoke({ teamId: w.home.team.id }),
  },

  "content.list": { kind: "query", rule: "anyone", call: (c) => c.content.list() },
  "content.bySlug": {
    kind: "query",
    rule: "anyone",
    call: (c) => c.content.bySlug({ slug: w.content.essaySlug }),
  },

  "dashboard.team": {
    kind: "query",
    rule: "teamMember",
    call: (c) => c.dashboard.team({ teamId: w.home.team.id }),
  },

  "join.lookUp": {
    kind: "query",
    rule: "anyone",
    call: (c) => c.join.lookUp({ code: w.home.liveSession.joinCode }),
  },

  "participant.join": {
    kind: "mutation",
    rule: "anyone",
    call: (c) =>
      c.participant.join({
        code: w.home.liveSession.joinCode,
        displayName: "Another phone",
        joinKey: randomUUID(),
      }),
  },
  "participant.state": {
    kind: "query",
    rule: "participantOfSession",
    call: (c) => c.participant.state({ sessionId: liveId() }),
  },
  "participant.addNote": {
    kind: "mutation",
    rule: "participantOfSession",
    arrange: async ({ facilitator }) => (await goto(facilitator, "discuss"), {}),
    call: (c) =>
      c.participant.addNote({
        sessionId: liveId(),
        practiceId: w.practices[0]!,
        body: "We already do this in code review",
        anonymous: true,
      }),
  },
  "participant.upvote": {
    kind: "mutation",
    rule: "participantOfSession",
    arrange: async ({ facilitator }) => (await goto(facilitator, "discuss"), {}),
    call: (c) => c.participant.upvote({ sessionId: liveId(), noteId: w.noteId, up: true }),
  },
  "participant.live": {
    kind: "subscription",
    rule: "participantOfSession",
    call: (c) => c.participant.live({ sessionId: liveId() }),
  },

  "session.create": {
    kind: "mutation",
    rule: "teamFacilitator",
    call: (c) =>
      c.session.create({
        teamId: w.home.team.id,
        essayId: w.content.essayId,
        title: "Next month",
        settings: {
          votingMethod: "approval",
          dots: 3,
          maxDotsPerPractice: 2,
          anonymousNotes: true,
        },
      }),
  },
  "session.listForTeam": {
    kind: "query",
    rule: "teamMember",
    call: (c) => c.session.listForTeam({ teamId: w.home.team.id }),
  },
  "session.byId": {
    kind: "query",
    rule: "teamFacilitator",
    call: (c) => c.session.byId({ sessionId: liveId() }),
  },
  "session.stage": {
    kind: "mutation",
    rule: "teamFacilitator",
    call: (c) => c.session.stage({ sessionId: liveId(), command: { type: "goto", stage: "read" } }),
  },
  "session.timer": {
    kind: "mutation",
    rule: "teamFacilitator",
    call: (c) => c.session.timer({ sessionId: liveId(), command: { type: "start", seconds: 300 } }),
  },
  "session.removeParticipant": {
    kind: "mutation",
    rule: "teamFacilitator",
    call: (c) =>
      c.session.removeParticipant({ sessionId: liveId(), participantId: w.participants.writer.id }),
  },
  "session.hideNote": {
    kind: "mutation",
    rule: "teamFacilitator",
    call: (c) => c.session.hideNote({ sessionId: liveId(), noteId: w.noteId, hidden: true }),
  },
  "session.end": {
    kind: "mutation",
    rule: "teamFacilitator",
    call: (c) => c.session.end({ sessionId: liveId() }),
  },
  "session.consoleLive": {
    kind: "subscription",
    rule: "teamFacilitator",
    call: (c) => c.session.consoleLive({ sessionId: liveId() }),
  },
  "session.presenterLive": {
    kind: "subscription",
    rule: "teamFacilitator",
    call: (c) => c.session.presenterLive({ sessionId: liveId() }),
  },

  "setup.status": { kind: "query", rule: "anyone", call: (c) => c.setup.status() },
  "setup.createAdmin": {
    kind: "mutation",
    rule: "nobodyOnceSetUp",
    call: (c) =>
      c.setup.createAdmin({
        name: "Second admin",
        email: `second-admin-${randomUUID()}@example.test`,
        password: "a long enough password",
      }),
  },

  "summary.byId": {
    kind: "query",
    rule: "teamMember",
    call: (c) => c.summary.byId({ sessionId: w.home.earlierSessionId }),
  },

  "team.list": { kind: "query", rule: "signedIn", call: (c) => c.team.list() },
  "team.create": {
    kind: "mutation",
    rule: "anyFacilitator",
    call: (c) => c.team.create({ name: "A new team" }),
  },
  "team.bySlug": {
    kind: "query",
    rule: "teamMember",
    call: (c) => c.team.bySlug({ slug: w.home.team.slug }),
  },
  "team.members": {
    kind: "query",
    rule: "teamMember",
    call: (c) => c.team.members({ teamId: w.home.team.id }),
  },
  "team.createInvite": {
    kind: "mutation",
    rule: "teamFacilitator",
    call: (c) => c.team.createInvite({ teamId: w.home.team.id, teamRole: "facilitator" }),
  },
  "team.listInvites": {
    kind: "query",
    rule: "teamFacilitator",
    call: (c) => c.team.listInvites({ teamId: w.home.team.id }),
  },
  "team.revokeInvite": {
    kind: "mutation",
    rule: "teamFacilitator",
    call: (c) => c.team.revokeInvite({ teamId: w.home.team.id, inviteId: w.invite.id }),
  },
  "team.inviteByToken": {
    kind: "query",
    rule: "anyone",
    call: (c) => c.team.inviteByToken({ token: w.invite.token }),
  },
  "team.acceptInvite": {
    kind: "mutation",
    rule: "signedIn",
    call: (c) => c.team.acceptInvite({ token: w.invite.token }),
  },

  "voting.open": {
    kind: "mutation",
    rule: "teamFacilitator",
    arrange: async ({ facilitator }) => (await goto(facilitator, "vote"), {}),
    call: (c) =>
      c.voting.open({ sessionId: liveId(), method: "approval", dots: 3, maxDotsPerPractice: 2 }),
  },
  "voting.close": {
    kind: "mutation",
    rule: "teamFacilitator",
    arrange: openRound,
    call: (c, a) => c.voting.close({ sessionId: liveId(), roundId: a.roundId! }),
  },
  "voting.reveal": {
    kind: "mutation",
    rule: "teamFacilitator",
    arrange: openRound,
    call: (c, a) => c.voting.reveal({ sessionId: liveId(), roundId: a.roundId! }),
  },
  "voting.adopt": {
    kind: "mutation",
    rule: "teamFacilitator",
    arrange: async ({ facilitator }) => (await goto(facilitator, "results"), {}),
    call: (c) =>
      c.voting.adopt({ sessionId: liveId(), practiceId: w.practices[2]!, adopted: true }),
  },
  "voting.cast": {
    kind: "mutation",
    rule: "participantOfSession",
    arrange: openRound,
    call: (c, a) =>
      c.voting.cast({
        sessionId: liveId(),
        roundId: a.roundId!,
        submissionId: randomUUID(),
        marks: [
          { practiceId: w.practices[0]!, points: 2 },
          { practiceId: w.practices[1]!, points: 1 },
        ],
      }),
  },
  "voting.mine": {
    kind: "query",
    rule: "participantOfSession",
    arrange: openRound,
    call: (c, a) => c.voting.mine({ sessionId: liveId(), roundId: a.roundId! }),
  },
};

/** The caller's identity: who is signed in, and which participant cookie the browser holds. */
function identity(who: Who): { user: CurrentUser | null; cookie?: string } {
  const { users, participants } = w;
  switch (who) {
    case "anonymous":
      return { user: null };
    case "guest":
      return { user: null, cookie: participants.guest.cookie };
    case "otherParticipant":
      return { user: null, cookie: participants.awayGuest.cookie };
    case "outsider":
      return { user: users.outsider };
    case "member":
      return { user: users.homeMember };
    case "owner":
      return { user: users.owner, cookie: participants.ownerPhone.cookie };
    case "otherMember":
      return { user: users.awayMember };
    case "facilitator":
      return { user: users.homeFacilitator };
    case "otherFacilitator":
      return { user: users.awayFacilitator };
    case "admin":
      return { user: users.admin };
  }
}

/** Who may see the other team's things: its own people, and admins. */
const seesOtherTeam = new Set<Who>([
  "otherParticipant",
  "otherMember",
  "otherFacilitator",
  "admin",
]);

/** The other team's identifying values: no answer to anyone outside it (admins aside) names them. */
function otherTeamMarks(): Record<string, string> {
  const { away, users, participants } = w;
  return {
    "team id": away.team.id,
    "team slug": away.team.slug,
    "team name": away.team.name,
    "session id": away.session.id,
    "join code": away.session.joinCode,
    "facilitator id": users.awayFacilitator.id,
    "facilitator email": users.awayFacilitator.email,
    "member id": users.awayMember.id,
    "member email": users.awayMember.email,
    "participant id": participants.awayGuest.id,
  };
}

/**
 * One call as one caller, rolled back: its outcome, what it changed if it was not "ok", and which
 * of the other team's values its answer names.
 */
function attempt(row: Row, who: Who) {
  return rolledBack(database.db, async (tx: Database) => {
    const as = (user: CurrentUser | null, cookie?: string, signal?: AbortSignal) =>
      createCaller(testContext(tx, user, { cookie, bus }), { signal });
    const arranged = row.arrange
      ? await row.arrange({
          facilitator: as(w.users.homeFacilitator),
          writer: as(null, w.participants.writer.cookie),
        })
      : {};
    // Without an arrangement the transaction starts from the world as built: no need to read it.
    const before = row.arrange ? await fingerprint(tx, tables) : untouched;
    const abort = new AbortController();
    const { user, cookie } = identity(who);
    const caller = as(user, cookie, abort.signal);
    const result = await outcomeOf(
      () => row.call(caller, arranged),
      row.kind === "subscription" ? { abort } : null,
    );
    // A failed statement aborts the transaction: nothing more can be read in it.
    const changed =
      result.code === "ok" || result.code === "INTERNAL_SERVER_ERROR"
        ? []
        : changedTables(before, await fingerprint(tx, tables));
    const leaks =
      result.code === "ok" && !seesOtherTeam.has(who)
        ? mentions(result.value, otherTeamMarks())
        : [];
    return { ...result, changed, leaks };
  });
}

let checked = 0;

describe("the access matrix", () => {
  it("has exactly one row per procedure of the app router, of the same kind", () => {
    // tRPC 11 keeps a flat record of "path" → procedure beside the nested one.
    const procedures = appRouter._def.procedures as unknown as Record<string, AnyTRPCProcedure>;
    const kinds = Object.fromEntries(
      Object.entries(procedures).map(([path, procedure]) => [path, procedure._def.type]),
    );
    const rows = Object.fromEntries(Object.entries(table).map(([path, row]) => [path, row.kind]));
    expect(rows).toEqual(kinds);
  });

  it("notes domain refusals only for callers the rule lets in", () => {
    for (const row of Object.values(table)) {
      for (const who of Object.keys(row.domain ?? {}) as Who[]) {
        expect(rules[row.rule](who)).toBe("ok");
      }
    }
  });

  for (const [path, row] of Object.entries(table)) {
    it(`${path} (${row.rule}) answers every caller as the rule says; refusals change nothing; nothing of another team leaks`, async () => {
      const expected: Record<string, string> = {};
      const actual: Record<string, string> = {};
      const changes: Record<string, string[]> = {};
      const leaks: Record<string, string[]> = {};
      for (const who of everyone) {
        const result = await attempt(row, who);
        checked++;
        const want = row.domain?.[who]?.code ?? rules[row.rule](who);
        expected[callers[who]] = want;
        actual[callers[who]] =
          result.code === want || !result.message
            ? result.code
            : `${result.code}: ${result.message}`;
        if (result.changed.length > 0) changes[callers[who]] = result.changed;
        if (result.leaks.length > 0) leaks[callers[who]] = result.leaks;
      }
      expect(actual).toEqual(expected);
      expect(changes, "tables changed by calls that did not succeed").toEqual({});
      expect(leaks, "the other team's values in answers to outsiders").toEqual({});
    });
  }

  it("checked every procedure as every kind of caller", () => {
    const procedures = Object.keys(appRouter._def.procedures).length;
    console.info(
      `access matrix: ${procedures} procedures × ${everyone.length} callers = ${checked} calls checked`,
    );
    expect(checked).toBe(procedures * everyone.length);
  });
});
