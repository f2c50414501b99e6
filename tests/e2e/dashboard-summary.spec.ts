import { readFile } from "node:fs/promises";

import { expect, test, type Browser, type Page } from "@playwright/test";

import { technicalLeadershipSlug } from "../../db/seed/technical-leadership";
import { callApi, signInAsAdmin } from "./support";

/**
 * A session with a revealed maturity round, an adopted practice and a kept action, arranged over
 * the tRPC HTTP API; then what the test is about, in the browser: the team dashboard's charts,
 * the session summary, and its Markdown download.
 */

interface Arranged {
  teamName: string;
  slug: string;
  sessionId: string;
  sessionTitle: string;
  practiceTitle: string;
  actionTitle: string;
}

/** A phone that joins the session through the API, keeping its participant cookie. */
async function guestPhone(browser: Browser, joinCode: string, name: string) {
  const phone = await (await browser.newContext()).newPage();
  await callApi(phone, "participant.join", {
    code: joinCode,
    displayName: name,
    joinKey: `e2e-${name}-${Date.now()}`,
  });
  return phone;
}

async function arrangeSession(browser: Browser, page: Page): Promise<Arranged> {
  const stamp = Date.now().toString(36);
  const teamName = `Dashboard ${stamp}`;
  const team = await callApi<{ id: string; slug: string }>(page, "team.create", {
    name: teamName,
  });
  const essays = await callApi<{ id: string; slug: string }[]>(
    page,
    "content.list",
    undefined,
    "GET",
  );
  const sessionTitle = `Kick-off ${stamp}`;
  const session = await callApi<{ id: string; joinCode: string }>(page, "session.create", {
    teamId: team.id,
    essayId: essays.find((essay) => essay.slug === technicalLeadershipSlug)!.id,
    title: sessionTitle,
    settings: {},
  });
  const sessionId = session.id;
  const details = await callApi<{ content: { practices: { id: string; title: string }[] } }>(
    page,
    "session.byId",
    { sessionId },
    "GET",
  );
  const [first, second] = details.content.practices;
  const phones = [
    await guestPhone(browser, session.joinCode, "Lin"),
    await guestPhone(browser, session.joinCode, "Sam"),
  ];

  await callApi(page, "session.stage", { sessionId, command: { type: "goto", stage: "vote" } });
  const { roundId } = await callApi<{ roundId: string }>(page, "voting.open", {
    sessionId,
    method: "maturity",
    practiceIds: [first!.id, second!.id],
  });
  const ballots = [
    [
      [2, 5],
      [4, 4],
    ],
    [
      [3, 4],
      [4, 5],
    ],
  ];
  for (const [index, phone] of phones.entries()) {
    await callApi(phone, "voting.cast", {
      sessionId,
      roundId,
      submissionId: `e2e-ballot-${index}-${stamp}`,
      marks: [first!, second!].map((practice, p) => ({
        practiceId: practice.id,
        points: ballots[index]![p]![0],
        importance: ballots[index]![p]![1],
      })),
    });
  }
  await callApi(page, "voting.close", { sessionId, roundId });
  await callApi(page, "voting.reveal", { sessionId, roundId });
  await callApi(page, "voting.adopt", { sessionId, practiceId: first!.id, adopted: true });
  await callApi(page, "session.stage", { sessionId, command: { type: "goto", stage: "actions" } });
  const members = await callApi<{ userId: string }[]>(
    page,
    "team.members",
    { teamId: team.id },
    "GET",
  );
  const actionTitle = `Review every change within a day ${stamp}`;
  await callApi(page, "action.create", {
    sessionId,
    practiceId: first!.id,
    title: actionTitle,
    ownerId: members[0]!.userId,
    dueOn: "2099-12-31",
  });
  await callApi(page, "session.end", { sessionId });
  for (const phone of phones) await phone.context().close();
  return {
    teamName,
    slug: team.slug,
    sessionId,
    sessionTitle,
    practiceTitle: first!.title,
    actionTitle,
  };
}

