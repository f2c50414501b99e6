import { expect, test } from "@playwright/test";

import { callApi, signInAsAdmin } from "./support";

test("an admin adds a person to a team, moves them to another and sees it in the log", async ({
  page,
}) => {
  const suffix = Date.now().toString(36);
  await signInAsAdmin(page);
  // Arranged over the API: two teams and an account. The moves are what this test is about.
  const from = await callApi<{ id: string }>(page, "team.create", { name: `Ops ${suffix}` });
  const to = await callApi<{ id: string }>(page, "team.create", { name: `Web ${suffix}` });
  expect(from.id).not.toBe(to.id);
  const person = { name: `Mo ${suffix}`, email: `mo-${suffix}@example.test` };
  await callApi(page, "adminUsers.create", {
    ...person,
    role: "member",
    password: "a long enough password",
  });

  await page.goto(`/admin/teams?q=${suffix}`);
  await expect(page.getByRole("heading", { level: 1, name: "Teams" })).toBeVisible();
  const ops = page.getByRole("listitem", { name: `Ops ${suffix}` });
  const web = page.getByRole("listitem", { name: `Web ${suffix}` });
  await expect(ops).toBeVisible();
  await expect(web).toBeVisible();

  await ops.getByLabel(`Add to Ops ${suffix} by email`).fill(person.email);
  await ops.getByRole("button", { name: "Add", exact: true }).click();
  const inOps = ops.getByRole("list", { name: `People in Ops ${suffix}` });
  await expect(inOps).toContainText(person.name);

  const row = inOps.getByRole("listitem", { name: person.name });
  await row.getByLabel(`Move ${person.name} to`).selectOption({ label: `Web ${suffix}` });
  await row.getByRole("button", { name: `Move ${person.name}`, exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Moved" })).toHaveText(
    `Moved ${person.name} from Ops ${suffix} to Web ${suffix}.`,
  );
  await expect(inOps).not.toContainText(person.name);
  const inWeb = web.getByRole("list", { name: `People in Web ${suffix}` });
  await expect(inWeb.getByRole("listitem", { name: person.name })).toContainText("Member");

  await page.goto("/admin/audit?kind=teams");
  const log = page.getByRole("list", { name: "Changes, newest first" });
  await expect(log.getByRole("listitem").first()).toContainText(
    `Moved ${person.name} from Ops ${suffix} to Web ${suffix}`,
  );
  await expect(log).toContainText(`Added ${person.name} to Ops ${suffix} as member`);
});
