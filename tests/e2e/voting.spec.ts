import { expect, test, type Browser, type Page } from "@playwright/test";

import { technicalLeadershipSlug } from "../../db/seed/technical-leadership";
import { callApi, openPhone, signInAsAdmin } from "./support";

const practices = {
  errors: "Reduce errors and mistakes",
  reviews: "Reviews and feedback",
  resilient: "Resilient, scalable solutions",
  coaching: "Coaching and skills",
};

/** A team, a session moved to the vote stage, its presenter, and three joined phones. */
async function sessionAtVote(browser: Browser, title: string) {
  const facilitator = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const console_ = await facilitator.newPage();
  await signInAsAdmin(console_);
  const team = await callApi<{ id: string }>(console_, "team.create", {
    name: `Vote ${Date.now().toString(36)}`,
  });
  const session = await callApi<{ id: string; joinCode: string }>(console_, "session.create", {
    teamId: team.id,
    essayId: (
      await callApi<{ id: string; slug: string }[]>(console_, "content.list", undefined, "GET")
    ).find((essay) => essay.slug === technicalLeadershipSlug)!.id,
    title,
    settings: {},
  });
  await console_.goto(`/facilitate/${session.id}`);
  const presenter = await facilitator.newPage();
  await presenter.setViewportSize({ width: 1280, height: 720 });
  await presenter.goto(`/present/${session.id}`);

  const phones: Page[] = [];
  for (const name of ["Lin", "Sam", "Kai"]) {
    const phone = await openPhone(browser);
    await phone.goto(`/join/${session.joinCode}`);
    await phone.getByLabel("Your name").fill(name);
    await phone.getByRole("button", { name: "Join the session" }).click();
    await expect(phone.getByRole("heading", { name: `You're in, ${name}` })).toBeVisible();
    phones.push(phone);
  }
  await expect(presenter.getByText("3 people joined")).toBeVisible();
  await callApi(console_, "session.stage", {
    sessionId: session.id,
    command: { type: "goto", stage: "vote" },
  });
  for (const phone of phones) {
    await expect(phone.getByRole("heading", { name: "Voting opens soon" })).toBeVisible();
  }
  return { facilitator, console: console_, presenter, phones: phones as [Page, Page, Page] };
}

function practiceCard(phone: Page, title: string) {
  return phone.getByRole("listitem").filter({ has: phone.getByRole("heading", { name: title }) });
}

async function putDots(phone: Page, title: string, dots: number) {
  for (let i = 0; i < dots; i++) {
    await phone.getByRole("button", { name: `Put a dot on ${title}` }).click();
  }
}

async function sendVote(phone: Page, label = "Send my vote") {
  await phone.getByRole("button", { name: label }).click();
  await expect(phone.getByText("Your vote is in.")).toBeVisible();
}

/** The row of a practice in a results chart, by its title. */
function resultRow(page: Page, title: string) {
  return page.getByRole("listitem").filter({ hasText: title }).first();
}

test("dot voting: turnout live, a changed vote, an offline phone catching up, the same results everywhere", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const room = await sessionAtVote(browser, "Dot vote");
  const [lin, sam, kai] = room.phones;

  // Kai's phone loses its connection before the round opens.
  await kai.context().setOffline(true);

  // A round that opens while a phone is open can hold none of its ballots: the phone doesn't ask
  // (a whole room asking at once would crowd the server the moment voting opens).
  const asked: string[] = [];
  lin.on("request", (request) => {
    if (request.url().includes("voting.mine")) asked.push(request.url());
  });
  await room.console.getByRole("button", { name: "Open voting" }).click();
  await expect(room.presenter.getByText("0 of 3 voted")).toBeVisible();
  await expect(lin.getByText("3 of 3 dots left")).toBeVisible();
  expect(asked).toEqual([]);

  // The budget rules show on the phone: at most 2 on one practice, 3 in all.
  await putDots(lin, practices.reviews, 2);
  await expect(
    lin.getByRole("button", { name: `Put a dot on ${practices.reviews}` }),
  ).toBeDisabled();
  await putDots(lin, practices.errors, 1);
  await expect(lin.getByText("0 of 3 dots left")).toBeVisible();
  await expect(
    lin.getByRole("button", { name: `Put a dot on ${practices.coaching}` }),
  ).toBeDisabled();
  await sendVote(lin);
  await expect(room.presenter.getByText("1 of 3 voted")).toBeVisible();
  await expect(room.console.getByText("1 of 3 voted")).toBeVisible();

  await putDots(sam, practices.errors, 2);
  await sendVote(sam);
  await expect(room.presenter.getByText("2 of 3 voted")).toBeVisible();

  // Sam changes their mind: the turnout stays, the ballot is replaced.
  await sam.getByRole("button", { name: `Take a dot off ${practices.errors}` }).click();
  await putDots(sam, practices.coaching, 1);
  await sendVote(sam, "Update my vote");
  await sam.reload();
  await expect(sam.getByText("Your vote is in.")).toBeVisible();
  await expect(practiceCard(sam, practices.coaching).getByRole("status")).toHaveText("1");
  await expect(room.presenter.getByText("2 of 3 voted")).toBeVisible();

  // Back online, Kai's phone catches up to the open round by itself and votes.
  await kai.context().setOffline(false);
  await expect(kai.getByText("3 of 3 dots left")).toBeVisible({ timeout: 45_000 });
  await putDots(kai, practices.reviews, 1);
  await sendVote(kai);
  await expect(room.presenter.getByText("3 of 3 voted")).toBeVisible();
  // While voting, no screen shows a tally.
  await expect(room.console.getByText(/\d+ dots?$/)).toHaveCount(0);

  await room.console.getByRole("button", { name: "Close and reveal results" }).click();
  // Reviews 3 dots (Lin 2, Kai 1); errors 2 (Lin 1, Sam 1); coaching 1 (Sam).
  for (const screen of [room.presenter, room.console, lin, sam, kai]) {
    await expect(screen.getByRole("heading", { name: /Results of round 1/ })).toBeVisible();
    await expect(resultRow(screen, practices.reviews)).toContainText("3 dots");
    await expect(resultRow(screen, practices.errors)).toContainText("2 dots");
    await expect(resultRow(screen, practices.coaching)).toContainText("1 dot");
  }

  // Adopting a practice highlights it everywhere.
  await room.console.getByRole("button", { name: `Adopt ${practices.reviews}` }).click();
  for (const screen of [room.presenter, lin, kai]) {
    await expect(resultRow(screen, practices.reviews)).toContainText("Adopted");
  }
  await expect(
    room.console.getByRole("button", { name: `Adopted ✓ ${practices.reviews}` }),
  ).toHaveAttribute("aria-pressed", "true");

  for (const phone of room.phones) await phone.context().close();
  await room.facilitator.close();
});

