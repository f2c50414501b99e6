import { expect, test, type Browser, type Locator, type Page } from "@playwright/test";

import { callApi, newTeamSession, openDotRound, signInAsAdmin } from "./support";

/**
 * The ballot, the console and the board with the keyboard alone: no clicks in what the tests
 * are about (data they are not about is arranged over the API). Every stop shows its focus.
 */

/** Whether the focused element draws a focus indicator: an outline or a ring (box-shadow). */
async function focusIsVisible(page: Page) {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return false;
    const style = getComputedStyle(element);
    const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
    return outline || (style.boxShadow !== "" && style.boxShadow !== "none");
  });
}

/**
 * Presses Tab (or Shift+Tab) until `target` has the focus, checking at every stop that the
 * focus is visible; fails if it never gets there (the focus is lost or trapped elsewhere).
 */
async function tabTo(page: Page, target: Locator, { backwards = false, limit = 80 } = {}) {
  for (let presses = 0; presses < limit; presses++) {
    await page.keyboard.press(backwards ? "Shift+Tab" : "Tab");
    expect(await focusIsVisible(page), "the focused element shows a focus indicator").toBe(true);
    if (await target.evaluate((element) => element === document.activeElement)) return;
  }
  throw new Error(`Tab never reached ${target.toString()}`);
}

/** The text of every polite live region of the page (role=status or aria-live=polite). */
function politeRegions(page: Page) {
  return page.locator('[aria-live="polite"], [role="status"]');
}

async function sessionWithPhone(browser: Browser, admin: Page) {
  const session = await newTeamSession(admin, { team: "Keys", title: "Keyboard workshop" });
  const { team } = session;
  const phoneContext = await browser.newContext({
    viewport: { width: 375, height: 812 },
    isMobile: true,
    hasTouch: true,
  });
  const phone = await phoneContext.newPage();
  return { team, session, phone };
}

test("a phone joins and casts a dot-voting ballot with the keyboard alone, and hears each change", async ({
  browser,
  page: admin,
}) => {
  test.setTimeout(120_000);
  await signInAsAdmin(admin);
  const { session, phone } = await sessionWithPhone(browser, admin);
  const sessionId = session.id;

  // Joining: type the name, Enter submits.
  await phone.goto(`/join/${session.joinCode}`);
  await tabTo(phone, phone.getByLabel("Your name"));
  await phone.keyboard.type("Kim");
  await phone.keyboard.press("Enter");
  await expect(phone.getByRole("heading", { name: "You're in, Kim" })).toBeVisible();

  // The stage change is announced politely.
  await callApi(admin, "session.stage", { sessionId, command: { type: "goto", stage: "vote" } });
  await expect(politeRegions(phone).filter({ hasText: "Now: Vote." })).toBeVisible();
  const [first, second] = session.practices;
  const { roundId } = await openDotRound(admin, sessionId);
  await expect(phone.getByText("3 of 3 dots left")).toBeVisible();

  // Two dots on the first practice (Enter), one on the second (Space).
  const addFirst = phone.getByRole("button", { name: `Put a dot on ${first!.title}` });
  await tabTo(phone, addFirst);
  await phone.keyboard.press("Enter");
  await phone.keyboard.press("Enter");
  await expect(politeRegions(phone).filter({ hasText: "1 of 3 dots left" })).toBeVisible();
  await tabTo(phone, phone.getByRole("button", { name: `Put a dot on ${second!.title}` }));
  await phone.keyboard.press(" ");
  await expect(phone.getByText("0 of 3 dots left")).toBeVisible();
  // Shift+Tab goes back the way it came.
  await tabTo(phone, addFirst, { backwards: true });

  await tabTo(phone, phone.getByRole("button", { name: "Send my vote" }));
  await phone.keyboard.press("Enter");
  await expect(politeRegions(phone).filter({ hasText: "Your vote is in." }).first()).toBeVisible();
  // The focus stays on the button that was pressed, now "Update my vote".
  await expect(phone.getByRole("button", { name: "Update my vote" })).toBeFocused();

  await callApi(admin, "voting.close", { sessionId, roundId });
  await callApi(admin, "voting.reveal", { sessionId, roundId });
  await expect(
    politeRegions(phone).filter({ hasText: "Results revealed for round 1." }),
  ).toBeAttached();
  await expect(phone.getByRole("heading", { name: /Results of round 1/ })).toBeVisible();
  await phone.context().close();
});

