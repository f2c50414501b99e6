import { expect, test, type Page } from "@playwright/test";

import { callApi, openPhone, signInAsAdmin } from "./support";

/** A phone: its own browser context (own cookies), a phone-sized touch viewport. */
async function joinFromLandingPage(phone: Page, code: string, name: string) {
  await phone.goto("/");
  await phone.getByLabel("Join a session").fill(code.toLowerCase());
  await phone.getByRole("button", { name: "Join", exact: true }).click();
  await phone.getByLabel("Your name").fill(name);
  await phone.getByRole("button", { name: "Join the session" }).click();
  await expect(phone.getByRole("heading", { name: `You're in, ${name}` })).toBeVisible();
}

test("a facilitator runs a session with three phones and the big screen following live", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const facilitatorContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const consolePage = await facilitatorContext.newPage();
  await signInAsAdmin(consolePage);

  // The team is arranged through the API; the session is started as a facilitator would.
  const team = await callApi<{ slug: string }>(consolePage, "team.create", {
    name: `Live ${Date.now().toString(36)}`,
  });
  await consolePage.goto(`/teams/${team.slug}`);
  await consolePage.getByLabel("Title").fill("Leadership retro");
  await consolePage.getByRole("button", { name: "Start the session" }).click();
  await expect(consolePage).toHaveURL(/\/facilitate\/[0-9a-f-]{36}$/);
  const sessionId = consolePage.url().split("/").at(-1)!;
  const { joinCode: shownCode } = await callApi<{ joinCode: string }>(
    consolePage,
    "session.byId",
    { sessionId },
    "GET",
  );
  const session = { id: sessionId, joinCode: shownCode.replace("-", "") };
  await expect(consolePage.getByText(shownCode, { exact: true }).first()).toBeVisible();

  await expect(
    consolePage.getByRole("heading", { level: 1, name: "Leadership retro" }),
  ).toBeVisible();
  const presenter = await facilitatorContext.newPage();
  await presenter.goto(`/present/${session.id}`);
  await expect(presenter.getByText(shownCode, { exact: true })).toBeVisible();

  const names = ["Lin", "Sam", "Kai"];
  const phones: Page[] = [];
  for (const name of names) {
    const phone = await openPhone(browser);
    await joinFromLandingPage(phone, session.joinCode, name);
    phones.push(phone);
  }
  await expect(presenter.getByText("3 people joined")).toBeVisible();
  await expect(consolePage.getByText("3 online now")).toBeVisible();

  // The facilitator advances; every phone and the big screen follow without a click.
  await consolePage.getByRole("button", { name: "Next: Read" }).click();
  for (const phone of phones) {
    await expect(phone.getByRole("heading", { level: 1, name: "Read" })).toBeVisible();
  }
  await expect(presenter.getByText("Reviews and feedback").first()).toBeVisible();

  await consolePage.getByRole("button", { name: "Next: Discuss" }).click();
  for (const phone of phones) {
    await expect(phone.getByRole("heading", { level: 1, name: "Discuss" })).toBeVisible();
  }

  // A phone writes a note on a practice; the big screen shows it.
  const [lin, sam] = phones as [Page, Page, Page];
  const note = "Friday merges skip review and it shows on Mondays";
  await lin.getByLabel("About").selectOption({ label: "Reviews and feedback" });
  await lin.getByLabel("Your note").fill(note);
  await lin.getByRole("button", { name: "Post note" }).click();
  await expect(lin.getByText("Your note is on the board.")).toBeVisible();
  await expect(presenter.getByText(note)).toBeVisible();

  // Another phone upvotes it; a reload keeps each phone the same participant.
  const noteOnSam = sam.getByRole("listitem").filter({ hasText: note });
  await noteOnSam.getByRole("button", { name: /Upvote/ }).click();
  await expect(noteOnSam.getByRole("button", { name: /Upvote/ })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
  await lin.reload();
  await expect(lin.getByRole("heading", { level: 1, name: "Discuss" })).toBeVisible();
  const noteOnLin = lin.getByRole("listitem").filter({ hasText: note });
  await expect(noteOnLin).toContainText("You");
  await expect(noteOnLin.getByRole("button", { name: /Upvote \(1\)/ })).toBeVisible();
  await expect(consolePage.getByText("3 joined")).toBeVisible();

  // Until the facilitator opens a round, the phones wait calmly for the ballot.
  await consolePage.getByRole("button", { name: "Next: Vote" }).click();
  for (const phone of phones) {
    await expect(phone.getByRole("heading", { name: "Voting opens soon" })).toBeVisible();
  }

  for (const phone of phones) await phone.context().close();
  await facilitatorContext.close();
});
