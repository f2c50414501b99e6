import { expect, type Browser, type BrowserContext, type Page } from "@playwright/test";

import { technicalLeadershipSlug } from "../../db/seed/technical-leadership";
import { admin as theAdmin, callApi, signInAsAdmin } from "./support";

/**
 * The people of the access matrix, each relative to "this" team and its live session: one of
 * everything that may or may not see them, and the same on another team.
 */
export const callers = [
  "anonymous",
  "guestHere",
  "guestElsewhere",
  "memberHere",
  "memberElsewhere",
  "facilitatorHere",
  "facilitatorElsewhere",
  "admin",
] as const;
export type Caller = (typeof callers)[number];

/** A team with a live session (at the actions stage), its guest, its people and a kept action. */
export interface Side {
  teamId: string;
  teamSlug: string;
  teamName: string;
  sessionId: string;
  sessionTitle: string;
  joinCode: string;
  actionTitle: string;
  guestName: string;
  memberName: string;
  facilitatorName: string;
}

export interface World {
  here: Side;
  elsewhere: Side;
  essay: { id: string; slug: string; title: string };
  contexts: Record<Caller, BrowserContext>;
  /** The name a signed-in caller is greeted with on /home. */
  accountNames: Partial<Record<Caller, string>>;
}

/**
 * Every string of a side that says something about its team: a page shown to someone who may
 * not see the team must contain none of them. Each is unique to this run.
 */
export const teamData = (side: Side) => [
  side.teamName,
  side.teamSlug,
  side.teamId,
  side.sessionTitle,
  side.sessionId,
  side.actionTitle,
  side.guestName,
  side.memberName,
  side.facilitatorName,
];

const password = "a long enough password";

async function signIn(context: BrowserContext, email: string, name: string) {
  const page = await context.newPage();
  await page.goto("/sign-in");
  const form = page.getByRole("main");
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Password").fill(password);
  await form.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Hello, ${name}` })).toBeVisible();
  await page.close();
}

/** A phone that joins on /join/CODE as a person would, keeping its participant cookie. */
async function joinAsGuest(context: BrowserContext, joinCode: string, name: string) {
  const phone = await context.newPage();
  await phone.goto(`/join/${joinCode}`);
  await phone.getByLabel("Your name").fill(name);
  await phone.getByRole("button", { name: "Join the session" }).click();
  await expect(phone.getByRole("heading", { name: `You're in, ${name}` })).toBeVisible();
  return phone;
}

/**
 * A team whose live session has a guest, a revealed vote, an adopted practice and a kept action,
 * plus a member and a facilitator who sign in. Arranged over the API by the admin.
 */
async function arrangeSide(
  admin: Page,
  browser: Browser,
  essayId: string,
  label: string,
  stamp: string,
): Promise<{
  side: Side;
  guest: BrowserContext;
  member: BrowserContext;
  facilitator: BrowserContext;
}> {
  const team = await callApi<{ id: string; slug: string; name: string }>(admin, "team.create", {
    name: `${label} crew ${stamp}`,
  });
  const sessionTitle = `${label} retro ${stamp}`;
  const session = await callApi<{ id: string; joinCode: string }>(admin, "session.create", {
    teamId: team.id,
    essayId,
    title: sessionTitle,
    settings: {},
  });
  const sessionId = session.id;
  const details = await callApi<{ content: { practices: { id: string }[] } }>(
    admin,
    "session.byId",
    { sessionId },
    "GET",
  );
  const practiceId = details.content.practices[0]!.id;

  const guest = await browser.newContext();
  const guestName = `${label} guest ${stamp}`;
  const phone = await joinAsGuest(guest, session.joinCode, guestName);

  const stage = (to: string) =>
    callApi(admin, "session.stage", { sessionId, command: { type: "goto", stage: to } });
  await stage("vote");
  const { roundId } = await callApi<{ roundId: string }>(admin, "voting.open", {
    sessionId,
    method: "dots",
    dots: 3,
    maxDotsPerPractice: 2,
  });
  await callApi(phone, "voting.cast", {
    sessionId,
    roundId,
    submissionId: `ballot-${label}-${stamp}`,
    marks: [{ practiceId, points: 2 }],
  });
  await phone.close();
  await callApi(admin, "voting.close", { sessionId, roundId });
  await callApi(admin, "voting.reveal", { sessionId, roundId });
  await callApi(admin, "voting.adopt", { sessionId, practiceId, adopted: true });
  await stage("actions");
  const actionTitle = `${label} action ${stamp}`;
  await callApi(admin, "action.create", { sessionId, practiceId, title: actionTitle });

  const people = {
    member: { name: `${label} member ${stamp}`, role: "member" },
    facilitator: { name: `${label} facilitator ${stamp}`, role: "facilitator" },
  } as const;
  const contexts: Record<string, BrowserContext> = {};
  for (const [key, person] of Object.entries(people)) {
    const email = `${label.toLowerCase()}-${key}-${stamp}@example.test`;
    await callApi(admin, "adminUsers.create", {
      name: person.name,
      email,
      role: person.role,
      password,
    });
    await callApi(admin, "adminTeams.addMember", { teamId: team.id, email, role: person.role });
    contexts[key] = await browser.newContext();
    await signIn(contexts[key], email, person.name);
  }

  return {
    side: {
      teamId: team.id,
      teamSlug: team.slug,
      teamName: team.name,
      sessionId,
      sessionTitle,
      joinCode: session.joinCode,
      actionTitle,
      guestName,
      memberName: people.member.name,
      facilitatorName: people.facilitator.name,
    },
    guest,
    member: contexts.member!,
    facilitator: contexts.facilitator!,
  };
}

export async function arrangeWorld(browser: Browser): Promise<World> {
  const stamp = Date.now().toString(36);
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signInAsAdmin(admin);
  const essays = await callApi<{ id: string; slug: string; title: string }[]>(
    admin,
    "content.list",
    undefined,
    "GET",
  );
  const essay = essays.find((candidate) => candidate.slug === technicalLeadershipSlug)!;
  // Names no page contains by chance, so finding one in a page means it leaked.
  const here = await arrangeSide(admin, browser, essay.id, "Quokka", stamp);
  const elsewhere = await arrangeSide(admin, browser, essay.id, "Narwhal", stamp);
  await admin.close();

  return {
    here: here.side,
    elsewhere: elsewhere.side,
    essay,
    contexts: {
      anonymous: await browser.newContext(),
      guestHere: here.guest,
      guestElsewhere: elsewhere.guest,
      memberHere: here.member,
      memberElsewhere: elsewhere.member,
      facilitatorHere: here.facilitator,
      facilitatorElsewhere: elsewhere.facilitator,
      admin: adminContext,
    },
    accountNames: {
      memberHere: here.side.memberName,
      memberElsewhere: elsewhere.side.memberName,
      facilitatorHere: here.side.facilitatorName,
      facilitatorElsewhere: elsewhere.side.facilitatorName,
      admin: theAdmin.name,
    },
  };
}
