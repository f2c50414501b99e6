import { expect, test, type Page } from "@playwright/test";

async function horizontalOverflow(page: Page) {
  return page.evaluate(() => {
    const root = document.documentElement;
    return root.scrollWidth - root.clientWidth;
  });
}

test.describe("on a 320 px wide phone", () => {
  test.use({ viewport: { width: 320, height: 640 }, isMobile: true, hasTouch: true });

  for (const [name, path, heading] of [
    [
      "the landing page",
      "/",
      "Workshops on engineering practices, and the follow-through after them",
    ],
    ["the library", "/library", "Library"],
    [
      "the essay",
      "/library/technical-competence-is-a-form-of-leadership",
      "Technical Competence is a Form of Leadership",
    ],
  ] as const) {
    test(`${name} has no horizontal scroll`, async ({ page }) => {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    });
  }
});

test("the dark theme button sets the dark theme, and it survives a reload", async ({ page }) => {
  await page.goto("/");
  const html = page.locator("html");
  const dark = page.getByRole("button", { name: "Dark theme" });
  const system = page.getByRole("button", { name: "System theme" });

  await expect(system).toHaveAttribute("aria-pressed", "true");
  await expect(html).not.toHaveClass(/\bdark\b/);

  await dark.click();
  await expect(html).toHaveClass(/\bdark\b/);
  await expect(dark).toHaveAttribute("aria-pressed", "true");
  await expect(system).toHaveAttribute("aria-pressed", "false");

  await page.reload();
  await expect(html).toHaveClass(/\bdark\b/);
  await expect(dark).toHaveAttribute("aria-pressed", "true");

  await page.getByRole("button", { name: "Light theme" }).click();
  await expect(html).toHaveClass(/\blight\b/);
  await expect(html).not.toHaveClass(/\bdark\b/);
});

test("the health check reports ok", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ ok: true });
});
