import { expect, test, type Page } from "@playwright/test";

// The admin that setup-and-sign-in.spec.ts creates on the fresh e2e install. This spec must not
// depend on running after it, so it performs the same setup itself when nobody else does.
const admin = {
  name: "Ada Admin",
  email: "ada@example.test",
  password: "correct horse battery staple",
};

/**
 * How long to leave a fresh install to setup-and-sign-in.spec.ts, which asserts that *it* sets
 * the install up and may be starting in the other worker at this moment. Only a run on a fresh
 * install without that spec pays this wait.
 */
const setupGraceMs = 15_000;

async function setupComplete(page: Page) {
  const response = await page.request.get("/api/trpc/setup.status");
  const body = (await response.json()) as { result: { data: { json: { complete: boolean } } } };
  return body.result.data.json.complete;
}

async function signInAsAdmin(page: Page) {
  const greeting = page.getByRole("heading", { level: 1, name: `Hello, ${admin.name}` });
  const deadline = Date.now() + setupGraceMs;
  while (!(await setupComplete(page)) && Date.now() < deadline) await page.waitForTimeout(500);

  await page.goto("/setup");
  if (await page.getByRole("heading", { level: 1, name: "Set up Practica" }).isVisible()) {
    await page.getByLabel("Your name").fill(admin.name);
    await page.getByLabel("Email").fill(admin.email);
    await page.getByLabel("Password", { exact: true }).fill(admin.password);
    await page.getByLabel("Repeat the password").fill(admin.password);
    await page.getByRole("button", { name: "Create the admin account" }).click();
    // Another worker may still have set up the install a moment earlier: then the form says so.
    const refused = page.getByRole("main").getByRole("alert");
    await expect(greeting.or(refused)).toBeVisible();
    if (await greeting.isVisible()) return;
  }
  await page.goto("/sign-in");
  const form = page.getByRole("main");
  await form.getByLabel("Email").fill(admin.email);
  await form.getByLabel("Password").fill(admin.password);
  await form.getByRole("button", { name: "Sign in" }).click();
  await expect(greeting).toBeVisible();
}

test("a facilitator creates a team and an invite link; a newcomer signs up through it and is in", async ({
  browser,
}) => {
  // Three people's browsers and a possible wait for the install's setup: longer than one page.
  test.setTimeout(90_000);
  const suffix = Date.now().toString(36);
  const teamName = `Platform ${suffix}`;
  const newcomer = {
    name: "Nia Newcomer",
    email: `nia-${suffix}@example.test`,
    password: "a long enough password",
  };

  const adminContext = await browser.newContext();
  const page = await adminContext.newPage();
  await signInAsAdmin(page);

  await page.getByRole("banner").getByRole("link", { name: "Teams" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Teams" })).toBeVisible();
  await page.getByLabel("Team name").fill(teamName);
  await page.getByRole("button", { name: "Create team" }).click();

  await expect(page).toHaveURL(new RegExp(`/teams/platform-${suffix}$`));
  await expect(page.getByRole("heading", { level: 1, name: teamName })).toBeVisible();
  const members = page.getByRole("list", { name: "Members" });
  await expect(members.getByRole("listitem")).toHaveCount(1);
  await expect(members).toContainText(admin.name);
  await expect(members).toContainText("Facilitator");

  await page.getByRole("button", { name: "Create invite link" }).click();
  const link = await page.getByLabel("Invite link").inputValue();
  // Invite links point at the public URL the server was started with (the test's base URL).
  expect(link).toMatch(new RegExp(`^${test.info().project.use.baseURL}/invite/[A-Za-z0-9_-]{43}$`));
  await expect(page.getByRole("button", { name: /^Revoke Member invite$/ })).toBeVisible();

  // The newcomer, in a browser of their own, has no account yet.
  const visitorContext = await browser.newContext();
  const visitor = await visitorContext.newPage();
  await visitor.goto(link);
  await expect(visitor.getByRole("heading", { level: 1, name: `Join ${teamName}` })).toBeVisible();
  await expect(
    visitor.getByText(`${admin.name} invited you to join ${teamName} on Practica as a member.`),
  ).toBeVisible();
  await expect(visitor.getByRole("link", { name: "Sign in to join" })).toHaveAttribute(
    "href",
    `/sign-in?next=${encodeURIComponent(new URL(link).pathname)}`,
  );
  await visitor.getByLabel("Your name").fill(newcomer.name);
  await visitor.getByLabel("Email").fill(newcomer.email);
  await visitor.getByLabel("Password").fill(newcomer.password);
  await visitor.getByRole("button", { name: "Create account and join" }).click();

  await expect(visitor).toHaveURL(new RegExp(`/teams/platform-${suffix}\\?joined=1$`));
  await expect(visitor.getByRole("heading", { level: 1, name: teamName })).toBeVisible();
  await expect(visitor.getByRole("status")).toHaveText(`Welcome to ${teamName}!`);
  await expect(visitor.getByRole("list", { name: "Members" })).toContainText(newcomer.name);
  // A member sees the team but not the facilitator's invite tools.
  await expect(visitor.getByRole("heading", { name: "Invite people" })).toHaveCount(0);
  await expect(visitor.getByRole("banner").getByRole("button", { name: "Sign out" })).toBeVisible();

  // The same link again only says they're in already.
  await visitor.goto(link);
  await visitor.getByRole("button", { name: `Join ${teamName}` }).click();
  await expect(visitor.getByRole("status")).toHaveText(`You are already in ${teamName}.`);

  await page.reload();
  await expect(members.getByRole("listitem")).toHaveCount(2);
  await expect(members).toContainText(newcomer.email);
  await expect(page.getByText("1 joined")).toBeVisible();

  // Another team's page is a plain 404 to the newcomer, like an address no team has.
  await page.goto("/teams");
  await page.getByLabel("Team name").fill(`Secret ${suffix}`);
  await page.getByRole("button", { name: "Create team" }).click();
  await expect(page).toHaveURL(new RegExp(`/teams/secret-${suffix}$`));
  for (const slug of [`secret-${suffix}`, `no-such-team-${suffix}`]) {
    const response = await visitor.goto(`/teams/${slug}`);
    expect(response?.status()).toBe(404);
    await expect(visitor.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
    await expect(visitor.getByText("Secret")).toHaveCount(0);
  }
  await visitor.goto("/teams");
  await expect(visitor.getByRole("main").getByRole("link")).toHaveText([
    new RegExp(`^${teamName}`),
  ]);
  await page.goto(`/teams/platform-${suffix}`);

  // Revoked, the link tells the next visitor so instead of letting them in.
  await page.getByRole("button", { name: /^Revoke Member invite$/ }).click();
  await expect(page.getByText("No open invites.", { exact: false })).toBeVisible();
  const lateContext = await browser.newContext();
  const late = await lateContext.newPage();
  await late.goto(link);
  await expect(
    late.getByRole("heading", { level: 1, name: "This invite was withdrawn" }),
  ).toBeVisible();
  await expect(late.getByLabel("Email")).toHaveCount(0);

  await Promise.all([adminContext.close(), visitorContext.close(), lateContext.close()]);
});

test("an invite link nobody issued says so", async ({ page }) => {
  await page.goto(`/invite/${"x".repeat(43)}`);
  await expect(
    page.getByRole("heading", { level: 1, name: "This invite link doesn't work" }),
  ).toBeVisible();
});