test("approval and maturity rounds: ties shown as ties, the gap charted", async ({ browser }) => {
  test.setTimeout(120_000);
  const room = await sessionAtVote(browser, "Approval and maturity");
  const [lin, sam, kai] = room.phones;

  await room.console.getByLabel("Approval").check();
  await room.console.getByRole("button", { name: "Open voting" }).click();
  const approve = async (phone: Page, titles: string[]) => {
    for (const title of titles) {
      await practiceCard(phone, title).getByLabel(`Yes, adopt ${title}`).check();
    }
    await sendVote(phone);
  };
  await approve(lin, [practices.errors, practices.reviews]);
  await approve(sam, [practices.errors, practices.reviews]);
  await approve(kai, [practices.resilient]);
  await expect(room.presenter.getByText("3 of 3 voted")).toBeVisible();
  await room.console.getByRole("button", { name: "Close voting" }).click();
  await expect(lin.getByRole("heading", { name: "Voting has closed" })).toBeVisible();
  await room.console.getByRole("button", { name: "Reveal results" }).click();
  for (const screen of [room.presenter, room.console, lin]) {
    await expect(resultRow(screen, practices.errors)).toContainText("rank 1 tied");
    await expect(resultRow(screen, practices.errors)).toContainText("2 of 3 approve");
    await expect(resultRow(screen, practices.reviews)).toContainText("rank 1 tied");
    await expect(resultRow(screen, practices.resilient)).toContainText("1 of 3 approve");
    // Nobody approved it: no rank number, only the count.
    await expect(resultRow(screen, practices.coaching)).toContainText("not ranked");
  }

  // A second round: maturity rating of every practice, opened from the results.
  await room.console.getByText("Run another round").click();
  await room.console.getByLabel("Maturity rating").check();
  // The run-off ticks the leaders; this round rates only those three.
  await room.console.getByRole("button", { name: "Open another round" }).click();
  await expect(room.presenter.getByText("0 of 3 voted")).toBeVisible();
  const rate = async (phone: Page, today: number, importance: number) => {
    for (const title of [practices.errors, practices.reviews, practices.resilient]) {
      const card = practiceCard(phone, title);
      await card
        .getByRole("group", { name: "How well do we do this today?" })
        .locator("label")
        .filter({ hasText: new RegExp(`^${today}\\b`) })
        .click();
      await card
        .getByRole("group", { name: "How important is it for us?" })
        .locator("label")
        .filter({ hasText: new RegExp(`^${importance}\\b`) })
        .click();
    }
    await sendVote(phone);
  };
  await rate(lin, 2, 5);
  await rate(sam, 3, 4);
  await rate(kai, 1, 3);
  await expect(room.presenter.getByText("3 of 3 voted")).toBeVisible();
  await room.console.getByRole("button", { name: "Close and reveal results" }).click();
  // Today averages 2.0, importance 4.0: a gap of +2.0 for each rated practice (a three-way tie).
  for (const screen of [room.presenter, room.console, sam]) {
    await expect(screen.getByRole("heading", { name: /Results of round 2/ })).toBeVisible();
    await expect(resultRow(screen, practices.reviews)).toContainText("gap +2.0");
    await expect(resultRow(screen, practices.reviews)).toContainText("rank 1 tied");
  }

  for (const phone of room.phones) await phone.context().close();
  await room.facilitator.close();
});