test("the team dashboard charts a session's results and its summary prints and downloads", async ({
  browser,
  page,
}) => {
  test.setTimeout(90_000);
  await signInAsAdmin(page);
  const arranged = await arrangeSession(browser, page);

  // The dashboard comes first on the team page, with data in both charts.
  await page.goto(`/teams/${arranged.slug}`);
  await expect(page.getByRole("heading", { level: 1, name: arranged.teamName })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Action follow-through" })).toBeVisible();
  await expect(
    page.getByRole("img", { name: /Follow-through of 1 agreed actions: .*open 1/ }),
  ).toBeVisible();
  const followThrough = page.getByRole("table", { name: "Agreed actions by how they went" });
  await expect(followThrough.getByRole("row", { name: /Open/ })).toContainText("1");

  await expect(page.getByRole("heading", { name: "Maturity over time" })).toBeVisible();
  const trend = page.getByRole("img", {
    name: new RegExp(`^${escapeRegExp(arranged.practiceTitle)}, rated from 1 to 5 in one session`),
  });
  await expect(trend).toBeVisible();
  await expect(trend).toHaveAccessibleName(/Today: 2\.5\. Importance: 4\.5\. Adopted in/);
  await page.getByText("Show as table").click();
  await expect(
    page.getByRole("row", { name: new RegExp(escapeRegExp(arranged.practiceTitle)) }).first(),
  ).toContainText("2.5");

  await expect(page.getByRole("heading", { name: "Practices adopted" })).toBeVisible();
  await expect(page.getByRole("list", { name: /Practices adopted/ })).toContainText(
    arranged.practiceTitle,
  );

  // The team's list of sessions leads to the summary.
  await page
    .getByRole("list", { name: "Sessions" })
    .getByRole("link", { name: `Summary of ${arranged.sessionTitle}` })
    .click();
  await expect(page).toHaveURL(`/sessions/${arranged.sessionId}/summary`);
  await expect(page.getByRole("heading", { level: 1, name: arranged.sessionTitle })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Round 1 · Maturity rating" })).toBeVisible();
  await expect(
    page.getByRole("listitem").filter({ hasText: arranged.practiceTitle }).first(),
  ).toContainText("Adopted");
  await expect(page.getByRole("region", { name: "Adopted practices" })).toContainText(
    arranged.practiceTitle,
  );
  const actionsList = page.getByRole("list", { name: "Actions agreed" });
  await expect(actionsList).toContainText(arranged.actionTitle);
  await expect(actionsList).toContainText("Ada Admin");
  await expect(actionsList).toContainText("To do");
  await expect(page.getByRole("button", { name: "Print" })).toBeVisible();

  // The Markdown downloads as a file.
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download Markdown" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(
    /^kick-off-[a-z0-9]+-\d{4}-\d{2}-\d{2}-summary\.md$/,
  );
  const markdown = await readFile(await download.path(), "utf8");
  expect(markdown.startsWith(`# ${arranged.sessionTitle}\n`)).toBe(true);
  expect(markdown).toContain("### Round 1 · Maturity rating · 2 ballots");
  expect(markdown).toContain(`| ${arranged.actionTitle} | Ada Admin | 2099-12-31 |`);

  // A session that isn't the team's (or doesn't exist) is not found, page and download alike.
  const unknown = "00000000-0000-4000-8000-000000000000";
  expect((await page.request.get(`/sessions/${unknown}/summary/markdown`)).status()).toBe(404);
  expect((await page.goto(`/sessions/${unknown}/summary`))?.status()).toBe(404);

  // Signed out, the download sends to sign in first.
  const stranger = await browser.newContext();
  const response = await stranger.request.get(`/sessions/${arranged.sessionId}/summary/markdown`, {
    maxRedirects: 0,
  });
  expect(response.status()).toBe(303);
  expect(response.headers().location).toContain("/sign-in?next=");
  await stranger.close();
});

function escapeRegExp(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
