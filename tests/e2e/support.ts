import { expect, type Browser, type Page } from "@playwright/test";

import { technicalLeadershipSlug } from "../../db/seed/technical-leadership";

/** The admin that the "install" project (setup-and-sign-in.spec.ts) creates first. */
export const admin = {
  name: "Ada Admin",
  email: "ada@example.test",
  password: "correct horse battery staple",
};

export async function signInAsAdmin(page: Page) {
  await page.goto("/sign-in");
  const form = page.getByRole("main");
  await form.getByLabel("Email").fill(admin.email);
  await form.getByLabel("Password").fill(admin.password);
  await form.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Hello, ${admin.name}` })).toBeVisible();
}

/**
 * Calls a tRPC procedure over HTTP from the page (so with its cookies): for arranging data a
 * test is not about. What the test is about, it does through the UI.
 */
export async function callApi<T>(
  page: Page,
  path: string,
  input: unknown,
  method: "GET" | "POST" = "POST",
) {
  const response =
    method === "POST"
      ? await page.request.post(`/api/trpc/${path}`, { data: { json: input } })
      : await page.request.get(
          `/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`,
        );
  const body = (await response.json()) as { result?: { data: { json: T } }; error?: unknown };
  if (!body.result) throw new Error(`${path} failed: ${JSON.stringify(body.error)}`);
  return body.result.data.json;
}

/**
 * Takes a live session through one dot-voting round to an adopted practice, then to the actions
 * stage, over the API: the facilitator's `page` runs it, the joined `phone` casts the ballot.
 */
export async function adoptThroughOneVote(
  page: Page,
  phone: Page,
  {
    sessionId,
    practiceId,
    submissionId,
  }: { sessionId: string; practiceId: string; submissionId: string },
) {
  const stage = (to: string) =>
    callApi(page, "session.stage", { sessionId, command: { type: "goto", stage: to } });
  await stage("vote");
  const round = await openDotRound(page, sessionId);
  await callApi(phone, "voting.cast", {
    sessionId,
    roundId: round.roundId,
    submissionId,
    marks: [{ practiceId, points: 2 }],
  });
  await callApi(page, "voting.close", { sessionId, roundId: round.roundId });
  await callApi(page, "voting.reveal", { sessionId, roundId: round.roundId });
  await callApi(page, "voting.adopt", { sessionId, practiceId, adopted: true });
  await stage("actions");
}

/** A phone's page in a fresh browser context: 375 × 812 with touch, unless told otherwise. */
export async function openPhone(browser: Browser, viewport = { width: 375, height: 812 }) {
  const context = await browser.newContext({ viewport, isMobile: true, hasTouch: true });
  return context.newPage();
}

/**
 * A new team with a session of the seeded essay, made over the API by the signed-in `page`;
 * with the session's practices in the workshop's order.
 */
export async function newTeamSession(page: Page, { team, title }: { team: string; title: string }) {
  const created = await callApi<{ id: string; slug: string }>(page, "team.create", {
    name: `${team} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`,
  });
  const essays = await callApi<{ id: string; slug: string }[]>(
    page,
    "content.list",
    undefined,
    "GET",
  );
  const essayId = essays.find((essay) => essay.slug === technicalLeadershipSlug)!.id;
  const session = await callApi<{ id: string; joinCode: string }>(page, "session.create", {
    teamId: created.id,
    essayId,
    title,
    settings: {},
  });
  const details = await callApi<{ content: { practices: { id: string; title: string }[] } }>(
    page,
    "session.byId",
    { sessionId: session.id },
    "GET",
  );
  return { team: created, essayId, ...session, practices: details.content.practices };
}

/** Opens a dot-voting round of 3 dots, at most 2 on one practice; its id. */
export async function openDotRound(page: Page, sessionId: string) {
  return callApi<{ roundId: string }>(page, "voting.open", {
    sessionId,
    method: "dots",
    dots: 3,
    maxDotsPerPractice: 2,
  });
}
