import { expect, type Page } from "@playwright/test";

/** The admin that the "install" project (setup-and-sign-in.spec.ts) creates first. */
export const admin = {
  name: "Ada Admin",
  email: "ada@example.test",
  password: "correct horse battery staple",
};

export async function signInAsAdmin(page: Page) {
  await page.goto("/sign-in");
  const form = page.getByRole("main");
  await form.getByLabel("Email").fill(admin.email);
  await form.getByLabel("Password").fill(admin.password);
  await form.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Hello, ${admin.name}` })).toBeVisible();
}

/**
 * Calls a tRPC procedure over HTTP from the page (so with its cookies): for arranging data a
 * test is not about. What the test is about, it does through the UI.
 */
export async function callApi<T>(
  page: Page,
  path: string,
  input: unknown,
  method: "GET" | "POST" = "POST",
) {
  const response =
    method === "POST"
      ? await page.request.post(`/api/trpc/${path}`, { data: { json: input } })
      : await page.request.get(
          `/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`,
        );
  const body = (await response.json()) as { result?: { data: { json: T } }; error?: unknown };
  if (!body.result) throw new Error(`${path} failed: ${JSON.stringify(body.error)}`);
  return body.result.data.json;
}