test("the facilitator moves a session through its stages from the console with the keyboard", async ({
  browser,
  page: admin,
}) => {
  test.setTimeout(90_000);
  await signInAsAdmin(admin);
  const { session, phone } = await sessionWithPhone(browser, admin);
  await phone.context().close();

  await admin.goto(`/facilitate/${session.id}`);
  await expect(admin.getByRole("status").filter({ hasText: "Live" })).toBeVisible();
  const stages = admin.getByRole("navigation", { name: "Stages" });
  const current = (name: string) =>
    expect(stages.getByRole("button", { name, exact: true })).toHaveAttribute(
      "aria-current",
      "step",
    );

  // "Next" steps forward with Enter and keeps the focus, so it can be pressed again.
  await tabTo(admin, stages.getByRole("button", { name: "Next: Read" }));
  await admin.keyboard.press("Enter");
  await current("Read");
  const next = stages.getByRole("button", { name: "Next: Discuss" });
  await expect(next).toBeFocused();
  // The stepper ignores presses while the move settles (it says so with aria-disabled).
  await expect(next).not.toHaveAttribute("aria-disabled", "true");
  await admin.keyboard.press("Enter");
  await current("Discuss");

  // Jumping to a stage: Shift+Tab back to the stepper's "Vote" button, Space.
  await tabTo(admin, stages.getByRole("button", { name: "Vote", exact: true }), {
    backwards: true,
  });
  await expect(stages.getByRole("button", { name: "Vote", exact: true })).not.toHaveAttribute(
    "aria-disabled",
    "true",
  );
  await admin.keyboard.press(" ");
  await current("Vote");

  // Opening a round of voting from the console's form.
  await tabTo(admin, admin.getByRole("button", { name: "Open voting" }));
  await admin.keyboard.press("Enter");
  await expect(admin.getByText("0 of 0 voted")).toBeVisible();

  // "Back" returns a stage.
  await tabTo(admin, stages.getByRole("button", { name: /^Back to/ }), { backwards: true });
  await admin.keyboard.press("Enter");
  await current("Discuss");
});

test("an action card crosses the board's columns with the keyboard, and the dialog lets the focus go", async ({
  page: admin,
}) => {
  test.setTimeout(90_000);
  await signInAsAdmin(admin);
  const session = await newTeamSession(admin, { team: "Board keys", title: "Board keys" });
  const { team } = session;
  // Actions belong to an adopted practice: an (empty) round is revealed and one adopted.
  const sessionId = session.id;
  const practiceId = session.practices[0]!.id;
  const goto = (stage: string) =>
    callApi(admin, "session.stage", { sessionId, command: { type: "goto", stage } });
  await goto("vote");
  const { roundId } = await callApi<{ roundId: string }>(admin, "voting.open", {
    sessionId,
    method: "approval",
  });
  await callApi(admin, "voting.close", { sessionId, roundId });
  await callApi(admin, "voting.reveal", { sessionId, roundId });
  await callApi(admin, "voting.adopt", { sessionId, practiceId, adopted: true });
  await goto("actions");
  const title = "Write the runbook together";
  const action = await callApi<{ id: string }>(admin, "action.create", {
    sessionId,
    practiceId,
    title,
  });
  await callApi(admin, "action.update", {
    sessionId,
    actionId: action.id,
    patch: { status: "todo" },
  });

  await admin.goto(`/teams/${team.slug}/board`);
  const column = (name: string) => admin.getByRole("region", { name, exact: true });
  const card = () => admin.getByRole("article", { name: title });
  await expect(column("To do").getByRole("article", { name: title })).toBeVisible();

  // Arrow keys on the focused card.
  await tabTo(admin, card());
  await admin.keyboard.press("ArrowRight");
  await expect(column("Doing").getByRole("article", { name: title })).toBeFocused();
  expect(await focusIsVisible(admin)).toBe(true);
  await admin.keyboard.press("ArrowRight");
  await expect(column("Done").getByRole("article", { name: title })).toBeFocused();
  await admin.keyboard.press("ArrowLeft");
  await expect(column("Doing").getByRole("article", { name: title })).toBeFocused();
  await expect(
    politeRegions(admin).filter({ hasText: `Moved “${title}” to Doing.` }),
  ).toBeAttached();

  // "Move to…": Enter opens it, Escape closes it and gives the focus back; then Dropped.
  const moveTo = card().getByRole("button", { name: "Move to…" });
  await tabTo(admin, moveTo);
  await admin.keyboard.press("Enter");
  await expect(moveTo).toHaveAttribute("aria-expanded", "true");
  await admin.keyboard.press("Escape");
  await expect(moveTo).toHaveAttribute("aria-expanded", "false");
  await expect(moveTo).toBeFocused();
  await admin.keyboard.press("Enter");
  await tabTo(admin, card().getByRole("button", { name: "Dropped", exact: true }));
  await admin.keyboard.press("Enter");
  await expect(column("Dropped").getByRole("article", { name: title })).toBeFocused();

  // The edit dialog keeps the focus while open (it is modal) and lets it go on Escape.
  const edit = card().getByRole("button", { name: "Edit" });
  await tabTo(admin, edit);
  await admin.keyboard.press("Enter");
  const dialog = admin.getByRole("dialog", { name: "Edit action" });
  await expect(dialog).toBeVisible();
  for (let presses = 0; presses < 12; presses++) {
    await admin.keyboard.press("Tab");
    const inside = await dialog.evaluate((element) => element.contains(document.activeElement));
    // Chromium may hand the focus to its own UI between the last and first control: the page's
    // active element is then the body, never an element behind the dialog.
    const onBody = await admin.evaluate(() => document.activeElement === document.body);
    expect(inside || onBody, "the focus stays in the open dialog").toBe(true);
  }
  await admin.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(edit).toBeFocused();
  // Closed, Tab leaves the card for the rest of the page.
  await admin.keyboard.press("Tab");
  expect(await card().evaluate((element) => element.contains(document.activeElement))).toBe(false);
});
