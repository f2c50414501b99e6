import "server-only";

import { randomBytes, randomUUID } from "node:crypto";

import { asc, eq } from "drizzle-orm";

import type { Database } from "~/db";
import { essays, practiceVersions, sessions, teams, users, type SessionStage } from "~/db/schema";
import { seedContent } from "~/db/seed";

import { boardActions, moveAction } from "../actions/board";
import { createCaller } from "../api/root";
import type { Context } from "../api/trpc";
import type { CurrentUser } from "../auth/current-user";
import { hashPassword } from "../auth/password";
import { defaultRateLimitSettings } from "../rate-limit";
import { createInProcessBus } from "../realtime/in-process-bus";
import { loadRoomSnapshot } from "../sessions/snapshot";
import { backdateBoardWork } from "./board-week";
import { shiftAuditBack, shiftSessionBack } from "./shift-time";

/**
 * A lived-in team for trying Practica out and for screenshots: two workshops a week apart, with
 * discussion notes and upvotes, votes, adopted practices, actions in every column and a review
 * in between. Everything goes
 * through the real router (so every rule applies); only the clock is wound back afterwards.
 */
export const demoTeamSlug = "platform-team";
export const demoPassword = "practica demo password";
export const demoPeople = [
  { name: "Grace Okafor", email: "grace@demo.practica.test", role: "facilitator" },
  { name: "Linus Berg", email: "linus@demo.practica.test", role: "member" },
  { name: "Mei Tanaka", email: "mei@demo.practica.test", role: "member" },
  { name: "Sam Rivera", email: "sam@demo.practica.test", role: "member" },
] as const;
/**
 * The admin who set the team up. Made directly (like a first admin), then everything they do goes
 * through the admin routes, so the audit log shows what a real admin's first day looks like. The
 * install's setup stays open: it is claimed by its own flag, not by the first admin account.
 */
export const demoAdmin = {
  name: "Priya Nair",
  email: "priya@demo.practica.test",
  role: "admin",
} as const;
const guestNames = ["Ana", "Ben", "Chen", "Dara", "Eli", "Femi"];

/** A note written in the discussion: by which guest, on which practice (null: the essay). */
interface DemoNote {
  author: number;
  practice: number | null;
  body: string;
  anonymous?: boolean;
  /** The guests who upvoted it (never its author). */
  upvotedBy: number[];
}

function contextFor(db: Database, user: CurrentUser | null, cookie?: string): Context {
  const headers = new Headers();
  if (cookie) headers.set("cookie", cookie);
  return {
    db,
    bus: createInProcessBus(),
    user,
    headers,
    responseHeaders: new Headers(),
    cookieSecret: randomBytes(32).toString("hex"),
    publicUrl: "http://localhost:3000",
    rateLimits: defaultRateLimitSettings,
  };
}

/**
 * The admin, then the people, the way an admin would set them up: accounts made in admin (Grace
 * first as a member, then made a facilitator). Each step writes its audit entry through the same
 * code as the admin pages.
 */
async function createPeople(db: Database) {
  const [admin] = await db
    .insert(users)
    .values({ ...demoAdmin, passwordHash: await hashPassword(demoPassword) })
    .returning({ id: users.id, email: users.email, name: users.name, role: users.role });
  const asAdmin = createCaller(contextFor(db, admin!));
  const people: CurrentUser[] = [];
  for (const person of demoPeople) {
    const created = await asAdmin.adminUsers.create({
      name: person.name,
      email: person.email,
      // The facilitator starts as a member and is promoted below, as happens in real teams.
      role: "member",
      password: demoPassword,
    });
    if (person.role !== created.role) {
      await asAdmin.adminUsers.changeRole({ userId: created.id, role: person.role });
    }
    people.push({ ...created, role: person.role });
  }
  return {
    adminId: admin!.id,
    admin: asAdmin,
    people: people as [CurrentUser, CurrentUser, CurrentUser, CurrentUser],
  };
}

