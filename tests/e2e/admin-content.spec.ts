import { expect, test, type Browser, type Page } from "@playwright/test";

import { callApi, signInAsAdmin } from "./support";

const seededSlug = "technical-competence-is-a-form-of-leadership";
const seededTitle = "Technical Competence is a Form of Leadership";
const settings = { votingMethod: "dots", dots: 3, maxDotsPerPractice: 2, anonymousNotes: true };

/** A phone that joined a session and sits on the read stage, showing the essay. */
async function phoneReading(browser: Browser, admin: Page, sessionId: string, joinCode: string) {
  await callApi(admin, "session.stage", { sessionId, command: { type: "goto", stage: "read" } });
  const phone = await (
    await browser.newContext({ viewport: { width: 390, height: 800 } })
  ).newPage();
  await callApi(phone, "participant.join", {
    code: joinCode,
    displayName: "Reader",
    joinKey: `e2e-reader-${sessionId}`,
  });
  await phone.goto(`/join/${joinCode}`);
  await expect(phone.getByRole("heading", { level: 1, name: "Read" })).toBeVisible();
  return phone;
}

/*
 * Other specs use the seeded workshop at the same time, by its title, its eight practices and
 * their titles, and its text. This story only appends text, edits a description and swaps
 * practices in the middle, so what they look for stays true in either version.
 */
