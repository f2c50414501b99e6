import { expect, test, type Page } from "@playwright/test";

import { signInAsAdmin } from "./support";

async function signIn(page: Page, email: string, password: string) {
  await page.goto("/sign-in");
  const form = page.getByRole("main");
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Password").fill(password);
  await form.getByRole("button", { name: "Sign in" }).click();
}

test("the admin area sends signed-out visitors to sign in and back", async ({ page }) => {
  await page.goto("/admin/users");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fadmin%2Fusers$/);
  await expect(page.getByRole("banner").getByRole("link", { name: "Admin" })).toHaveCount(0);
});

test("an admin creates an account, changes its role and deactivates it; the log shows it all", async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const suffix = Date.now().toString(36);
  const person = {
    name: `Uma ${suffix}`,
    email: `uma-${suffix}@example.test`,
    password: "a long enough password",
  };

  const adminPage = await (await browser.newContext()).newPage();
  await signInAsAdmin(adminPage);
  await adminPage.getByRole("banner").getByRole("link", { name: "Admin" }).click();
  await expect(adminPage.getByRole("heading", { level: 1, name: "Admin" })).toBeVisible();
  await adminPage
    .getByRole("navigation", { name: "Admin" })
    .getByRole("link", { name: "Users" })
    .click();
  await expect(adminPage.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();

  // Create the account through the form.
  await adminPage.getByLabel("Name", { exact: true }).fill(person.name);
  await adminPage.getByLabel("Email", { exact: true }).fill(person.email);
  await adminPage.getByLabel("Role", { exact: true }).selectOption("member");
  await adminPage.getByLabel("Initial password").fill(person.password);
  await adminPage.getByRole("button", { name: "Create account" }).click();
  await expect(adminPage.getByText(`Account created for ${person.name}`)).toBeVisible();

  // The new person signs in, as a member: no admin area, no team creation.
  const personPage = await (await browser.newContext()).newPage();
  await signIn(personPage, person.email, person.password);
  await expect(
    personPage.getByRole("heading", { level: 1, name: `Hello, ${person.name}` }),
  ).toBeVisible();
  expect((await personPage.goto("/admin"))?.status()).toBe(404);
  await personPage.goto("/teams");
  await expect(personPage.getByRole("heading", { name: "Create a team" })).toHaveCount(0);

  // The admin finds them and makes them a facilitator.
  await adminPage.getByLabel("Search by name or email").fill(person.email);
  await adminPage.getByRole("button", { name: "Search" }).click();
  await expect(adminPage).toHaveURL(/\/admin\/users\?q=/);
  const row = adminPage.getByRole("listitem", { name: person.name });
  await expect(row).toHaveCount(1);
  await row.getByLabel(`Role of ${person.name}`).selectOption("facilitator");
  await row.getByRole("button", { name: `Change role of ${person.name}` }).click();
  await expect(row.getByRole("status")).toHaveText(`${person.name}'s role is changed.`);
  await expect(
    row.getByText("Facilitator", { exact: true }).filter({ visible: true }),
  ).toBeVisible();

  // At their next click, they can create teams.
  await personPage.reload();
  await expect(personPage.getByRole("heading", { name: "Create a team" })).toBeVisible();

  // Deactivated, they are out at their next click and can't sign in again.
  await row.getByRole("button", { name: `Deactivate ${person.name}` }).click();
  await row.getByRole("button", { name: `Yes, deactivate ${person.name}` }).click();
  await expect(row.getByText("Deactivated", { exact: true })).toBeVisible();
  await personPage.goto("/home");
  await expect(personPage).toHaveURL(/\/sign-in\?next=(%2F|\/)home$/);
  await signIn(personPage, person.email, person.password);
  await expect(personPage.getByRole("main").getByRole("alert")).toContainText(
    "That email and password don't match an account",
  );

  // The admin can't deactivate themselves: their own row has no controls.
  await adminPage.getByLabel("Search by name or email").fill("ada@example.test");
  await adminPage.getByRole("button", { name: "Search" }).click();
  const own = adminPage.getByRole("listitem", { name: /\(you\)$/ });
  await expect(own).toContainText("You can't change your own role or deactivate yourself");
  await expect(own.getByRole("button")).toHaveCount(0);

  // Every change is in the audit log, newest first.
  await adminPage
    .getByRole("navigation", { name: "Admin" })
    .getByRole("link", { name: "Audit log" })
    .click();
  await adminPage
    .getByRole("navigation", { name: "Kinds of change" })
    .getByRole("link", { name: "Users" })
    .click();
  await expect(adminPage).toHaveURL(/\/admin\/audit\?kind=users$/);
  const log = adminPage.getByRole("list", { name: "Changes, newest first" });
  const mine = log.getByRole("listitem").filter({ hasText: person.name });
  await expect(mine).toHaveCount(3);
  await expect(mine.nth(0)).toContainText(`Deactivated ${person.name}`);
  await expect(mine.nth(1)).toContainText(
    `Changed ${person.name}'s role from member to facilitator`,
  );
  await expect(mine.nth(2)).toContainText(`Created the account of ${person.name} as member`);
  await expect(mine.nth(0)).toContainText("by Ada Admin");
});