/** Runs one workshop through its stages; returns what later steps need. */
async function holdWorkshop(
  db: Database,
  facilitator: CurrentUser,
  teamId: string,
  plan: {
    title: string;
    /** When the workshop is dated (its due dates count from then). */
    heldDaysAgo: number;
    guests: number;
    /** "How well today" per practice (by essay position) for each guest, 1–5. */
    today: (guest: number, practice: number) => number;
    adopt: number[];
    actions: { practice: number; title: string; ownerIndex: number | null; dueInDays: number }[];
    /** What the room wrote while it discussed the essay, with the upvotes each note got. */
    notes: DemoNote[];
    review?: (title: string) => "done" | "carried" | "dropped";
    people: CurrentUser[];
  },
) {
  const cookieSecret = randomBytes(32).toString("hex");
  const context = (user: CurrentUser | null, cookie?: string) => ({
    ...contextFor(db, user, cookie),
    cookieSecret,
  });
  const host = createCaller(context(facilitator));
  const [essay] = await db.select({ id: essays.id }).from(essays).limit(1);
  const session = await host.session.create({
    teamId,
    essayId: essay!.id,
    title: plan.title,
    settings: { votingMethod: "maturity", dots: 3, maxDotsPerPractice: 2, anonymousNotes: true },
  });
  const sessionId = session.id;
  const [pinned] = await db
    .select({ versionId: sessions.essayVersionId })
    .from(sessions)
    .where(eq(sessions.id, sessionId));
  const practices = (
    await db
      .select({ id: practiceVersions.practiceId })
      .from(practiceVersions)
      .where(eq(practiceVersions.versionId, pinned!.versionId))
      .orderBy(asc(practiceVersions.position))
  ).map((row) => row.id);

  const guests = [];
  for (const name of guestNames.slice(0, plan.guests)) {
    const ctx = context(null);
    await createCaller(ctx).participant.join({
      code: session.joinCode,
      displayName: name,
      joinKey: randomUUID(),
    });
    const cookie = ctx.responseHeaders.get("set-cookie")!.split(";")[0]!;
    guests.push(createCaller(context(null, cookie)));
  }
  const goto = (stage: Exclude<SessionStage, "lobby">) =>
    host.session.stage({ sessionId, command: { type: "goto", stage } });

  if (plan.review) {
    await goto("review");
    const { snapshot } = await loadRoomSnapshot(db, sessionId);
    for (const item of snapshot.review) {
      await host.action.review({ sessionId, actionId: item.id, outcome: plan.review(item.title) });
    }
  }
  await goto("discuss");
  for (const note of plan.notes) {
    const { id: noteId } = await guests[note.author]!.participant.addNote({
      sessionId,
      practiceId: note.practice === null ? null : practices[note.practice]!,
      body: note.body,
      anonymous: note.anonymous ?? false,
    });
    for (const voter of note.upvotedBy) {
      await guests[voter]!.participant.upvote({ sessionId, noteId, up: true });
    }
  }
  await goto("vote");
  const maturity = await host.voting.open({
    sessionId,
    method: "maturity",
    dots: 3,
    maxDotsPerPractice: 2,
    practiceIds: null,
  });
  for (const [g, guest] of guests.entries()) {
    await guest.voting.cast({
      sessionId,
      roundId: maturity.roundId,
      submissionId: randomUUID(),
      marks: practices.map((practiceId, p) => ({
        practiceId,
        points: plan.today(g, p),
        importance: Math.min(5, 3 + ((g + p) % 3)),
      })),
    });
  }
  await host.voting.reveal({ sessionId, roundId: maturity.roundId });
  for (const p of plan.adopt) {
    await host.voting.adopt({ sessionId, practiceId: practices[p]!, adopted: true });
  }
  await goto("actions");
  const heldAt = Date.now() - plan.heldDaysAgo * 86_400_000;
  for (const [i, action] of plan.actions.entries()) {
    const proposer = guests[i % guests.length]!;
    const { id } = await proposer.action.propose({
      sessionId,
      practiceId: practices[action.practice]!,
      title: action.title,
    });
    const owner = action.ownerIndex === null ? null : plan.people[action.ownerIndex]!.id;
    const due = new Date(heldAt + action.dueInDays * 86_400_000).toISOString().slice(0, 10);
    await host.action.update({
      sessionId,
      actionId: id,
      patch: { status: "todo", ownerId: owner, dueOn: due },
    });
  }
  // One proposal the room decided against, so the summary shows what was dropped.
  const { id: dropped } = await guests[0]!.action.propose({
    sessionId,
    practiceId: practices[plan.adopt[0]!]!,
    title: "Rewrite everything in a new language",
  });
  await host.action.update({ sessionId, actionId: dropped, patch: { status: "dropped" } });
  await goto("wrapup");
  await host.session.end({ sessionId });
  await shiftSessionBack(db, sessionId, plan.heldDaysAgo);
  return { sessionId, practices };
}

