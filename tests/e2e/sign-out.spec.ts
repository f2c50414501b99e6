import { expect, test } from "@playwright/test";

import { signInAsAdmin } from "./support";

const sessionCookie = /^(__Secure-)?authjs\.session-token(\.\d+)?$/;

test("signing out ends the session on the server: a copy of its cookie is refused afterwards", async ({
  page,
  browser,
}) => {
  await signInAsAdmin(page);
  const copied = (await page.context().cookies()).filter((c) => sessionCookie.test(c.name));
  expect(copied.length).toBeGreaterThan(0);

  // Someone else's browser holding a copy of the cookie, taken before the sign-out.
  const other = await browser.newContext();
  await other.addCookies(copied);
  expect((await other.request.get("/api/trpc/team.list")).status()).toBe(200);

  await page.getByRole("banner").getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();

  const refused = await other.request.get("/api/trpc/team.list");
  expect(refused.status()).toBe(401);
  const copyPage = await other.newPage();
  await copyPage.goto("/teams");
  await expect(copyPage).toHaveURL(/\/sign-in\?next=%2Fteams|\/sign-in\?next=\/teams/);
  await expect(copyPage.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
  // Signed out: no "Sign out" (and, on the sign-in page itself, no header "Sign in" either).
  await expect(copyPage.getByRole("banner").getByRole("button", { name: "Sign out" })).toHaveCount(
    0,
  );
  await expect(copyPage.getByRole("banner").getByRole("link", { name: "Sign in" })).toHaveCount(0);
  await other.close();
});