test("a sign-up link from the admin makes one account with the chosen role, once", async ({
  browser,
}) => {
  test.setTimeout(60_000);
  const suffix = Date.now().toString(36);
  const adminPage = await (await browser.newContext()).newPage();
  await signInAsAdmin(adminPage);
  await adminPage.goto("/admin/users");
  await adminPage.getByLabel("Role of the new account").selectOption("facilitator");
  await adminPage.getByRole("button", { name: "Create sign-up link" }).click();
  const link = await adminPage.getByLabel("Sign-up link", { exact: true }).inputValue();
  expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);

  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(link);
  await expect(
    visitor.getByRole("heading", { level: 1, name: "Create your account" }),
  ).toBeVisible();
  await expect(visitor.getByText("with the role Facilitator")).toBeVisible();
  await visitor.getByLabel("Your name").fill(`Fay ${suffix}`);
  await visitor.getByLabel("Email").fill(`fay-${suffix}@example.test`);
  await visitor.getByLabel("Password").fill("a long enough password");
  await visitor.getByRole("button", { name: "Create account" }).click();
  await expect(
    visitor.getByRole("heading", { level: 1, name: `Hello, Fay ${suffix}` }),
  ).toBeVisible();
  await expect(visitor.getByText("Facilitator", { exact: false }).first()).toBeVisible();

  const late = await (await browser.newContext()).newPage();
  await late.goto(link);
  await expect(
    late.getByRole("heading", { level: 1, name: "This sign-up link was used" }),
  ).toBeVisible();
});

test("an admin sees open sign-up links and revokes one with the keyboard; the link stops working", async ({
  browser,
}) => {
  test.setTimeout(60_000);
  const adminPage = await (await browser.newContext()).newPage();
  await signInAsAdmin(adminPage);
  await adminPage.goto("/admin/users");
  const open = adminPage.getByRole("region", { name: "Open sign-up links" });
  await adminPage.getByLabel("Role of the new account").selectOption("admin");
  await adminPage.getByRole("button", { name: "Create sign-up link" }).click();
  const link = await adminPage.getByLabel("Sign-up link", { exact: true }).inputValue();

  // Listed with its role, maker and expiry, but never the link itself.
  const item = open.getByRole("listitem", { name: "Admin sign-up link" });
  await expect(item).toHaveCount(1);
  await expect(item).toContainText("By Ada Admin");
  await expect(open).not.toContainText(link.split("/").pop()!);

  // Revoke asks first; Escape cancels and gives focus back to the button.
  const revoke = item.getByRole("button", { name: "Revoke the admin sign-up link by Ada Admin" });
  await revoke.focus();
  await adminPage.keyboard.press("Enter");
  await expect(item.getByRole("button", { name: "Cancel" })).toBeFocused();
  await adminPage.keyboard.press("Escape");
  await expect(revoke).toBeFocused();
  await adminPage.keyboard.press("Enter");
  await adminPage.keyboard.press("Shift+Tab");
  await expect(item.getByRole("button", { name: "Yes, revoke the link" })).toBeFocused();
  await adminPage.keyboard.press("Enter");
  await expect(open.getByRole("status")).toHaveText(
    "The sign-up link is revoked. It no longer creates an account.",
  );
  await expect(open.getByText("No open sign-up links.")).toBeVisible();

  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(link);
  await expect(
    visitor.getByRole("heading", { level: 1, name: "This invite was withdrawn" }),
  ).toBeVisible();

  await adminPage.goto("/admin/audit?kind=users");
  await expect(
    adminPage.getByRole("list", { name: "Changes, newest first" }).getByRole("listitem").first(),
  ).toContainText("Withdrew a sign-up link for a new admin");
});