test("an admin edits, reorders and publishes the seeded workshop; old and new sessions each show their version", async ({
  browser,
  page,
}) => {
  test.setTimeout(120_000);
  const marker = `Practised together in run ${Date.now().toString(36)}.`;
  await signInAsAdmin(page);

  // A session already running on the current version.
  const team = await callApi<{ id: string; slug: string }>(page, "team.create", {
    name: `Content ${Date.now().toString(36)}`,
  });
  const workshops = await callApi<{ id: string; slug: string }[]>(
    page,
    "content.list",
    undefined,
    "GET",
  );
  const seeded = workshops.find((w) => w.slug === seededSlug)!;
  const old = await callApi<{ id: string; joinCode: string }>(page, "session.create", {
    teamId: team.id,
    essayId: seeded.id,
    title: "Before the edit",
    settings,
  });

  // The library lists it; the editor opens with the essay and its preview side by side.
  await page.goto("/admin/content");
  await expect(page.getByRole("heading", { level: 1, name: "Content library" })).toBeVisible();
  const card = page
    .getByRole("listitem")
    .filter({ has: page.getByRole("heading", { name: seededTitle }) });
  await expect(card.getByText("Published")).toBeVisible();
  await card.getByRole("link", { name: `Edit ${seededTitle}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: seededTitle })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible();

  // Essay text: appended, and the preview shows it as participants will.
  const essay = page.getByLabel("Essay (Markdown)");
  await essay.fill(`${await essay.inputValue()}\n**${marker}**\n`);
  await expect(page.getByRole("status").filter({ hasText: "Unsaved changes" })).toBeVisible();
  await expect(
    page.getByRole("region", { name: "Preview" }).locator("strong", { hasText: marker }),
  ).toBeVisible();

  // A practice's description.
  const practices = page.getByRole("list", { name: "Practices" });
  const finish = practices.getByRole("listitem", { name: "Finish hard projects" });
  await finish
    .getByLabel("Description")
    .fill("Pushing hard projects over the finish line, together.");

  // Reorder by keyboard: the move is announced and focus stays on the moved practice's button.
  const moveUp = practices.getByRole("button", { name: "Move “Industry best practices” up" });
  await moveUp.focus();
  await page.keyboard.press("Enter");
  await expect(
    page.getByText("Moved “Industry best practices” to position 3 of 8."),
  ).toBeAttached();
  await expect(practices.getByRole("listitem").nth(2)).toHaveAccessibleName(
    "Industry best practices",
  );
  await expect(moveUp).toBeFocused();

  // Reorder by dragging: "Systems that keep standards" dropped onto "Coaching and skills".
  // The cards grow with their descriptions; a person drags with both on screen, so the window
  // is made tall enough for that (a drag can't scroll the page on its way in Chromium's tests).
  await page.setViewportSize({ width: 1280, height: 1600 });
  await practices
    .getByRole("listitem", { name: "Coaching and skills" })
    .evaluate((item) => item.scrollIntoView({ block: "start" }));
  await practices
    .getByRole("listitem", { name: "Systems that keep standards" })
    .getByTitle("Drag to reorder")
    .dragTo(practices.getByRole("listitem", { name: "Coaching and skills" }));
  await expect(practices.getByRole("listitem").nth(4)).toHaveAccessibleName(
    "Systems that keep standards",
  );
  await expect(practices.getByRole("listitem").nth(5)).toHaveAccessibleName("Coaching and skills");

  await expect(page.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible();
  await page.getByRole("button", { name: "Publish" }).click();
  const published = page.getByText(/Published version \d+\./);
  await expect(published).toBeVisible();
  const version = /version (\d+)/.exec((await published.textContent()) ?? "")![1];

  // The history compares the last two versions: text and practices.
  await page.getByRole("link", { name: "History" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Version history" })).toBeVisible();
  await expect(
    page
      .getByRole("list", { name: "Versions" })
      .getByText(/by Ada Admin/)
      .first(),
  ).toBeVisible();
  await expect(page.getByRole("list", { name: "Practice changes" })).toContainText(
    // Which of two swapped practices counts as "the one that moved" is arbitrary.
    /(“Industry best practices”|“Resilient, scalable solutions”): moved/,
  );
  await expect(page.getByRole("list", { name: "Practice changes" })).toContainText(
    "“Finish hard projects”: description changed",
  );
  await expect(page.getByRole("list", { name: "Essay text changes" })).toContainText(marker);

  // A new session, started as a facilitator would, gets the new version.
  await page.goto(`/teams/${team.slug}`);
  await page.getByLabel("Title").fill("After the edit");
  await page.getByLabel("Workshop").selectOption({ label: `${seededTitle} (version ${version})` });
  await page.getByRole("button", { name: "Start the session" }).click();
  await expect(page).toHaveURL(/\/facilitate\/[0-9a-f-]{36}$/);
  const newId = page.url().split("/").at(-1)!;
  const { joinCode: newCode } = await callApi<{ joinCode: string }>(
    page,
    "session.byId",
    { sessionId: newId },
    "GET",
  );

  const newPhone = await phoneReading(browser, page, newId, newCode.replace("-", ""));
  await expect(newPhone.getByRole("article")).toContainText(marker);
  const oldPhone = await phoneReading(browser, page, old.id, old.joinCode);
  await expect(oldPhone.getByRole("article")).toContainText(
    "How to implement technical leadership",
  );
  await expect(oldPhone.getByRole("article")).not.toContainText(marker);

  // The presenter of the old session still lists the practices in their old order.
  await page.goto(`/present/${old.id}`);
  await expect(page.getByText("Reviews and feedback").first()).toBeVisible();
  const oldContent = await callApi<{ content: { practices: { title: string }[] } }>(
    page,
    "session.byId",
    { sessionId: old.id },
    "GET",
  );
  expect(oldContent.content.practices.map((p) => p.title).slice(2, 6)).toEqual([
    "Resilient, scalable solutions",
    "Industry best practices",
    "Coaching and skills",
    "Systems that keep standards",
  ]);

  await newPhone.context().close();
  await oldPhone.context().close();
});

test("content pages are for admins only", async ({ page }) => {
  const response = await page.goto("/admin/content");
  // The admin layout (or this page itself) sends a visitor to sign in first.
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fadmin/);
  expect(response?.ok()).toBe(true);
});

test("leaving the editor with unsaved changes asks first, by link and by Back", async ({
  page,
}) => {
  await signInAsAdmin(page);
  await page.goto("/admin/content");
  await page
    .getByRole("listitem")
    .filter({ has: page.getByRole("heading", { name: seededTitle }) })
    .getByRole("link", { name: `Edit ${seededTitle}` })
    .click();
  const heading = page.getByRole("heading", { level: 1, name: seededTitle });
  await expect(heading).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible();
  const editorUrl = page.url();

  // A practice without a title can't be saved, so this change stays unsaved (and never reaches
  // the seeded workshop that other specs use).
  await page.getByRole("button", { name: "Add a practice" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Not saved" })).toBeVisible();

  const questions: string[] = [];
  const answer = (accept: boolean) =>
    page.once("dialog", (dialog) => {
      questions.push(dialog.message());
      void (accept ? dialog.accept() : dialog.dismiss());
    });

  // A link inside the app: declining keeps the editor and the unsaved practice.
  answer(false);
  await page.getByRole("link", { name: "History" }).click();
  await expect.poll(() => questions.length).toBe(1);
  await expect(heading).toBeVisible();
  expect(page.url()).toBe(editorUrl);
  await expect(page.getByRole("list", { name: "Practices" }).getByRole("listitem")).toHaveCount(9);

  // Back: declining cancels it, so the page never navigates (and goBack waits in vain).
  answer(false);
  const back = page.goBack({ timeout: 3_000 }).catch(() => null);
  await expect.poll(() => questions.length).toBe(2);
  await back;
  expect(page.url()).toBe(editorUrl);
  await expect(heading).toBeVisible();
  await expect(page.getByRole("list", { name: "Practices" }).getByRole("listitem")).toHaveCount(9);

  // Agreeing leaves.
  answer(true);
  await page.getByRole("link", { name: "Content library" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Content library" })).toBeVisible();
  expect(questions).toEqual(Array(3).fill("You have unsaved changes. Leave anyway?"));
});
