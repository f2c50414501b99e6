import { expect, test, type Page } from "@playwright/test";

const unknownMessage =
  "No session uses the code ABC-DEF. Check the code on the big screen and try again.";

async function joinFromLanding(page: Page, typed: string) {
  await page.goto("/");
  await page.getByLabel("Join a session").fill(typed);
  await page.getByRole("button", { name: "Join", exact: true }).click();
}

test("the join code box is the first form field on the landing page", async ({ page }) => {
  await page.goto("/");
  const codeBox = page.getByRole("textbox", { name: "Join a session" });
  await expect(codeBox).toBeVisible();
  await expect(codeBox).toHaveAttribute("placeholder", "ABC-DEF");

  const firstField = page
    .getByRole("main")
    .locator("input:not([type=hidden]), select, textarea")
    .first();
  await expect(firstField).toHaveAttribute("id", "join-code");

  // Keyboard users reach it: after the header, the next stop is the code box itself.
  await page.getByRole("banner").getByRole("link", { name: "Sign in" }).focus();
  await page.keyboard.press("Tab");
  await expect(codeBox).toBeFocused();
});

for (const typed of ["abc-def", "ABCDEF", "abcdef"]) {
  test(`typing "${typed}" leads to /join/ABCDEF and says no session uses it`, async ({ page }) => {
    await joinFromLanding(page, typed);

    await expect(page).toHaveURL(/\/join\/ABCDEF$/);
    await expect(page.getByRole("main").getByRole("alert")).toHaveText(unknownMessage);
    // The box keeps the code, in its shown form, ready to correct.
    const codeBox = page.getByRole("textbox", { name: "Join a session" });
    await expect(codeBox).toHaveValue("ABC-DEF");
    await expect(codeBox).toHaveAttribute("aria-invalid", "true");
  });
}

test("a code that can't exist is called out as not a join code", async ({ page }) => {
  // 0 is left out of the code alphabet (it looks like O), so this can never be a code.
  await joinFromLanding(page, "ABC-DE0");

  await expect(page).toHaveURL(/\/join\/ABC-DE0$/);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(
    "“ABC-DE0” isn't a join code. A code has 6 letters and digits, like ABC-DEF.",
  );
  await expect(page.getByRole("textbox", { name: "Join a session" })).toHaveValue("");
});

test("a code that is too short is called out as not a join code", async ({ page }) => {
  await joinFromLanding(page, "abc");

  await expect(page).toHaveURL(/\/join\/abc$/);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(
    "“abc” isn't a join code. A code has 6 letters and digits, like ABC-DEF.",
  );
});
