import { readFile } from "node:fs/promises";

import { expect, test, type Browser, type Page } from "@playwright/test";

import { technicalLeadershipSlug } from "../../db/seed/technical-leadership";
import { admin, adoptThroughOneVote, callApi, signInAsAdmin } from "./support";

const titles = {
  drag: "Pair on every risky change",
  keyboard: "Add a review checklist",
  // Commas and quotes: the CSV must quote this one and double its quotes.
  quoted: 'Write the "definition of done", then share it',
};

interface Team {
  id: string;
  slug: string;
  name: string;
}

/**
 * A team whose first session ran through the real app up to kept actions: a phone joined, voted,
 * the facilitator adopted a practice, the phone proposed actions and the facilitator kept them
 * with an owner and a due date. Arranged over the API; the board is what the test is about.
 */
async function teamWithActions(page: Page, browser: Browser) {
  const suffix = Date.now().toString(36);
  const team = await callApi<Team>(page, "team.create", { name: `Board ${suffix}` });
  const me = await callApi<{ id: string }>(page, "account.me", undefined, "GET");
  const essays = await callApi<{ id: string; slug: string }[]>(
    page,
    "content.list",
    undefined,
    "GET",
  );
  const session = await callApi<{ id: string; joinCode: string }>(page, "session.create", {
    teamId: team.id,
    essayId: essays.find((essay) => essay.slug === technicalLeadershipSlug)!.id,
    title: "Kick-off",
    settings: {},
  });
  const sessionId = session.id;
  const details = await callApi<{ content: { practices: { id: string; title: string }[] } }>(
    page,
    "session.byId",
    { sessionId },
    "GET",
  );
  const practice = details.content.practices[0]!;

  const phoneContext = await browser.newContext({
    viewport: { width: 375, height: 812 },
    isMobile: true,
    hasTouch: true,
  });
  const phone = await phoneContext.newPage();
  await phone.goto(`/join/${session.joinCode}`);
  await phone.getByLabel("Your name").fill("Lin");
  await phone.getByRole("button", { name: "Join the session" }).click();
  await expect(phone.getByRole("heading", { name: "You're in, Lin" })).toBeVisible();

  await adoptThroughOneVote(page, phone, {
    sessionId,
    practiceId: practice.id,
    submissionId: `ballot-${suffix}`,
  });

  const dueDates = { drag: "2031-03-14", keyboard: "2031-04-01", quoted: "2020-01-10" };
  for (const key of ["drag", "keyboard", "quoted"] as const) {
    const proposal = await callApi<{ id: string }>(phone, "action.propose", {
      sessionId,
      practiceId: practice.id,
      title: titles[key],
    });
    await callApi(page, "action.update", {
      sessionId,
      actionId: proposal.id,
      patch: { status: "todo", ownerId: me.id, dueOn: dueDates[key] },
    });
  }
  await phoneContext.close();
  return { team, practice };
}

async function signIn(page: Page, person: { name: string; email: string; password: string }) {
  await page.goto("/sign-in");
  const form = page.getByRole("main");
  await form.getByLabel("Email").fill(person.email);
  await form.getByLabel("Password").fill(person.password);
  await form.getByRole("button", { name: "Sign in" }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: `Hello, ${person.name}` }),
  ).toBeVisible();
}

const column = (page: Page, name: string) => page.getByRole("region", { name, exact: true });
const card = (page: Page, title: string) => page.getByRole("article", { name: title });

