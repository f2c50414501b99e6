import { randomInt, randomUUID } from "node:crypto";

import { expect, test, type APIResponse } from "@playwright/test";

/**
 * Rate limits as a client sees them on the wire: HTTP 429 with a Retry-After header. Each test
 * comes from an address of its own (the app keys clients by the last X-Forwarded-For entry), so
 * the counters it fills hold up no other spec, nor a retry of this one.
 */
const ownAddress = () => ({
  "x-forwarded-for": `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`,
});

function expectTooManyRequests(response: APIResponse, maxWaitSeconds: number) {
  expect(response.status()).toBe(429);
  const retryAfter = Number(response.headers()["retry-after"]);
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(maxWaitSeconds);
}

test("guessing join codes ends in 429 with Retry-After, in the batch a phone sends", async ({
  request,
}) => {
  const headers = ownAddress();
  // The phone's client (httpBatchLink) posts mutations as a batch of one.
  const join = (code: string) =>
    request.post("/api/trpc/participant.join?batch=1", {
      headers,
      data: { 0: { json: { code, displayName: "Guesser", joinKey: randomUUID() } } },
    });
  for (const letter of "ABCDEFGHJKMNPQRSTUVW") {
    expect((await join(`QQ${letter}-QQQ`)).status()).toBe(404);
  }
  const refused = await join("QQX-QQQ");
  expectTooManyRequests(refused, 10 * 60);
  const [answer] = (await refused.json()) as { error: { json: { message: string } } }[];
  expect(answer?.error.json.message).toMatch(/^Too many tries — wait \d+ minutes and try again\.$/);
});

test("a paused sign-in answers 429 with Retry-After, and the form says how long to wait", async ({
  page,
  request,
}) => {
  const headers = ownAddress();
  const email = `guessed-${randomUUID()}@example.test`;
  const { csrfToken } = (await (await request.get("/api/auth/csrf", { headers })).json()) as {
    csrfToken: string;
  };
  const attempt = () =>
    request.post("/api/auth/callback/credentials", {
      headers,
      form: { email, password: "not the password", csrfToken, callbackUrl: "/home" },
      maxRedirects: 0,
    });
  // Five wrong passwords for one email: Auth.js answers each by sending the form back.
  for (let i = 0; i < 5; i++) {
    const wrong = await attempt();
    expect(wrong.status()).toBe(302);
    expect(wrong.headers()["location"]).toContain("code=invalid");
  }
  const refused = await attempt();
  expectTooManyRequests(refused, 15 * 60);
  expect(((await refused.json()) as { error: string }).error).toBe(
    "Too many tries — wait 15 minutes and try again.",
  );

  // The sign-in page posts through a server action, which can't answer 429: it says the wait.
  await page.setExtraHTTPHeaders(headers);
  await page.goto("/sign-in");
  const form = page.getByRole("main");
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Password").fill("not the password either");
  await form.getByRole("button", { name: "Sign in" }).click();
  await expect(form.getByText("Too many tries — wait 15 minutes and try again.")).toBeVisible();
});
