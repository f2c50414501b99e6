import { expect, test } from "@playwright/test";

const title = "Technical Competence is a Form of Leadership";

test("the library leads to the seeded essay with its eight practices", async ({ page }) => {
  await page.goto("/library");
  await expect(page.getByRole("heading", { level: 1, name: "Library" })).toBeVisible();

  await page.getByRole("link", { name: title }).click();

  await expect(page).toHaveURL(/\/library\/technical-competence-is-a-form-of-leadership$/);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page).toHaveTitle(`${title} · Practica`);
  await expect(
    page
      .getByRole("article")
      .getByRole("heading", { name: "How to implement technical leadership" }),
  ).toBeVisible();
  await expect(page.getByRole("article")).toContainText(
    "Creating a culture of reviews and feedback.",
  );

  const practices = page
    .locator("section")
    .filter({ has: page.getByRole("heading", { name: "Practices to vote on" }) })
    .getByRole("listitem");
  await expect(practices).toHaveCount(8);
  await expect(practices.nth(0)).toContainText("Reduce errors and mistakes");
  await expect(practices.filter({ hasText: "Reviews and feedback" })).toHaveCount(1);
  await expect(practices.filter({ hasText: "Coaching and skills" })).toHaveCount(1);
  await expect(practices.nth(7)).toContainText("Rigour in projects and analyses");
});

test("an essay that doesn't exist is not found", async ({ page }) => {
  const response = await page.goto("/library/no-such-essay");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
});
