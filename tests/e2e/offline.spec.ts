import { expect, test, type Browser, type Page } from "@playwright/test";

import { technicalLeadershipSlug } from "../../db/seed/technical-leadership";
import { callApi, openPhone, signInAsAdmin } from "./support";

/*
 * A phone that loses its connection keeps the ballot or note it sends meanwhile, says so calmly,
 * and sends it when the connection is back; the room sees it exactly once. `setOffline` fails
 * the phone's new requests (what the outbox sees) but leaves its open event stream alone.
 */

const reviews = "Reviews and feedback";
const errors = "Reduce errors and mistakes";

const queuedVote = "Saved on this phone: your vote will be sent when you're back online.";
const queuedNote = "Your note is saved on this phone: it will be posted when you're back online.";

/** A session with its console, its big screen and two joined phones (Lin and Sam). */
async function roomWithTwoPhones(browser: Browser, title: string) {
  const facilitator = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const console_ = await facilitator.newPage();
  await signInAsAdmin(console_);
  const team = await callApi<{ id: string }>(console_, "team.create", {
    name: `Offline ${Date.now().toString(36)}`,
  });
  const essays = await callApi<{ id: string; slug: string }[]>(
    console_,
    "content.list",
    undefined,
    "GET",
  );
  const session = await callApi<{ id: string; joinCode: string }>(console_, "session.create", {
    teamId: team.id,
    essayId: essays.find((essay) => essay.slug === technicalLeadershipSlug)!.id,
    title,
    settings: {},
  });
  await console_.goto(`/facilitate/${session.id}`);
  const presenter = await facilitator.newPage();
  await presenter.goto(`/present/${session.id}`);

  const phones: Page[] = [];
  for (const name of ["Lin", "Sam"]) {
    const phone = await openPhone(browser);
    await phone.goto(`/join/${session.joinCode}`);
    await phone.getByLabel("Your name").fill(name);
    await phone.getByRole("button", { name: "Join the session" }).click();
    await expect(phone.getByRole("heading", { name: `You're in, ${name}` })).toBeVisible();
    phones.push(phone);
  }
  await expect(presenter.getByText("2 people joined")).toBeVisible();

  const goTo = async (stage: string, heading: string) => {
    await callApi(console_, "session.stage", {
      sessionId: session.id,
      command: { type: "goto", stage },
    });
    for (const phone of phones) {
      await expect(phone.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    }
  };
  const openRound = async () => {
    await console_.getByRole("button", { name: "Open voting" }).click();
    await expect(presenter.getByText("0 of 2 voted")).toBeVisible();
  };
  const close = async () => {
    for (const phone of phones) await phone.context().close();
    await facilitator.close();
  };
  return {
    session,
    console: console_,
    presenter,
    phones: phones as [Page, Page],
    goTo,
    openRound,
    close,
  };
}

async function postNote(phone: Page, body: string) {
  await phone.getByLabel("Your note").fill(body);
  await phone.getByRole("button", { name: "Post note" }).click();
}

async function putDot(phone: Page, title: string) {
  await phone.getByRole("button", { name: `Put a dot on ${title}` }).click();
}

/** The polite status region every phone has (phone-session.tsx), where news is announced. */
function announced(phone: Page) {
  return phone.locator("p[role=status].sr-only");
}

/** The outbox's news as shown on screen (the same words are also in the status region). */
function news(phone: Page, text: string) {
  return phone.getByRole("paragraph").filter({ hasText: text });
}

test("a note and a ballot sent offline wait on the phone and arrive once when it's back", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const room = await roomWithTwoPhones(browser, "Offline outbox");
  const [lin, sam] = room.phones;

  await room.goTo("discuss", "Discuss");
  const note = "Friday deploys need a second pair of eyes";
  await lin.context().setOffline(true);
  await postNote(lin, note);
  await expect(lin.getByText(queuedNote)).toBeVisible();
  await expect(lin.getByRole("status").filter({ hasText: note })).toBeVisible();
  // Nothing reached the room.
  await lin.waitForTimeout(1_000);
  await expect(room.presenter.getByText(note)).toHaveCount(0);

  await lin.context().setOffline(false);
  await expect(news(lin, "Your note has been posted.")).toBeVisible();
  await expect(announced(lin)).toContainText("Your note has been posted.");
  await expect(lin.getByText(queuedNote)).toHaveCount(0);
  await expect(room.presenter.getByText(note)).toHaveCount(1);
  await expect(room.console.getByText(note)).toHaveCount(1);
  await expect(sam.getByText(note)).toHaveCount(1);
  // Lin's phone knows the note as its own.
  await expect(lin.getByRole("listitem").filter({ hasText: note })).toContainText("You");

  await room.goTo("vote", "Vote");
  await room.openRound();
  await lin.context().setOffline(true);
  await putDot(lin, reviews);
  await lin.getByRole("button", { name: "Send my vote" }).click();
  await expect(lin.getByText(queuedVote)).toBeVisible();
  // Lin changes their mind before the connection is back: only the latest ballot is sent.
  await lin.getByRole("button", { name: `Take a dot off ${reviews}` }).click();
  await putDot(lin, errors);
  await putDot(lin, errors);
  await lin.getByRole("button", { name: "Send my vote" }).click();
  await expect(lin.getByText(queuedVote)).toBeVisible();
  await lin.waitForTimeout(1_000);
  await expect(room.presenter.getByText("0 of 2 voted")).toBeVisible();

  await lin.context().setOffline(false);
  await expect(news(lin, "Your vote has gone through.")).toBeVisible();
  await expect(announced(lin)).toContainText("Your vote has gone through.");
  await expect(lin.getByText("Your vote is in.")).toBeVisible();
  await expect(room.presenter.getByText("1 of 2 voted")).toBeVisible();
  await expect(room.console.getByText("1 of 2 voted")).toBeVisible();

  await putDot(sam, reviews);
  await sam.getByRole("button", { name: "Send my vote" }).click();
  await expect(sam.getByText("Your vote is in.")).toBeVisible();
  await expect(room.presenter.getByText("2 of 2 voted")).toBeVisible();

  // Lin's latest ballot counted once: errors 2 dots (Lin), reviews 1 (Sam only).
  await room.console.getByRole("button", { name: "Close and reveal results" }).click();
  const row = (title: string) =>
    room.presenter.getByRole("listitem").filter({ hasText: title }).first();
  await expect(room.presenter.getByText(/Results of round 1/)).toBeVisible();
  await expect(row(errors)).toContainText("2 dots");
  await expect(row(reviews)).toContainText("1 dot");

  await room.close();
});

