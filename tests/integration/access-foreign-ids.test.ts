import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Database } from "~/db";
import { createCaller } from "~/server/api/root";
import type { CurrentUser } from "~/server/auth/current-user";
import { createInProcessBus } from "~/server/realtime/in-process-bus";

import {
  changedTables,
  fingerprint,
  outcomeOf,
  publicTables,
  rolledBack,
  type Outcome,
} from "../helpers/access-probe";
import { buildAccessWorld, type AccessWorld } from "../helpers/access-world";
import { testContext } from "../helpers/callers";
import { createTestDatabase, type TestDatabase } from "../helpers/database";

/**
 * The access matrix (access-matrix.test.ts) knocks on this team's doors. Here the other team's
 * facilitator and guest come through their own door, which lets them in, carrying this team's
 * ids: a note, a participant, a round, an action, an invite, a person to own an action. Each
 * such call must be refused by the domain's scoping, with the sentence that names the reason,
 * and change nothing.
 */

type Caller = ReturnType<typeof createCaller>;
type Arranged = Record<string, string>;

interface Kit {
  /** This team's facilitator and the writer in its live session. */
  home: Caller;
  writer: Caller;
  /** The other team's facilitator. */
  away: Caller;
}

interface Row {
  /** The other team's facilitator, or the guest of the other team's session. */
  as: "awayFacilitator" | "awayGuest";
  arrange?: (kit: Kit) => Promise<Arranged>;
  call: (caller: Caller, arranged: Arranged) => Promise<unknown>;
  code: Outcome;
  message: RegExp;
}

let database: TestDatabase;
let w: AccessWorld;
let tables: string[];
const bus = createInProcessBus();

beforeAll(async () => {
  database = await createTestDatabase();
  w = await buildAccessWorld(database.db, { bus });
  tables = await publicTables(database.db);
}, 120_000);
afterAll(() => database.destroy());

const homeId = () => w.home.liveSession.id;
const awayId = () => w.away.session.id;
type Stage = "discuss" | "vote" | "results" | "actions" | "review";
const goto = (f: Caller, sessionId: string, stage: Stage) =>
  f.session.stage({ sessionId, command: { type: "goto", stage } });

/** A session in the actions stage, with the first practice adopted. */
async function inActions(f: Caller, sessionId: string) {
  await goto(f, sessionId, "results");
  await f.voting.adopt({ sessionId, practiceId: w.practices[0]!, adopted: true });
  await goto(f, sessionId, "actions");
}

async function homeRound({ home }: Kit) {
  await goto(home, homeId(), "vote");
  const round = await home.voting.open({
    sessionId: homeId(),
    method: "dots",
    dots: 3,
    maxDotsPerPractice: 2,
  });
  return { roundId: round.roundId };
}

async function homeProposal({ home, writer }: Kit, title: string) {
  await inActions(home, homeId());
  const { id } = await writer.action.propose({
    sessionId: homeId(),
    practiceId: w.practices[0]!,
    title,
  });
  return id;
}

/** An action of the other team's live session, kept (so it is on that team's board too). */
async function awayAction(away: Caller) {
  await inActions(away, awayId());
  const { id } = await away.action.create({
    sessionId: awayId(),
    practiceId: w.practices[0]!,
    title: "Theirs",
  });
  return id;
}

const notInSession = /not part of this session/;