test("actions from a session become board cards that move by mouse and keyboard, live, with history and exports", async ({
  browser,
  page,
}) => {
  test.setTimeout(120_000);
  await signInAsAdmin(page);
  const { team, practice } = await teamWithActions(page, browser);
  const boardUrl = `/teams/${team.slug}/board`;

  // The team page links to the board.
  await page.goto(`/teams/${team.slug}`);
  await page.getByRole("link", { name: "Action board" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Action board" })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`${boardUrl}$`));

  // Each kept action is a card in To do, with its owner, due date, practice and session.
  const todo = column(page, "To do");
  const doing = column(page, "Doing");
  await expect(todo.getByRole("article")).toHaveCount(3);
  const dragCard = card(page, titles.drag);
  await expect(dragCard).toContainText(admin.name);
  await expect(dragCard).toContainText("Mar 14, 2031");
  await expect(dragCard).toContainText(practice.title);
  await expect(dragCard).toContainText("Kick-off");
  await expect(card(page, titles.quoted)).toContainText("Overdue");
  await expect(dragCard).not.toContainText("Overdue");
  await expect(doing).toContainText("Nothing in progress.");

  // A second board, open at the same time, follows every move live.
  const watcher = await page.context().newPage();
  await watcher.goto(boardUrl);
  await expect(watcher.getByRole("status").filter({ hasText: "Live" })).toBeVisible();

  // Drag and drop.
  await dragCard.dragTo(doing);
  await expect(doing.getByRole("article", { name: titles.drag })).toBeVisible();
  await expect(column(watcher, "Doing").getByRole("article", { name: titles.drag })).toBeVisible();

  // Keyboard: arrow right on a focused card; it keeps the focus in its new column.
  const keyboardCard = card(page, titles.keyboard);
  await keyboardCard.focus();
  await page.keyboard.press("ArrowRight");
  await expect(doing.getByRole("article", { name: titles.keyboard })).toBeFocused();
  await expect(page.getByText(`Moved “${titles.keyboard}” to Doing.`)).toBeAttached();
  // …and "Move to…" reaches any column.
  await keyboardCard.getByRole("button", { name: "Move to…" }).press("Enter");
  await keyboardCard.getByRole("button", { name: "Done", exact: true }).press("Enter");
  await expect(column(page, "Done").getByRole("article", { name: titles.keyboard })).toBeFocused();
  await expect(
    column(watcher, "Done").getByRole("article", { name: titles.keyboard }),
  ).toBeVisible();

  // A move the server refuses goes back where it was, with a sentence saying so.
  await page.route("**/api/trpc/board.move**", (route) =>
    route.fulfill({
      status: 403,
      contentType: "application/json",
      body: JSON.stringify([
        {
          error: {
            json: {
              message: "Only the action's owner or the team's facilitators can change it.",
              code: -32003,
              data: { code: "FORBIDDEN", httpStatus: 403 },
            },
          },
        },
      ]),
    }),
  );
  await keyboardCard.press("ArrowRight");
  await expect(page.getByRole("alert").filter({ hasText: "Couldn't move" })).toContainText(
    `Couldn't move “${titles.keyboard}”: Only the action's owner or the team's facilitators can change it. It is back in Done.`,
  );
  await expect(column(page, "Done").getByRole("article", { name: titles.keyboard })).toBeFocused();
  await page.unroute("**/api/trpc/board.move**");

  // Editing the title shows in the card and in the action's history.
  const renamed = "Pair on every risky change, daily";
  await dragCard.getByRole("button", { name: "Edit" }).click();
  const dialog = page.getByRole("dialog", { name: "Edit action" });
  await dialog.getByLabel("Title").fill(renamed);
  await dialog.getByRole("button", { name: "Save changes" }).click();
  await expect(dialog.getByText("Saved.")).toBeVisible();
  const history = dialog.getByRole("list", { name: "Changes, oldest first" });
  await expect(history).toContainText(`changed the title from “${titles.drag}” to “${renamed}”`);
  await expect(history).toContainText(`${admin.name} moved it from To do to Doing`);
  await expect(history).toContainText("Lin proposed it");
  await dialog.getByRole("button", { name: "Close" }).click();
  await expect(card(page, renamed)).toBeVisible();
  await expect(card(watcher, renamed)).toBeVisible();

  // Filters live in the address, so a filtered board can be shared.
  await page.getByLabel("Practice").selectOption({ label: practice.title });
  await expect(page).toHaveURL(new RegExp(`practice=${practice.id}`));
  await page.reload();
  await expect(page.getByLabel("Practice")).toHaveValue(practice.id);
  await expect(page.getByRole("article")).toHaveCount(3);

  // The CSV downloads with a header and correct quoting.
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: /Download CSV/ }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`${team.slug}-actions.csv`);
  const csv = await readFile(await download.path(), "utf8");
  const lines = csv.split("\r\n");
  expect(lines[0]).toBe("Title,Status,Owner,Due,Practice,Session,Created,Completed");
  expect(lines).toContainEqual(
    expect.stringMatching(
      /^"Write the ""definition of done"", then share it",To do,Ada Admin,2020-01-10,/,
    ),
  );
  expect(lines).toContainEqual(
    expect.stringMatching(/^"Pair on every risky change, daily",Doing,/),
  );

  // A calendar feed: shown once, served to anyone holding the address, dead once revoked.
  const feedPanel = page.getByRole("region", { name: "Calendar feed" });
  await feedPanel.getByRole("button", { name: "Create calendar feed" }).click();
  const feedUrl = await feedPanel.getByLabel("Calendar feed address").inputValue();
  expect(feedUrl).toMatch(/\/api\/calendar\/[\w-]+$/);
  await expect(feedPanel).toContainText("You have a feed since");
  const anonymous = await browser.newContext();
  const feed = await anonymous.request.get(feedUrl);
  expect(feed.status()).toBe(200);
  expect(feed.headers()["content-type"]).toBe("text/calendar; charset=utf-8");
  const ics = await feed.text();
  expect(ics).toContain("BEGIN:VEVENT");
  expect(ics).toContain("SUMMARY:Due: Pair on every risky change\\, daily");
  await feedPanel.getByRole("button", { name: "Revoke" }).click();
  await feedPanel.getByRole("button", { name: "Yes, revoke it" }).click();
  await expect(feedPanel.getByRole("button", { name: "Create calendar feed" })).toBeVisible();
  expect((await anonymous.request.get(feedUrl)).status()).toBe(404);

  // Signed out, the board asks for a sign-in first.
  const signedOut = await anonymous.newPage();
  await signedOut.goto(boardUrl);
  await expect(signedOut).toHaveURL(/\/sign-in\?next=/);
  await anonymous.close();
});

test("a member of another team gets a 404 for the board and its CSV", async ({ browser, page }) => {
  await signInAsAdmin(page);
  const suffix = Date.now().toString(36);
  const ours = await callApi<Team>(page, "team.create", { name: `Ours ${suffix}` });
  const theirs = await callApi<Team>(page, "team.create", { name: `Theirs ${suffix}` });
  const outsider = {
    name: `Oz ${suffix}`,
    email: `oz-${suffix}@example.test`,
    password: "a long enough password",
  };
  await callApi(page, "adminUsers.create", { ...outsider, role: "member" });
  await callApi(page, "adminTeams.addMember", { teamId: theirs.id, email: outsider.email });

  const context = await browser.newContext();
  const other = await context.newPage();
  await signIn(other, outsider);
  // Their own board works (and is empty, with a word on where actions come from)…
  await other.goto(`/teams/${theirs.slug}/board`);
  await expect(other.getByRole("heading", { name: "No actions yet" })).toBeVisible();
  // …another team's does not, nor its CSV.
  const response = await other.goto(`/teams/${ours.slug}/board`);
  expect(response?.status()).toBe(404);
  await expect(other.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  const csv = await other.request.get(`/teams/${ours.slug}/board/actions.csv`);
  expect(csv.status()).toBe(404);
  expect(await csv.text()).not.toContain("Title,Status");
  await context.close();
});