/** Seeds the demo team unless it exists. Returns whether it was created. */
export async function seedDemoTeam(db: Database): Promise<{ created: boolean }> {
  const [existing] = await db.select().from(teams).where(eq(teams.slug, demoTeamSlug));
  if (existing) return { created: false };
  await seedContent(db);
  const { adminId, admin, people } = await createPeople(db);
  const [grace] = people;
  // Grace starts the team (she becomes its facilitator); the admin adds the others to it.
  const team = await createCaller(contextFor(db, grace)).team.create({ name: "Platform team" });
  for (const person of people.slice(1)) {
    await admin.adminTeams.addMember({ teamId: team.id, email: person.email, role: "member" });
  }

  // Week one: the team rates itself, adopts two practices, and agrees five actions.
  const first = await holdWorkshop(db, grace, team.id, {
    title: "Engineering practices, part 1",
    heldDaysAgo: 8,
    guests: 6,
    today: (g, p) => 1 + ((g + p * 2) % 3),
    adopt: [0, 1],
    actions: [
      {
        practice: 0,
        title: "Add a pre-merge checklist for risky changes",
        ownerIndex: 1,
        dueInDays: 3,
      },
      { practice: 0, title: "Track escaped defects per release", ownerIndex: 2, dueInDays: 5 },
      {
        practice: 1,
        title: "Pair on one review a week, rotating pairs",
        ownerIndex: 3,
        dueInDays: 7,
      },
      { practice: 1, title: "Write review guidelines, with examples", ownerIndex: 0, dueInDays: 4 },
      {
        practice: 1,
        title: "Try 24-hour review turnaround for a month",
        ownerIndex: 1,
        dueInDays: 14,
      },
    ],
    notes: [
      {
        author: 0,
        practice: 0,
        body: "Most of last quarter's incidents came from config changes nobody reviewed.",
        upvotedBy: [1, 2, 3, 4],
      },
      {
        author: 1,
        practice: 0,
        body: "We don't write down what went wrong after an incident, so we repeat it.",
        anonymous: true,
        upvotedBy: [0, 5],
      },
      {
        author: 2,
        practice: 1,
        body: "Reviews sit for two or three days; by then the author has moved on to something else.",
        upvotedBy: [0, 1, 3, 4, 5],
      },
      {
        author: 3,
        practice: 1,
        body: "Review comments are mostly style nits. Nobody asks about the design.",
        upvotedBy: [2, 4],
      },
      {
        author: 4,
        practice: 2,
        body: "Checkout fell over at the last sale peak. We have never load-tested it.",
        upvotedBy: [0, 5],
      },
      {
        author: 5,
        practice: 4,
        body: "New joiners learn by guessing. Pairing once a week would help a lot.",
        anonymous: true,
        upvotedBy: [1, 3],
      },
      {
        author: 0,
        practice: 5,
        body: "We agreed on branch names twice and nobody follows them. A CI check would.",
        upvotedBy: [4],
      },
      {
        author: 2,
        practice: 6,
        body: "The search migration has been 90% done since spring.",
        upvotedBy: [0, 1, 4],
      },
      {
        author: 1,
        practice: null,
        body: "Technical leadership here means the one person everyone asks. That doesn't scale.",
        upvotedBy: [2, 3, 5],
      },
    ],
    people,
  });

  // The week between: the board moves (recorded as its owners, then dated to the week).
  const board = await boardActions(db, team.id, { sessionId: first.sessionId });
  const byTitle = (start: string) => board.find((a) => a.title.startsWith(start))!;
  const move = (start: string, status: "doing" | "done") => {
    const action = byTitle(start);
    return moveAction(db, team.id, { userId: action.ownerId ?? grace.id }, action.id, status);
  };
  await move("Add a pre-merge", "done");
  await move("Write review guidelines", "doing");
  await move("Write review guidelines", "done");
  await move("Track escaped", "doing");
  await move("Pair on one review", "doing");
  await backdateBoardWork(
    db,
    {
      // Done two days in (on time) and six days in (two days late).
      [byTitle("Add a pre-merge").id]: 2,
      [byTitle("Write review guidelines").id]: 6,
      [byTitle("Track escaped").id]: 1,
      [byTitle("Pair on one review").id]: 3,
    },
    8,
  );

  // Week two: review, rate again (the adopted practices improved), adopt one more.
  await holdWorkshop(db, grace, team.id, {
    title: "Engineering practices, part 2",
    heldDaysAgo: 1,
    guests: 5,
    today: (g, p) => (p < 2 ? 3 + (g % 2) : 1 + ((g + p * 2) % 3)),
    adopt: [2],
    actions: [
      {
        practice: 2,
        title: "Load-test the checkout service before peak",
        ownerIndex: 2,
        dueInDays: 10,
      },
      {
        practice: 2,
        title: "Add a circuit breaker to the payments client",
        ownerIndex: 3,
        dueInDays: 6,
      },
    ],
    notes: [
      {
        author: 0,
        practice: 1,
        body: "Rotating review pairs works: I've now seen parts of the code I'd never opened.",
        upvotedBy: [1, 2, 3],
      },
      {
        author: 3,
        practice: 0,
        body: "The pre-merge checklist caught a missing migration last week.",
        upvotedBy: [0, 4],
      },
      {
        author: 1,
        practice: 2,
        body: "We still don't know how much traffic the payments service can take.",
        upvotedBy: [0, 2, 3, 4],
      },
      {
        author: 2,
        practice: 2,
        body: "Retries without backoff turned one slow dependency into an outage.",
        anonymous: true,
        upvotedBy: [1, 4],
      },
      {
        author: 3,
        practice: 3,
        body: "Circuit breakers are standard practice; let's stop hand-rolling timeouts.",
        upvotedBy: [1],
      },
      {
        author: 4,
        practice: 7,
        body: "Our capacity estimates are a guess in a spreadsheet nobody checks.",
        upvotedBy: [3],
      },
      {
        author: 0,
        practice: null,
        body: "Rating ourselves again made the progress visible. Let's keep doing it.",
        upvotedBy: [1, 2, 4],
      },
    ],
    review: (title) =>
      title.startsWith("Track escaped")
        ? "dropped"
        : title.startsWith("Pair on")
          ? "carried"
          : "done",
    people,
  });

  // The admin set the team up the day before its first workshop; today they send a sign-up link
  // to the next hire, so the audit log has something recent too.
  await shiftAuditBack(db, adminId, 9);
  await admin.adminUsers.createInvite({ role: "member", expiresInDays: 7 });
  return { created: true };
}
