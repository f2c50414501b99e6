import { expect, test, type Browser, type Page } from "@playwright/test";

import { technicalLeadershipSlug } from "../../db/seed/technical-leadership";
import { admin, callApi, signInAsAdmin } from "./support";

const reviews = "Reviews and feedback";
const errors = "Reduce errors and mistakes";

const actions = {
  pairing: "Pair on every review over 200 lines",
  duplicate: "Pair up on big reviews",
  checklist: "Keep a release checklist",
  postmortems: "Write postmortems for every incident",
};

async function joinedPhone(browser: Browser, joinCode: string, name: string) {
  const context = await browser.newContext({
    viewport: { width: 375, height: 812 },
    isMobile: true,
    hasTouch: true,
  });
  const phone = await context.newPage();
  await phone.goto(`/join/${joinCode}`);
  await phone.getByLabel("Your name").fill(name);
  await phone.getByRole("button", { name: "Join the session" }).click();
  await expect(phone.getByRole("heading", { name: `You're in, ${name}` })).toBeVisible();
  return phone;
}

async function createSession(console_: Page, teamId: string, title: string) {
  const essays = await callApi<{ id: string; slug: string }[]>(
    console_,
    "content.list",
    undefined,
    "GET",
  );
  return callApi<{ id: string; joinCode: string }>(console_, "session.create", {
    teamId,
    essayId: essays.find((essay) => essay.slug === technicalLeadershipSlug)!.id,
    title,
    settings: {},
  });
}

/** A phone proposes an action under one adopted practice, through the form in its section. */
async function propose(phone: Page, practice: string, title: string) {
  const section = phone.getByRole("region", { name: practice });
  await section.getByLabel("Propose an action").fill(title);
  await section.getByRole("button", { name: "Propose" }).click();
  await expect(section.getByText(`Proposed: “${title}”`)).toBeVisible();
  await expect(section.getByLabel("Propose an action")).toHaveValue("");
}

function row(page: Page, text: string) {
  return page.getByRole("listitem").filter({ hasText: text });
}

