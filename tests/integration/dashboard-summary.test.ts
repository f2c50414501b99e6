import { eq, inArray, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";

import { actions, adoptedPractices, sessions } from "~/db/schema";
import { dayOf } from "~/server/actions/follow-through";
import type { CurrentUser } from "~/server/auth/current-user";
import { createSession } from "~/server/sessions/create";
import { resultsRanking } from "~/server/voting/state";

import { createUser } from "../helpers/callers";
import { createTeamWithSession, defaultSettings, type TeamWithSession } from "../helpers/fixtures";
import { outcome } from "../helpers/outcome";
import {
  as,
  database,
  home,
  joinAsGuest,
  practices,
  setUpVotingWorld,
  type Caller,
  type Guest,
} from "../helpers/voting";

/**
 * The team dashboard and the session summary on the real router: two sessions of one team a
 * week apart (voting, adoption, actions kept, worked on and backdated), and who may read them.
 */

setUpVotingWorld();

const dayMs = 24 * 60 * 60 * 1000;
const daysAgo = (days: number) => new Date(Date.now() - days * dayMs);
const dayAgo = (days: number) => dayOf(daysAgo(days));

let other: TeamWithSession;
let admin: CurrentUser;
let outsider: CurrentUser;
let first: { id: string; guests: Guest[] };
let second: { id: string; guests: Guest[] };
/** Actions of the first session, by name. */
const act: Record<string, string> = {};

async function sessionAtVote(title: string, guestCount: number) {
  const session = await createSession(database.db, {
    teamId: home.team.id,
    essayId: home.essayId,
    title,
    settings: defaultSettings,
    facilitatorId: home.facilitator.id,
  });
  const guests: Guest[] = [];
  for (let i = 0; i < guestCount; i++) {
    guests.push(await joinAsGuest(`${title} guest ${i + 1}`, session.joinCode));
  }
  await goto(session.id, "vote");
  return { id: session.id, guests };
}

const facilitator = () => as(home.facilitator);
const goto = (sessionId: string, stage: "vote" | "actions") =>
  facilitator().session.stage({ sessionId, command: { type: "goto", stage } });

/** Runs one round to its reveal: each guest casts the marks given for them. */
async function revealedRound(
  session: { id: string; guests: Guest[] },
  options: { method: "maturity" | "dots"; practiceIds?: string[] },
  ballots: { practiceId: string; points: number; importance: number | null }[][],
) {
  const { roundId } = await facilitator().voting.open({
    sessionId: session.id,
    method: options.method,
    practiceIds: options.practiceIds ?? null,
  });
  for (const [index, marks] of ballots.entries()) {
    await session.guests[index]!.caller.voting.cast({
      sessionId: session.id,
      roundId,
      submissionId: `ballot-${roundId}-${index}`,
      marks,
    });
  }
  await facilitator().voting.close({ sessionId: session.id, roundId });
  await facilitator().voting.reveal({ sessionId: session.id, roundId });
  return roundId;
}

const rate = (...pairs: [number, number][]) =>
  pairs.map(([points, importance], index) => ({
    practiceId: practices[index]!,
    points,
    importance,
  }));
const dot = (practice: number, points: number) => ({
  practiceId: practices[practice]!,
  points,
  importance: null,
});

beforeAll(async () => {
  const db = database.db;
  other = await createTeamWithSession(db, "other");
  admin = await createUser(db, "admin");
  outsider = await createUser(db, "member", "outsider");
  // The fixture's own session of the home team would be a third one: this story has two.
  await db.delete(sessions).where(eq(sessions.id, home.session.id));

  // The first session: a maturity round on three practices and a dot vote, two adopted.
  first = await sessionAtVote("Kick-off", 3);
  await revealedRound(first, { method: "maturity", practiceIds: practices.slice(0, 3) }, [
    rate([2, 5], [4, 4], [3, 3]),
    rate([3, 4], [4, 5], [3, 4]),
    rate([1, 4], [5, 5], [2, 2]),
  ]);
  await revealedRound(first, { method: "dots" }, [
    [dot(0, 2), dot(1, 1)],
    [dot(0, 1), dot(2, 2)],
    [dot(0, 2)],
  ]);
  for (const practiceId of practices.slice(0, 2)) {
    await facilitator().voting.adopt({ sessionId: first.id, practiceId, adopted: true });
  }
  await goto(first.id, "actions");
  const propose = async (title: string, practice = 0) =>
    (
      await first.guests[0]!.caller.action.propose({
        sessionId: first.id,
        practiceId: practices[practice]!,
        title,
      })
    ).id;
  for (const title of ["Review within a day", "Pair on reviews", "Review checklist"]) {
    act[title] = await propose(title);
  }
  act.duplicate = await propose("A review checklist");
  act.declined = await propose("Ban all meetings");
  const update = (actionId: string, patch: Record<string, unknown>) =>
    facilitator().action.update({ sessionId: first.id, actionId, patch });
  await update(act["Review within a day"]!, { status: "todo", ownerId: home.member.id });
  await update(act["Pair on reviews"]!, { status: "todo", ownerId: home.facilitator.id });
  await update(act["Review checklist"]!, { status: "todo" });
  await update(act.declined, { status: "dropped" });
  await facilitator().action.merge({
    sessionId: first.id,
    duplicateId: act.duplicate,
    intoId: act["Review checklist"]!,
  });
  act.guide = (
    await facilitator().action.create({
      sessionId: first.id,
      practiceId: practices[1]!,
      title: "Write a coaching guide",
      ownerId: home.member.id,
    })
  ).id;
  await facilitator().session.end({ sessionId: first.id });

  // Worked on the board in the week after.
  await as(home.member).board.move({ actionId: act["Review within a day"]!, status: "done" });
  await facilitator().board.move({ actionId: act["Pair on reviews"]!, status: "done" });
  await facilitator().board.move({ actionId: act["Review checklist"]!, status: "dropped" });

  // The second session, now: the first practice has improved.
  second = await sessionAtVote("Check-in", 2);
  await revealedRound(second, { method: "maturity", practiceIds: practices.slice(0, 2) }, [
    rate([4, 5], [4, 4]),
    rate([3, 5], [5, 4]),
  ]);
  await facilitator().voting.adopt({
    sessionId: second.id,
    practiceId: practices[2]!,
    adopted: true,
  });
  await goto(second.id, "actions");
  for (const title of ["Coach one junior", "Share review tips"]) {
    await facilitator().action.create({
      sessionId: second.id,
      practiceId: practices[2]!,
      title,
      dueOn: title === "Coach one junior" ? dayAgo(-7) : null,
    });
  }
  await second.guests[0]!.caller.action.propose({
    sessionId: second.id,
    practiceId: practices[2]!,
    title: "Still being discussed",
  });

  // A week apart in the data: the first session, its adoptions and the board's work move back.
  // Shifted by a week rather than set, so the order things happened in stays as it was.
  const aWeekEarlier = sql`- interval '7 days'`;
  await db
    .update(sessions)
    .set({
      createdAt: sql`${sessions.createdAt} ${aWeekEarlier}`,
      endedAt: sql`${sessions.endedAt} ${aWeekEarlier}`,
    })
    .where(eq(sessions.id, first.id));
  await db
    .update(adoptedPractices)
    .set({ adoptedAt: sql`${adoptedPractices.adoptedAt} ${aWeekEarlier}` })
    .where(eq(adoptedPractices.sessionId, first.id));
  const setAction = (id: string, values: Partial<typeof actions.$inferInsert>) =>
    db.update(actions).set(values).where(eq(actions.id, id));
  // Done the day before it was due: on time. Done two days after: late. Due two days ago: overdue.
  await setAction(act["Review within a day"]!, { dueOn: dayAgo(5), completedAt: daysAgo(6) });
  await setAction(act["Pair on reviews"]!, { dueOn: dayAgo(5), completedAt: daysAgo(3) });
  await setAction(act.guide, { dueOn: dayAgo(2) });
});

describe("the team dashboard of two sessions a week apart", () => {
  it("lists the sessions held with who took part and what each decided", async () => {
    const dashboard = await as(home.member).dashboard.team({ teamId: home.team.id });
    expect(dashboard.today).toBe(dayOf(new Date()));
    expect(
      dashboard.sessions.map(({ id, title, participants, practicesAdopted, actionsKept }) => ({
        id,
        title,
        participants,
        practicesAdopted,
        actionsKept,
      })),
    ).toEqual([
      // The declined proposal and the merged duplicate are not actions kept.
      { id: first.id, title: "Kick-off", participants: 3, practicesAdopted: 2, actionsKept: 4 },
      { id: second.id, title: "Check-in", participants: 2, practicesAdopted: 1, actionsKept: 2 },
    ]);
    expect(dashboard.sessions[0]!.endedAt).not.toBeNull();
    expect(dashboard.sessions[1]!.endedAt).toBeNull();
    const gap =
      dashboard.sessions[1]!.createdAt.getTime() - dashboard.sessions[0]!.createdAt.getTime();
    expect(Math.round(gap / dayMs)).toBe(7);
  });

  it("shows the practices adopted and when, oldest first, titled by their latest wording", async () => {
    const dashboard = await as(home.member).dashboard.team({ teamId: home.team.id });
    expect(dashboard.adoptions.map((a) => [a.practiceId, a.sessionId, dayOf(a.adoptedAt)])).toEqual(
      [
        [practices[0], first.id, dayAgo(7)],
        [practices[1], first.id, dayAgo(7)],
        [practices[2], second.id, dayOf(new Date())],
      ],
    );
    for (const adoption of dashboard.adoptions) expect(adoption.title).toMatch(/\w/);
  });

  it("counts follow-through of the agreed actions: on time, late, open, overdue, dropped", async () => {
    const dashboard = await as(home.member).dashboard.team({ teamId: home.team.id });
    expect(dashboard.followThrough).toEqual({
      doneOnTime: 1,
      doneLate: 1,
      // The two written in the second session; its open proposal isn't agreed yet.
      open: 2,
      overdue: 1,
      // Dropped from the board; the proposal the session declined doesn't count.
      dropped: 1,
      total: 6,
    });
  });

  it("charts the mean maturity ratings of each practice across the sessions", async () => {
    const { maturity } = await as(home.member).dashboard.team({ teamId: home.team.id });
    expect(maturity.sessions.map((s) => s.id)).toEqual([first.id, second.id]);
    const points = (index: number) =>
      maturity.practices
        .find((p) => p.practiceId === practices[index])!
        .points.map((p) => [p.sessionId, p.today, p.importance, p.ratings]);
    expect(maturity.practices.map((p) => p.practiceId)).toEqual(practices.slice(0, 3));
    expect(points(0)).toEqual([
      [first.id, 2, 13 / 3, 3],
      [second.id, 3.5, 5, 2],
    ]);
    expect(points(1)).toEqual([
      [first.id, 13 / 3, 14 / 3, 3],
      [second.id, 4.5, 4, 2],
    ]);
    expect(points(2)).toEqual([[first.id, 8 / 3, 3, 3]]);
    // The third was adopted in the second session, a session on the charts' axis.
    expect(maturity.practices.map((p) => p.adoptedIn)).toEqual([
      [first.id],
      [first.id],
      [second.id],
    ]);
  });

  it("shows another team nothing of this one", async () => {
    const dashboard = await as(other.member).dashboard.team({ teamId: other.team.id });
    expect(dashboard.sessions.map((s) => s.id)).toEqual([other.session.id]);
    expect(dashboard.adoptions).toEqual([]);
    expect(dashboard.followThrough.total).toBe(0);
    expect(dashboard.maturity).toEqual({ sessions: [], practices: [] });
  });
});

describe("the summary of a session", () => {
  it("states the team, the date, who took part and the notes", async () => {
    const summary = await as(home.member).summary.byId({ sessionId: first.id });
    expect(summary.team).toEqual({ id: home.team.id, slug: home.team.slug, name: home.team.name });
    expect(summary.session.title).toBe("Kick-off");
    expect(dayOf(summary.session.createdAt)).toBe(dayAgo(7));
    expect(summary.session.endedAt).not.toBeNull();
    expect(summary.participants).toBe(3);
    expect(summary.notes).toBe(0);
    expect(summary.unrevealedRounds).toBe(0);
  });

  it("gives each revealed round's results exactly as the room's tally ranked them", async () => {
    const summary = await as(home.member).summary.byId({ sessionId: first.id });
    expect(summary.rounds.map((r) => [r.number, r.method, r.ballots])).toEqual([
      [1, "maturity", 3],
      [2, "dots", 3],
    ]);
    const dots = summary.rounds[1]!;
    expect(dots.rows.map((row) => [row.practiceId, row.rank, row.tied])).toEqual(
      expect.arrayContaining([
        [practices[0], 1, false],
        [practices[2], 2, false],
        [practices[1], 3, false],
      ]),
    );
    // The same ranking the voting state computes for the round that ranked each practice.
    const ranking = await resultsRanking(database.db, first.id, practices[0]!);
    expect(dots.rows.map(({ title: _title, ...row }) => row)).toEqual(ranking!.rows);
    const maturity = summary.rounds[0]!;
    if (maturity.method !== "maturity") throw new Error("expected a maturity round");
    // Largest gap first; the two gaps of +0.3 tie and keep the essay's order.
    expect(
      maturity.rows.map((row) => [row.practiceId, row.today, row.importance, row.rank]),
    ).toEqual([
      [practices[0], 2, 13 / 3, 1],
      [practices[1], 13 / 3, 14 / 3, 2],
      [practices[2], 8 / 3, 3, 2],
    ]);
    for (const row of maturity.rows) expect(row.title).toMatch(/\w/);
  });

  it("lists the adopted practices and the agreed actions with owners, dates and status", async () => {
    const summary = await as(home.member).summary.byId({ sessionId: first.id });
    expect(summary.adopted.map((a) => a.practiceId)).toEqual(practices.slice(0, 2));
    expect(summary.actions.map((a) => [a.title, a.ownerName, a.dueOn, a.status]).sort()).toEqual(
      [
        ["Pair on reviews", home.facilitator.name, dayAgo(5), "done"],
        ["Review checklist", null, null, "dropped"],
        ["Review within a day", home.member.name, dayAgo(5), "done"],
        ["Write a coaching guide", home.member.name, dayAgo(2), "todo"],
      ].sort(),
    );
    expect(summary.actions.every((a) => a.practiceTitle)).toBe(true);
    expect(summary.proposals).toEqual({ dropped: 1, merged: 1, open: 0 });
  });

  it("summarises a live session as it stands", async () => {
    const summary = await as(home.facilitator).summary.byId({ sessionId: second.id });
    expect(summary.session.endedAt).toBeNull();
    expect(summary.actions.map((a) => a.title)).toEqual(["Coach one junior", "Share review tips"]);
    expect(summary.proposals).toEqual({ dropped: 0, merged: 0, open: 1 });
  });
});

describe("who may read the dashboard and a summary", () => {
  const roles = [
    "anonymous",
    "signed-in non-member",
    "member of another team",
    "facilitator of another team",
    "guest participant of this session",
    "member of this team",
    "facilitator of this team",
    "admin",
  ] as const;
  type Role = (typeof roles)[number];
  const expected: Record<Role, string> = {
    anonymous: "UNAUTHORIZED",
    "signed-in non-member": "NOT_FOUND",
    "member of another team": "NOT_FOUND",
    "facilitator of another team": "NOT_FOUND",
    // A guest's cookie is no account: the record is for the team's members.
    "guest participant of this session": "UNAUTHORIZED",
    "member of this team": "ok",
    "facilitator of this team": "ok",
    admin: "ok",
  };
  const callerFor = (role: Role): Caller =>
    ({
      anonymous: () => as(null),
      "signed-in non-member": () => as(outsider),
      "member of another team": () => as(other.member),
      "facilitator of another team": () => as(other.facilitator),
      "guest participant of this session": () => second.guests[0]!.caller,
      "member of this team": () => as(home.member),
      "facilitator of this team": () => as(home.facilitator),
      admin: () => as(admin),
    })[role]();

  it.each(roles)("%s", async (role) => {
    const caller = callerFor(role);
    expect({
      dashboard: await outcome(caller.dashboard.team({ teamId: home.team.id })),
      endedSummary: await outcome(caller.summary.byId({ sessionId: first.id })),
      liveSummary: await outcome(caller.summary.byId({ sessionId: second.id })),
    }).toEqual({
      dashboard: expected[role],
      endedSummary: expected[role],
      liveSummary: expected[role],
    });
  });

  it("answers an unknown or malformed id like another team's", async () => {
    const member = as(home.member);
    expect(
      await outcome(member.summary.byId({ sessionId: "00000000-0000-4000-8000-000000000000" })),
    ).toBe("NOT_FOUND");
    expect(await outcome(member.summary.byId({ sessionId: other.session.id }))).toBe("NOT_FOUND");
    expect(await outcome(member.dashboard.team({ teamId: other.team.id }))).toBe("NOT_FOUND");
    expect(await outcome(member.summary.byId({ sessionId: "not-a-uuid" }))).toBe("BAD_REQUEST");
  });

  it("reads without writing", async () => {
    const count = async () =>
      (
        await database.db
          .select({ n: sql<number>`count(*)::int` })
          .from(actions)
          .where(inArray(actions.sessionId, [first.id, second.id]))
      )[0]!.n;
    const before = await count();
    await as(home.member).summary.byId({ sessionId: first.id });
    await as(home.member).dashboard.team({ teamId: home.team.id });
    expect(await count()).toBe(before);
  });
});
