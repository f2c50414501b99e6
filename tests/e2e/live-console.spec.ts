import { expect, test, type Page } from "@playwright/test";

import { callApi, signInAsAdmin } from "./support";

interface Details {
  content: { practices: { id: string; title: string }[] };
}

/** A phone that joined through the API: the phone pages are live-session.spec.ts's subject. */
async function joinedPhone(page: Page, joinCode: string, displayName: string) {
  await callApi(page, "participant.join", {
    code: joinCode,
    displayName,
    joinKey: `e2e-${displayName}-${Date.now().toString(36)}`,
  });
  return page;
}

test("the console runs the timer, removes a person, hides a note and ends the session on the big screen", async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const facilitator = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const console_ = await facilitator.newPage();
  await signInAsAdmin(console_);

  const team = await callApi<{ id: string }>(console_, "team.create", {
    name: `Console ${Date.now().toString(36)}`,
  });
  const [workshop] = await callApi<{ id: string }[]>(console_, "content.list", undefined, "GET");
  const session = await callApi<{ id: string; joinCode: string }>(console_, "session.create", {
    teamId: team.id,
    essayId: workshop!.id,
    title: "Console check",
    settings: { votingMethod: "dots", dots: 3, maxDotsPerPractice: 2, anonymousNotes: true },
  });
  const phones = await browser.newContext();
  const mo = await joinedPhone(await phones.newPage(), session.joinCode, "Mo");
  const riaContext = await browser.newContext();
  await joinedPhone(await riaContext.newPage(), session.joinCode, "Ria");

  await console_.goto(`/facilitate/${session.id}`);
  await expect(console_.getByRole("status").filter({ hasText: "Live" })).toBeVisible();
  const stages = console_.getByRole("navigation", { name: "Stages" });
  await expect(stages.getByRole("button", { name: "Lobby" })).toHaveAttribute(
    "aria-current",
    "step",
  );
  const people = console_.getByRole("list", { name: "People in this session" });
  await expect(people.getByRole("listitem")).toHaveCount(2);

  const presenter = await facilitator.newPage();
  await presenter.goto(`/present/${session.id}`);
  await expect(presenter.getByText("2 people joined")).toBeVisible();
  await expect(presenter.getByRole("button", { name: "Full screen" })).toBeVisible();

  // The timer: started from a preset, paused (it stops), resumed, cleared; the big screen follows.
  await console_.getByRole("button", { name: "5 min" }).click();
  await expect(console_.getByRole("timer")).toHaveText(/^4:5\d$/);
  await expect(presenter.getByRole("timer")).toHaveText(/^4:5\d$/);
  await console_.getByRole("button", { name: "Pause" }).click();
  await expect(console_.getByText("Paused", { exact: true })).toBeVisible();
  const paused = await console_.getByRole("timer").textContent();
  await console_.waitForTimeout(1_500);
  await expect(console_.getByRole("timer")).toHaveText(paused!);
  await console_.getByRole("button", { name: "Resume" }).click();
  await expect(console_.getByText("Running", { exact: true })).toBeVisible();
  await console_.getByRole("button", { name: "Clear" }).click();
  await expect(console_.getByText("No timer running")).toBeVisible();
  await expect(presenter.getByRole("timer")).toHaveCount(0);

  // Removing someone asks first; cancelling puts focus back on the button.
  await console_.getByRole("button", { name: "Remove Ria" }).click();
  await console_.getByRole("button", { name: "Cancel" }).click();
  await expect(console_.getByRole("button", { name: "Remove Ria" })).toBeFocused();
  await console_.getByRole("button", { name: "Remove Ria" }).click();
  await console_
    .getByRole("group", { name: /Remove Ria\?/ })
    .getByRole("button", { name: "Remove" })
    .click();
  await expect(people.getByRole("listitem")).toHaveCount(1);
  await expect(people).not.toContainText("Ria");
  await expect(presenter.getByText("1 person joined")).toBeVisible();

  // Jumping to a stage from the stepper; a note from a phone can be hidden and shown again.
  await stages.getByRole("button", { name: "Discuss" }).click();
  await expect(stages.getByRole("button", { name: "Discuss" })).toHaveAttribute(
    "aria-current",
    "step",
  );
  const details = await callApi<Details>(
    console_,
    "session.byId",
    { sessionId: session.id },
    "GET",
  );
  const note = "Our runbooks are three reorganisations out of date";
  await callApi(mo, "participant.addNote", {
    sessionId: session.id,
    practiceId: details.content.practices[5]!.id,
    body: note,
    anonymous: false,
  });
  await expect(presenter.getByText(note)).toBeVisible();
  await console_.getByRole("button", { name: /^Hide note by Mo/ }).click();
  await expect(console_.getByRole("heading", { name: "Hidden notes (1)" })).toBeVisible();
  await expect(presenter.getByText(note)).toHaveCount(0);
  await console_.getByRole("button", { name: /^Unhide note by Mo/ }).click();
  await expect(presenter.getByText(note)).toBeVisible();
  await expect(console_.getByRole("heading", { name: /Hidden notes/ })).toHaveCount(0);

  // Ending asks first, then closes the session on every screen.
  await console_.getByRole("button", { name: "End session" }).click();
  await console_.getByRole("button", { name: "Yes, end the session" }).click();
  await expect(console_.getByText(/^This session ended at/)).toBeVisible();
  await expect(stages.getByRole("button", { name: "Next: Vote" })).toBeDisabled();
  await expect(presenter.getByRole("heading", { name: "This session has ended" })).toBeVisible();

  await riaContext.close();
  await phones.close();
  await facilitator.close();
});

test("the console and the big screen send the signed-out to sign in and hide other sessions", async ({
  page,
}) => {
  const unknown = "00000000-0000-4000-8000-000000000000";
  await page.goto(`/facilitate/${unknown}`);
  await expect(page).toHaveURL(/\/sign-in\?next=%2Ffacilitate%2F00000000-/);

  await signInAsAdmin(page);
  for (const path of [`/facilitate/${unknown}`, `/present/${unknown}`, "/facilitate/not-an-id"]) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  }
});