test("actions proposed on phones are kept, merged and dropped live, then reviewed at the next session", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const facilitator = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const console_ = await facilitator.newPage();
  await signInAsAdmin(console_);
  const team = await callApi<{ id: string }>(console_, "team.create", {
    name: `Actions ${Date.now().toString(36)}`,
  });
  const first = await createSession(console_, team.id, "Leadership retro");
  await console_.goto(`/facilitate/${first.id}`);
  const presenter = await facilitator.newPage();
  await presenter.setViewportSize({ width: 1280, height: 720 });
  await presenter.goto(`/present/${first.id}`);
  const lin = await joinedPhone(browser, first.joinCode, "Lin");
  const sam = await joinedPhone(browser, first.joinCode, "Sam");

  // Vote, reveal and adopt two practices: the way into the actions stage.
  await callApi(console_, "session.stage", {
    sessionId: first.id,
    command: { type: "goto", stage: "vote" },
  });
  await console_.getByRole("button", { name: "Open voting" }).click();
  for (const [phone, practice] of [
    [lin, reviews],
    [sam, errors],
  ] as const) {
    await phone.getByRole("button", { name: `Put a dot on ${practice}` }).click();
    await phone.getByRole("button", { name: "Send my vote" }).click();
    await expect(phone.getByText("Your vote is in.")).toBeVisible();
  }
  // Revealing moves the room to the results stage.
  await console_.getByRole("button", { name: "Close and reveal results" }).click();
  await expect(console_.getByRole("heading", { name: "Results of round 1" })).toBeVisible();
  for (const practice of [reviews, errors]) {
    await console_.getByRole("button", { name: `Adopt ${practice}` }).click();
    await expect(console_.getByRole("button", { name: `Adopted ✓ ${practice}` })).toHaveAttribute(
      "aria-pressed",
      "true",
    );
  }
  await console_.getByRole("button", { name: "Next: Actions" }).click();
  await expect(lin.getByRole("heading", { level: 1, name: "Actions" })).toBeVisible();
  await expect(presenter.getByRole("heading", { name: "What will we do?" })).toBeVisible();

  // The server's sentence comes back to the phone when an action is too short.
  const linReviews = lin.getByRole("region", { name: reviews });
  await linReviews.getByLabel("Propose an action").fill("  x  ");
  await linReviews.getByRole("button", { name: "Propose" }).click();
  await expect(linReviews.getByText("Say what will be done, in a few words.")).toBeVisible();

  // Each phone waits to see the other's proposal under a practice before adding its own there, as
  // a person would: a proposal arriving live moves that practice's form down the page.
  await propose(lin, reviews, actions.pairing);
  await expect(
    sam.getByRole("region", { name: reviews }).getByText(actions.pairing, { exact: true }),
  ).toBeVisible();
  await propose(sam, reviews, actions.duplicate);
  await propose(sam, errors, actions.checklist);
  await expect(
    lin.getByRole("region", { name: errors }).getByText(actions.checklist, { exact: true }),
  ).toBeVisible();
  await propose(lin, errors, actions.postmortems);
  // Everyone sees the list build up: the big screen, the console and the other phones.
  for (const title of Object.values(actions)) {
    await expect(presenter.getByText(title, { exact: true })).toBeVisible();
    await expect(sam.getByText(title, { exact: true })).toBeVisible();
  }
  await expect(console_.getByText("4 proposed · 0 kept")).toBeVisible();

  // The facilitator gives the pairing action an owner and a due date, and keeps it.
  await console_.getByLabel(`Owner of ${actions.pairing}`).selectOption({ label: admin.name });
  await expect(row(presenter, actions.pairing)).toContainText(admin.name);
  const due = console_.getByLabel(`Due date of ${actions.pairing}`);
  await due.fill("2030-05-17");
  await due.press("Enter");
  await expect(row(presenter, actions.pairing)).toContainText("due Fri, May 17");
  await console_.getByRole("button", { name: `Keep ${actions.pairing}` }).click();
  await expect(console_.getByRole("button", { name: `Kept ✓ ${actions.pairing}` })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
  await expect(row(presenter, actions.pairing)).toContainText("Kept ✓");
  await expect(row(lin, actions.pairing)).toContainText("Kept ✓");

  // The duplicate merges into it and disappears everywhere.
  await console_
    .getByLabel(`merge ${actions.duplicate} into another action`)
    .selectOption({ label: actions.pairing });
  await console_.getByRole("button", { name: `Merge ${actions.duplicate}` }).click();
  for (const screen of [console_, presenter, lin, sam]) {
    await expect(screen.getByText(actions.duplicate, { exact: true })).toHaveCount(0);
  }

  // The checklist is kept with an owner; the postmortems are dropped and leave the big screen.
  await console_.getByLabel(`Owner of ${actions.checklist}`).selectOption({ label: admin.name });
  await console_.getByRole("button", { name: `Keep ${actions.checklist}` }).click();
  await console_.getByRole("button", { name: `Drop ${actions.postmortems}` }).click();
  await expect(
    console_.getByRole("button", { name: `Undo drop of ${actions.postmortems}` }),
  ).toBeVisible();
  await expect(presenter.getByText(actions.postmortems, { exact: true })).toHaveCount(0);
  await expect(console_.getByText("0 proposed · 2 kept · 1 dropped")).toBeVisible();

  // A late proposal left undecided is flagged at wrap-up, and can be decided there.
  const late = "Rotate the release captain";
  await propose(sam, errors, late);
  await console_.getByRole("button", { name: "Next: Wrap-up" }).click();
  const undecided = console_.getByRole("region", {
    name: "1 proposal is neither kept nor dropped",
  });
  await expect(undecided).toContainText("Only kept actions go to the team board");
  await undecided.getByRole("button", { name: `Drop ${late}` }).click();
  await expect(undecided).toHaveCount(0);

  // Wrap-up: every screen shows what the team agreed.
  await expect(presenter.getByRole("heading", { name: "What we agreed" })).toBeVisible();
  await expect(presenter.getByText(actions.pairing, { exact: true })).toBeVisible();
  await expect(presenter.getByText(actions.checklist, { exact: true })).toBeVisible();
  await expect(lin.getByRole("heading", { name: "What we agreed" })).toBeVisible();
  await expect(row(lin, actions.checklist)).toContainText(admin.name);
  await console_.getByRole("button", { name: "End session" }).click();
  await console_.getByRole("button", { name: "Yes, end the session" }).click();
  await expect(presenter.getByRole("heading", { name: "This session has ended" })).toBeVisible();
  await lin.context().close();
  await sam.context().close();

  // A week later: the next session of the team starts by reviewing the kept actions.
  const second = await createSession(console_, team.id, "Leadership check-in");
  await console_.goto(`/facilitate/${second.id}`);
  await presenter.goto(`/present/${second.id}`);
  const kai = await joinedPhone(browser, second.joinCode, "Kai");
  await console_.getByRole("button", { name: "Next: Review" }).click();
  await expect(console_.getByText("0 of 2 reviewed")).toBeVisible();
  await expect(presenter.getByRole("heading", { name: "Since last time" })).toBeVisible();
  await expect(row(presenter, actions.pairing)).toContainText("Open");
  await expect(row(kai, actions.checklist)).toContainText("Open");

  const pairingOutcome = console_.getByRole("group", { name: `Outcome of ${actions.pairing}` });
  await pairingOutcome.getByRole("button", { name: "Done" }).click();
  await expect(pairingOutcome.getByRole("button", { name: "Done" })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
  const checklistOutcome = console_.getByRole("group", {
    name: `Outcome of ${actions.checklist}`,
  });
  await checklistOutcome.getByRole("button", { name: "Carry over" }).click();
  await expect(checklistOutcome.getByRole("button", { name: "Carry over" })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
  await expect(checklistOutcome.getByRole("button", { name: "Done" })).toHaveAttribute(
    "aria-pressed",
    "false",
  );
  await expect(console_.getByText("2 of 2 reviewed")).toBeVisible();
  await expect(presenter.getByText("2 of 2 reviewed")).toBeVisible();
  await expect(row(presenter, actions.pairing)).toContainText("Done");
  await expect(row(presenter, actions.checklist)).toContainText("Carried over");
  await expect(row(kai, actions.pairing)).toContainText("Done");

  await kai.context().close();
  await facilitator.close();
});
