import { randomUUID } from "node:crypto";

import { asc, eq, inArray } from "drizzle-orm";

import type { Database } from "~/db";
import {
  essays,
  installFlags,
  practiceVersions,
  sessions,
  teamMemberships,
  teams,
  users,
} from "~/db/schema";
import { seedContent } from "~/db/seed";
import { technicalLeadershipSlug } from "~/db/seed/technical-leadership";
import { createCaller } from "~/server/api/root";
import { hashPassword } from "~/server/auth/password";
import type { CurrentUser } from "~/server/auth/current-user";
import type { EventBus } from "~/server/realtime/bus";
import { createInProcessBus } from "~/server/realtime/in-process-bus";
import { formatJoinCode } from "~/server/sessions/join-code";

import { createUser, testContext, testCookieSecret } from "./callers";
import { defaultSettings } from "./fixtures";

/**
 * One small install with something of everything, for tests that try every kind of caller against
 * every door (tests/integration/access-matrix.test.ts; the pages and hostile-input tests may
 * reuse it). Built through the real procedures where it can, so the rows are the ones the app
 * itself writes.
 *
 * - "home" (this team): a facilitator, a member, and an owner (a member who owns action A and
 *   joined the live session from a phone while signed in);
 * - "away" (another team): a facilitator and a member;
 * - an admin, an outsider (a signed-in member of no team), and a deactivated account;
 * - home's earlier session, ended, that kept action A (to do, owned by the owner, due soon);
 * - home's live session in the lobby, joined by a guest (the "guest of this session"), by the
 *   owner, and by a writer whose note and whose participant the facilitator may hide or remove;
 * - away's live session, joined by its own guest (a "participant of another session");
 * - an open invite to home, an open sign-up link, the owner's calendar feed, a second workshop
 *   that is archived, and a saved (unpublished) change to the seeded workshop's draft;
 * - setup complete (the admin exists), as on any running install.
 */

export interface AccessWorldOptions {
  /** Signs the participant cookies; a running server needs its own AUTH_SECRET here. */
  cookieSecret?: string;
  bus?: EventBus;
  /** When given, every account gets this password, so a browser can sign in as it. */
  password?: string;
  /** Prefix of the teams' slugs, so that several worlds can share one database. */
  slugPrefix?: string;
}

export interface WorldParticipant {
  id: string;
  /** `name=value` of the signed participant cookie, ready for a Cookie header. */
  cookie: string;
}

export type AccessWorld = Awaited<ReturnType<typeof buildAccessWorld>>;

