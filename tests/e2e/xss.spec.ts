import { expect, test, type Page } from "@playwright/test";

import { callApi, signInAsAdmin } from "./support";
import { xssPayloads } from "./xss-payloads";

/*
 * Every payload sets window.__xss if it runs. The workshop's title starts with "XSS" so that it
 * sorts after the seeded workshop, which other specs pick as the first in the list.
 */
const settings = { votingMethod: "dots", dots: 3, maxDotsPerPractice: 2, anonymousNotes: false };

async function expectInert(page: Page, where: string) {
  const found = await page.evaluate(() => ({
    ran: (window as unknown as { __xss?: unknown }).__xss !== undefined,
    handlers: [...document.querySelectorAll("main *")].flatMap((el) =>
      [...el.attributes]
        .filter((a) => /^on/i.test(a.name) || /^\s*(javascript|data):/i.test(a.value))
        // React's own placeholder on forms whose action is a function, never run.
        .filter((a) => !/React form (was )?unexpectedly submitted/.test(a.value))
        .map((a) => `${el.tagName} ${a.name}=${a.value.slice(0, 80)}`),
    ),
    frames: document.querySelectorAll("main iframe, main object, main embed").length,
    scripts: [...document.querySelectorAll("script")].filter((s) =>
      s.textContent?.startsWith("window.__xss"),
    ).length,
  }));
  expect(found, where).toEqual({ ran: false, handlers: [], frames: 0, scripts: 0 });
}

test("XSS payloads in essays, practices, prompts and notes render inert everywhere they show", async ({
  browser,
  page,
}) => {
  test.setTimeout(120_000);
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await signInAsAdmin(page);

  const essay = await callApi<{ id: string; slug: string }>(page, "adminContent.create", {
    title: `XSS corpus ${Date.now().toString(36)} <img src=x onerror=window.__xss=1>`,
  });
  const { draftUpdatedAt, draft } = await callApi<{
    draftUpdatedAt: string;
    draft: { title: string };
  }>(page, "adminContent.byId", { essayId: essay.id }, "GET");
  await page.request.post("/api/trpc/adminContent.saveDraft", {
    data: {
      json: {
        essayId: essay.id,
        expectedDraftUpdatedAt: draftUpdatedAt,
        draft: {
          title: draft.title,
          markdown: xssPayloads.map((p, i) => `## Part ${i}\n\n${p}\n`).join("\n"),
          practices: xssPayloads.slice(0, 12).map((p, i) => ({
            practiceId: null,
            title: `Practice ${i} ${p}`,
            description: xssPayloads[(i + 12) % xssPayloads.length],
          })),
          prompts: xssPayloads.slice(0, 8).map((p, i) => ({ text: p, practiceIndex: i })),
        },
      },
      // superjson: the timestamp travels as a Date.
      meta: { values: { expectedDraftUpdatedAt: ["Date"] } },
    },
  });
  const saved = await callApi<{ draftUpdatedAt: string }>(
    page,
    "adminContent.byId",
    { essayId: essay.id },
    "GET",
  );
  expect(saved.draftUpdatedAt).not.toBe(draftUpdatedAt);
  const publishResponse = await page.request.post("/api/trpc/adminContent.publish", {
    data: {
      json: { essayId: essay.id, expectedDraftUpdatedAt: saved.draftUpdatedAt },
      meta: { values: { expectedDraftUpdatedAt: ["Date"] } },
    },
  });
  expect(publishResponse.ok()).toBe(true);

  for (const path of [
    `/library/${essay.slug}`,
    `/admin/content/${essay.id}`,
    `/admin/content/${essay.id}/history`,
    "/admin/content",
  ]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await page.waitForTimeout(300);
    await expectInert(page, path);
  }
  // The editor's live preview renders in the browser: the payloads pass through it too.
  await page.goto(`/admin/content/${essay.id}`);
  await expect(page.getByRole("region", { name: "Preview" })).toContainText("Part 29");
  await expectInert(page, "editor preview");

  const team = await callApi<{ id: string }>(page, "team.create", { name: "XSS team" });
  const session = await callApi<{ id: string; joinCode: string }>(page, "session.create", {
    teamId: team.id,
    essayId: essay.id,
    title: "XSS session <script>window.__xss=1</script>",
    settings,
  });
  const phone = await (await browser.newContext()).newPage();
  phone.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await callApi(phone, "participant.join", {
    code: session.joinCode,
    displayName: "<img src=x onerror=window.__xss=1>",
    joinKey: `xss-${session.id}`,
  });
  const details = await callApi<{ content: { practices: { id: string }[] } }>(
    page,
    "session.byId",
    { sessionId: session.id },
    "GET",
  );
  await callApi(page, "session.stage", {
    sessionId: session.id,
    command: { type: "goto", stage: "read" },
  });
  await phone.goto(`/join/${session.joinCode}`);
  await expect(phone.getByRole("heading", { level: 1, name: "Read" })).toBeVisible();
  await expectInert(phone, "phone, read");

  await callApi(page, "session.stage", {
    sessionId: session.id,
    command: { type: "goto", stage: "discuss" },
  });
  for (const [i, payload] of xssPayloads.slice(0, 6).entries()) {
    await callApi(phone, "participant.addNote", {
      sessionId: session.id,
      practiceId: details.content.practices[i]!.id,
      body: payload,
      anonymous: false,
    });
  }
  await expect(phone.getByRole("heading", { level: 1, name: "Discuss" })).toBeVisible();
  await expect(phone.getByText("<script>window.__xss=1</script>").first()).toBeVisible();
  await expectInert(phone, "phone, discuss");

  for (const path of [`/present/${session.id}`, `/facilitate/${session.id}`]) {
    await page.goto(path);
    await expect(page.getByText("<script>window.__xss=1</script>").first()).toBeVisible();
    await expectInert(page, path);
  }
  expect(dialogs).toEqual([]);
  await phone.context().close();
});
