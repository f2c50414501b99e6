import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";

import { adoptedPractices, ballots, votingRounds } from "~/db/schema";
import type { CurrentUser } from "~/server/auth/current-user";

import { createUser } from "../helpers/callers";
import { createTeamWithSession, type TeamWithSession } from "../helpers/fixtures";
import { outcome } from "../helpers/outcome";
import {
  as,
  database,
  dots,
  freshSession,
  type Guest,
  home,
  joinAsGuest,
  practices,
  setUpVotingWorld,
} from "../helpers/voting";

/** Who may call each voting procedure: every role against open, cast, mine, close, reveal, adopt. */

setUpVotingWorld();

let other: TeamWithSession;
let admin: CurrentUser;
let outsider: CurrentUser;
beforeAll(async () => {
  other = await createTeamWithSession(database.db, "other");
  admin = await createUser(database.db, "admin");
  outsider = await createUser(database.db, "member", "outsider");
});

describe("who may call each voting procedure", () => {
  const roles = [
    "anonymous",
    "signed-in non-member",
    "member of this team",
    "facilitator of another team",
    "facilitator of this team",
    "admin",
    "guest participant of this session",
    "participant of another session",
  ] as const;
  type Role = (typeof roles)[number];

  const facilitatorExpected: Record<Role, string> = {
    anonymous: "UNAUTHORIZED",
    "signed-in non-member": "NOT_FOUND",
    "member of this team": "FORBIDDEN",
    "facilitator of another team": "NOT_FOUND",
    "facilitator of this team": "ok",
    admin: "ok",
    "guest participant of this session": "UNAUTHORIZED",
    "participant of another session": "UNAUTHORIZED",
  };
  const participantExpected = (role: Role) =>
    role === "guest participant of this session" ? "ok" : "UNAUTHORIZED";

  let foreignGuest: Guest;
  beforeAll(async () => {
    foreignGuest = await joinAsGuest("Foreigner", other.session.joinCode);
  });

  it.each(roles)("%s", async (role) => {
    const { sessionId, guests, facilitator } = await freshSession("vote", 1);
    const caller = {
      anonymous: () => as(null),
      "signed-in non-member": () => as(outsider),
      "member of this team": () => as(home.member),
      "facilitator of another team": () => as(other.facilitator),
      "facilitator of this team": () => as(home.facilitator),
      admin: () => as(admin),
      "guest participant of this session": () => guests[0]!.caller,
      "participant of another session": () => foreignGuest.caller,
    }[role]();
    const runs = facilitatorExpected[role] === "ok";
    const votes = participantExpected(role) === "ok";
    const db = database.db;
    const roundsOf = () =>
      db.select().from(votingRounds).where(eq(votingRounds.sessionId, sessionId));
    const seen: Record<string, string> = {};

    // open
    seen.open = await outcome(caller.voting.open({ sessionId, method: "dots" }));
    expect(await roundsOf()).toHaveLength(runs ? 1 : 0);
    if (!runs) await facilitator.voting.open({ sessionId, method: "dots" });
    const roundId = (await roundsOf())[0]!.id;

    // cast and mine
    seen.cast = await outcome(
      caller.voting.cast({ sessionId, roundId, submissionId: `by-${role}`, marks: dots([0, 1]) }),
    );
    const stored = await db.select().from(ballots).where(eq(ballots.roundId, roundId));
    expect(stored).toHaveLength(votes ? 1 : 0);
    seen.mine = await outcome(caller.voting.mine({ sessionId, roundId }));

    // close
    seen.close = await outcome(caller.voting.close({ sessionId, roundId }));
    expect((await roundsOf())[0]!.status).toBe(runs ? "closed" : "open");
    if (!runs) await facilitator.voting.close({ sessionId, roundId });

    // reveal
    seen.reveal = await outcome(caller.voting.reveal({ sessionId, roundId }));
    expect((await roundsOf())[0]!.status).toBe(runs ? "revealed" : "closed");
    if (!runs) await facilitator.voting.reveal({ sessionId, roundId });

    // adopt, then take it back
    const adoptedRows = () =>
      db.select().from(adoptedPractices).where(eq(adoptedPractices.sessionId, sessionId));
    seen.adopt = await outcome(
      caller.voting.adopt({ sessionId, practiceId: practices[0]!, adopted: true }),
    );
    expect(await adoptedRows()).toHaveLength(runs ? 1 : 0);
    if (!runs)
      await facilitator.voting.adopt({ sessionId, practiceId: practices[0]!, adopted: true });
    seen.unadopt = await outcome(
      caller.voting.adopt({ sessionId, practiceId: practices[0]!, adopted: false }),
    );
    expect(await adoptedRows()).toHaveLength(runs ? 0 : 1);

    const f = facilitatorExpected[role];
    const p = participantExpected(role);
    expect(seen).toEqual({
      open: f,
      cast: p,
      mine: p,
      close: f,
      reveal: f,
      adopt: f,
      unadopt: f,
    });
  });
});