const table: Record<string, Row> = {
  "session.hideNote: this team's note": {
    as: "awayFacilitator",
    call: (c) => c.session.hideNote({ sessionId: awayId(), noteId: w.noteId, hidden: true }),
    code: "CONFLICT",
    message: /That note is not in this session/,
  },
  "session.removeParticipant: this team's participant": {
    as: "awayFacilitator",
    call: (c) =>
      c.session.removeParticipant({ sessionId: awayId(), participantId: w.participants.guest.id }),
    code: "CONFLICT",
    message: /That person is not in this session/,
  },
  "voting.close: this team's round": {
    as: "awayFacilitator",
    arrange: homeRound,
    call: (c, a) => c.voting.close({ sessionId: awayId(), roundId: a.roundId! }),
    code: "CONFLICT",
    message: /round is not part of this session/,
  },
  "voting.reveal: this team's round": {
    as: "awayFacilitator",
    arrange: homeRound,
    call: (c, a) => c.voting.reveal({ sessionId: awayId(), roundId: a.roundId! }),
    code: "CONFLICT",
    message: /round is not part of this session/,
  },
  "voting.cast: into this team's round": {
    as: "awayGuest",
    arrange: async (kit) => {
      await goto(kit.away, awayId(), "vote");
      return homeRound(kit);
    },
    call: (c, a) =>
      c.voting.cast({
        sessionId: awayId(),
        roundId: a.roundId!,
        submissionId: randomUUID(),
        marks: [{ practiceId: w.practices[0]!, points: 1 }],
      }),
    code: "CONFLICT",
    message: /round is not part of this session/,
  },
  "voting.mine: in this team's round": {
    as: "awayGuest",
    arrange: homeRound,
    call: (c, a) => c.voting.mine({ sessionId: awayId(), roundId: a.roundId! }),
    code: "CONFLICT",
    message: /round is not part of this session/,
  },
  "participant.upvote: this team's note": {
    as: "awayGuest",
    arrange: async ({ away }) => (await goto(away, awayId(), "discuss"), {}),
    call: (c) => c.participant.upvote({ sessionId: awayId(), noteId: w.noteId, up: true }),
    code: "CONFLICT",
    message: /That note is not in this session/,
  },
  "action.update: this team's proposal": {
    as: "awayFacilitator",
    arrange: async (kit) => {
      const actionId = await homeProposal(kit, "Ours");
      await inActions(kit.away, awayId());
      return { actionId };
    },
    call: (c, a) =>
      c.action.update({ sessionId: awayId(), actionId: a.actionId!, patch: { status: "dropped" } }),
    code: "NOT_FOUND",
    message: notInSession,
  },
  "action.merge: this team's proposal into their own action": {
    as: "awayFacilitator",
    arrange: async (kit) => ({
      duplicateId: await homeProposal(kit, "Ours"),
      intoId: await awayAction(kit.away),
    }),
    call: (c, a) =>
      c.action.merge({ sessionId: awayId(), duplicateId: a.duplicateId!, intoId: a.intoId! }),
    code: "NOT_FOUND",
    message: notInSession,
  },
  "action.create: owned by this team's member": {
    as: "awayFacilitator",
    arrange: async ({ away }) => (await inActions(away, awayId()), {}),
    call: (c) =>
      c.action.create({
        sessionId: awayId(),
        practiceId: w.practices[0]!,
        title: "Handed to a stranger",
        ownerId: w.users.homeMember.id,
      }),
    code: "BAD_REQUEST",
    message: /owner must be a member of this team/,
  },
  "action.update: their action handed to this team's member": {
    as: "awayFacilitator",
    arrange: async ({ away }) => ({ actionId: await awayAction(away) }),
    call: (c, a) =>
      c.action.update({
        sessionId: awayId(),
        actionId: a.actionId!,
        patch: { ownerId: w.users.homeMember.id },
      }),
    code: "BAD_REQUEST",
    message: /owner must be a member of this team/,
  },
  "board.edit: their action handed to this team's member": {
    as: "awayFacilitator",
    arrange: async ({ away }) => ({ actionId: await awayAction(away) }),
    call: (c, a) => c.board.edit({ actionId: a.actionId!, ownerId: w.users.homeMember.id }),
    code: "BAD_REQUEST",
    message: /owner must be a member of this team/,
  },
  "action.review: this team's open action": {
    as: "awayFacilitator",
    // The other team needs an open action of an earlier session to have a review stage at all.
    arrange: async ({ away }) => {
      await awayAction(away);
      await away.session.end({ sessionId: awayId() });
      const next = await away.session.create({
        teamId: w.away.team.id,
        essayId: w.content.essayId,
        title: "Their next session",
        settings: { votingMethod: "dots", dots: 3, maxDotsPerPractice: 2, anonymousNotes: true },
      });
      await goto(away, next.id, "review");
      return { sessionId: next.id };
    },
    call: (c, a) =>
      c.action.review({ sessionId: a.sessionId!, actionId: w.actionId, outcome: "dropped" }),
    code: "NOT_FOUND",
    message: /not one of this team's to review/,
  },
  "team.revokeInvite: this team's invite": {
    as: "awayFacilitator",
    call: (c) => c.team.revokeInvite({ teamId: w.away.team.id, inviteId: w.invite.id }),
    code: "NOT_FOUND",
    message: /This team has no such invite/,
  },
};

function attempt(row: Row) {
  return rolledBack(database.db, async (tx: Database) => {
    const as = (user: CurrentUser | null, cookie?: string) =>
      createCaller(testContext(tx, user, { cookie, bus }));
    const arranged = row.arrange
      ? await row.arrange({
          home: as(w.users.homeFacilitator),
          writer: as(null, w.participants.writer.cookie),
          away: as(w.users.awayFacilitator),
        })
      : {};
    const before = await fingerprint(tx, tables);
    const caller =
      row.as === "awayFacilitator"
        ? as(w.users.awayFacilitator)
        : as(null, w.participants.awayGuest.cookie);
    const result = await outcomeOf(() => row.call(caller, arranged), null);
    const changed =
      result.code === "INTERNAL_SERVER_ERROR"
        ? []
        : changedTables(before, await fingerprint(tx, tables));
    return { ...result, changed };
  });
}

describe("another team's ids through one's own door", () => {
  for (const [name, row] of Object.entries(table)) {
    it(`${name} is refused (${row.code}) and changes nothing`, async () => {
      const result = await attempt(row);
      expect({ code: result.code, changed: result.changed }).toEqual({
        code: row.code,
        changed: [],
      });
      expect(result.message).toMatch(row.message);
    });
  }
});