test("what a phone kept survives a reload and is sent once the connection is back", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const room = await roomWithTwoPhones(browser, "Offline reload");
  const [lin] = room.phones;
  const joinUrl = lin.url();

  // A note kept offline; the page is reloaded while the server can't be reached.
  await room.goTo("discuss", "Discuss");
  const note = "Our alerts page the wrong person at night";
  await lin.context().setOffline(true);
  await postNote(lin, note);
  await expect(lin.getByText(queuedNote)).toBeVisible();
  await lin.route("**/api/trpc/**", (route) => route.abort("internetdisconnected"));
  await lin.context().setOffline(false);
  await lin.reload();
  await expect(lin.getByRole("heading", { level: 1, name: "Discuss" })).toBeVisible();
  await expect(lin.getByText(queuedNote)).toBeVisible();
  await lin.waitForTimeout(2_500);
  await expect(room.presenter.getByText(note)).toHaveCount(0);

  // The server answers again: the gentle retry (or the reconnected room) sends it, once.
  await lin.unroute("**/api/trpc/**");
  await expect(news(lin, "Your note has been posted.")).toBeVisible({ timeout: 30_000 });
  await expect(room.presenter.getByText(note)).toHaveCount(1);
  await expect(room.console.getByText(note)).toHaveCount(1);

  // A ballot kept offline; the phone's browser closes the page and opens it again with no network
  // at all, then the connection comes back.
  await room.goTo("vote", "Vote");
  await room.openRound();
  const phone = lin.context();
  await phone.setOffline(true);
  await putDot(lin, reviews);
  await putDot(lin, reviews);
  await lin.getByRole("button", { name: "Send my vote" }).click();
  await expect(lin.getByText(queuedVote)).toBeVisible();
  // Closed for good: a page whose reload failed offline can stay alive behind the browser's error
  // page and send the ballot itself once the connection is back, telling of it there.
  const reopened = await phone.newPage();
  await lin.close();
  await reopened.goto(joinUrl).catch(() => {}); // the browser's own "no internet" page
  await phone.setOffline(false);
  await reopened.goto(joinUrl);
  await expect(news(reopened, "Your vote has gone through.")).toBeVisible({ timeout: 30_000 });
  await expect(room.presenter.getByText("1 of 2 voted")).toBeVisible();
  await expect(room.console.getByText("1 of 2 voted")).toBeVisible();
  await expect(reopened.getByText("Your vote is in.")).toBeVisible();
  await expect(
    reopened
      .getByRole("listitem")
      .filter({ has: reopened.getByRole("heading", { name: reviews }) })
      .getByRole("status"),
  ).toHaveText("2");

  await room.close();
});

test("a ballot that arrives after voting closed is reported as too late", async ({ browser }) => {
  test.setTimeout(90_000);
  const room = await roomWithTwoPhones(browser, "Offline too late");
  const [lin] = room.phones;

  await room.goTo("vote", "Vote");
  await room.openRound();
  await lin.context().setOffline(true);
  await putDot(lin, reviews);
  await lin.getByRole("button", { name: "Send my vote" }).click();
  await expect(lin.getByText(queuedVote)).toBeVisible();
  await room.console.getByRole("button", { name: "Close voting" }).click();
  await expect(lin.getByRole("heading", { name: "Voting has closed" })).toBeVisible();

  await lin.context().setOffline(false);
  const tooLate = "Voting closed before your vote could be sent, so it was not counted.";
  await expect(news(lin, tooLate)).toBeVisible();
  await expect(announced(lin)).toContainText(tooLate);
  await expect(room.presenter.getByText("0 of 2 voted")).toBeVisible();

  await room.close();
});