export async function buildAccessWorld(db: Database, options: AccessWorldOptions = {}) {
  const cookieSecret = options.cookieSecret ?? testCookieSecret;
  const bus = options.bus ?? createInProcessBus();
  const prefix = options.slugPrefix ?? "access";
  const as = (user: CurrentUser | null, cookie?: string) => {
    const context = { ...testContext(db, user, { cookie, bus }), cookieSecret };
    return { caller: createCaller(context), context };
  };

  await seedContent(db);
  const [essay] = await db
    .select({ id: essays.id })
    .from(essays)
    .where(eq(essays.slug, technicalLeadershipSlug));

  const admin = await createUser(db, "admin", `${prefix}-admin`);
  // The first admin exists, so the install is set up (setup.createAdmin is closed).
  await db.insert(installFlags).values({ key: "setup-complete" }).onConflictDoNothing();
  const outsider = await createUser(db, "member", `${prefix}-outsider`);
  const home = await team(db, `${prefix}-home`);
  const owner = await createUser(db, "member", `${prefix}-home-owner`);
  await db
    .insert(teamMemberships)
    .values({ teamId: home.team.id, userId: owner.id, role: "member" });
  const away = await team(db, `${prefix}-away`);

  const asHome = as(home.facilitator).caller;
  const newSession = (title: string) =>
    asHome.session.create({
      teamId: home.team.id,
      essayId: essay!.id,
      title,
      settings: defaultSettings,
    });

  // The earlier session keeps action A, which the live session's review then lists.
  const earlier = await newSession("Earlier session");
  const goto = (sessionId: string, stage: "results" | "actions" | "discuss" | "lobby") =>
    asHome.session.stage({ sessionId, command: { type: "goto", stage } });
  await goto(earlier.id, "results");
  const practices = await pinnedPracticesOf(db, earlier.id);
  await asHome.voting.adopt({ sessionId: earlier.id, practiceId: practices[0]!, adopted: true });
  await goto(earlier.id, "actions");
  const actionA = await asHome.action.create({
    sessionId: earlier.id,
    practiceId: practices[0]!,
    title: "Pair on every release",
    ownerId: owner.id,
    dueOn: "2026-12-15",
  });
  await asHome.session.end({ sessionId: earlier.id });

  const live = await newSession("Live session");
  const join = async (code: string, name: string, user: CurrentUser | null = null) => {
    const { caller, context } = as(user);
    const joined = await caller.participant.join({
      code: formatJoinCode(code),
      displayName: name,
      joinKey: randomUUID(),
    });
    const cookie = context.responseHeaders.get("set-cookie")!.split(";")[0]!;
    return { id: joined.participantId, cookie } satisfies WorldParticipant;
  };
  const guest = await join(live.joinCode, "Guest of this session");
  const ownerPhone = await join(live.joinCode, "Owner's phone", owner);
  const writer = await join(live.joinCode, "Writer");
  await goto(live.id, "discuss");
  const note = await as(null, writer.cookie).caller.participant.addNote({
    sessionId: live.id,
    practiceId: practices[1]!,
    body: "We review each other's configs",
    anonymous: false,
  });
  await goto(live.id, "lobby");

  const awaySession = await as(away.facilitator).caller.session.create({
    teamId: away.team.id,
    essayId: essay!.id,
    title: "Away's session",
    settings: defaultSettings,
  });
  const awayGuest = await join(awaySession.joinCode, "Guest of another session");

  const invite = await asHome.team.createInvite({ teamId: home.team.id, teamRole: "member" });
  const asAdmin = as(admin).caller;
  // A deactivated account, for the admin's reactivate (and nobody else's).
  const retired = await createUser(db, "member", `${prefix}-retired`);
  await asAdmin.adminUsers.deactivate({ userId: retired.id });
  const signUpLink = await asAdmin.adminUsers.createInvite({ role: "member" });
  const feed = await as(owner).caller.calendar.create({ teamId: home.team.id });

  const archived = await asAdmin.adminContent.create({ title: "Retired workshop" });
  await asAdmin.adminContent.archive({ essayId: archived.id });
  const editing = await asAdmin.adminContent.byId({ essayId: essay!.id });
  const draft = { ...editing.draft, title: `${editing.draft.title} (revised)` };
  const saved = await asAdmin.adminContent.saveDraft({
    essayId: essay!.id,
    expectedDraftUpdatedAt: editing.draftUpdatedAt,
    draft,
  });
  const [version] = (await asAdmin.adminContent.versions({ essayId: essay!.id })).versions;

  const worldUsers = {
    admin,
    outsider,
    homeFacilitator: home.facilitator,
    homeMember: home.member,
    owner,
    awayFacilitator: away.facilitator,
    awayMember: away.member,
  };
  if (options.password) {
    const passwordHash = await hashPassword(options.password);
    const ids = Object.values(worldUsers).map((user) => user.id);
    await db.update(users).set({ passwordHash }).where(inArray(users.id, ids));
  }

  return {
    users: worldUsers,
    /** Deactivated by the admin; not a caller. */
    retiredUserId: retired.id,
    home: { team: home.team, earlierSessionId: earlier.id, liveSession: live },
    away: { team: away.team, session: awaySession },
    participants: { guest, ownerPhone, writer, awayGuest },
    practices,
    /** Kept in the earlier session: to do, owned by the owner, open for the live session's review. */
    actionId: actionA.id,
    noteId: note.id,
    invite: { id: invite.id, token: invite.path.split("/").pop()!, path: invite.path },
    signUpLink: { id: signUpLink.id, path: signUpLink.path },
    calendarFeedUrl: feed.url,
    content: {
      essayId: essay!.id,
      essaySlug: technicalLeadershipSlug,
      versionId: version!.id,
      /** The seeded workshop's saved draft, which differs from its published version. */
      draft,
      draftUpdatedAt: saved.draftUpdatedAt,
      archivedEssayId: archived.id,
    },
  };
}

/** The practices a session pinned, in the essay's order. */
async function pinnedPracticesOf(db: Database, sessionId: string) {
  const rows = await db
    .select({ id: practiceVersions.practiceId })
    .from(practiceVersions)
    .innerJoin(sessions, eq(sessions.essayVersionId, practiceVersions.versionId))
    .where(eq(sessions.id, sessionId))
    .orderBy(asc(practiceVersions.position));
  return rows.map((row) => row.id);
}

/** A team with a facilitator and a member. */
async function team(db: Database, slug: string) {
  const [row] = await db
    .insert(teams)
    .values({ slug, name: `Team ${slug}` })
    .returning();
  const facilitator = await createUser(db, "facilitator", `${slug}-facilitator`);
  const member = await createUser(db, "member", `${slug}-member`);
  await db.insert(teamMemberships).values([
    { teamId: row!.id, userId: facilitator.id, role: "facilitator" },
    { teamId: row!.id, userId: member.id, role: "member" },
  ]);
  return { team: row!, facilitator, member };
}
