import { expect, test, type BrowserContext, type Page } from "@playwright/test";

import { technicalLeadershipSlug } from "../../db/seed/technical-leadership";
import { adoptThroughOneVote, callApi, signInAsAdmin } from "./support";
import { payloadsUpTo, xssPayloads } from "./xss-payloads";

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

/**
 * What a payload that ran (or nearly ran) would leave behind in a browser context: a dialog, a
 * request to a host other than ours (an exfiltration or a remote script), or a script, image or
 * frame that only the Content-Security-Policy stopped (the sanitizer let it through).
 */
function guardContext(context: BrowserContext) {
  const found = {
    dialogs: [] as string[],
    foreignRequests: [] as string[],
    blocked: [] as string[],
  };
  context.on("dialog", (dialog) => {
    found.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  context.on("request", (request) => {
    const { protocol, hostname } = new URL(request.url());
    if (/^https?:$/.test(protocol) && hostname !== "localhost") {
      found.foreignRequests.push(request.url());
    }
  });
  context.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) found.blocked.push(message.text());
  });
  return found;
}

const nothingFound = { dialogs: [], foreignRequests: [], blocked: [] };

test("XSS payloads in essays, practices, prompts and notes render inert everywhere they show", async ({
  browser,
  page,
}) => {
  test.setTimeout(120_000);
  const facilitatorFound = guardContext(page.context());
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
  const phoneContext = await browser.newContext();
  const phoneFound = guardContext(phoneContext);
  const phone = await phoneContext.newPage();
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
  expect(facilitatorFound).toEqual(nothingFound);
  expect(phoneFound).toEqual(nothingFound);
  await phoneContext.close();
});

test("XSS payloads in people's, phones' and teams' names and in actions render inert everywhere they show", async ({
  browser,
  page,
}) => {
  test.setTimeout(150_000);
  const facilitatorFound = guardContext(page.context());
  await signInAsAdmin(page);
  const suffix = Date.now().toString(36);
  const me = await callApi<{ id: string }>(page, "account.me", undefined, "GET");

  // Team names (and the team the session runs for).
  const teamNames = payloadsUpTo(70)
    .slice(0, 3)
    .map((payload, i) => `T${i} ${payload}`);
  const teams = [];
  for (const name of teamNames) {
    teams.push(await callApi<{ id: string; slug: string }>(page, "team.create", { name }));
  }
  const team = teams[0]!;

  // People named with payloads: on the team, owners of its actions, in the admin lists.
  const personNames = payloadsUpTo(80).slice(3, 6);
  const people = [];
  for (const [i, name] of personNames.entries()) {
    const email = `xss-${i}-${suffix}@example.test`;
    const person = await callApi<{ id: string }>(page, "adminUsers.create", {
      name,
      email,
      role: "member",
      password: "correct horse battery staple",
    });
    await callApi(page, "adminTeams.addMember", { teamId: team.id, email });
    people.push(person);
  }

  const essays = await callApi<{ id: string; slug: string }[]>(
    page,
    "content.list",
    undefined,
    "GET",
  );
  const session = await callApi<{ id: string; joinCode: string }>(page, "session.create", {
    teamId: team.id,
    essayId: essays.find((essay) => essay.slug === technicalLeadershipSlug)!.id,
    title: `Names ${suffix}`,
    settings: {},
  });
  const sessionId = session.id;
  const details = await callApi<{ content: { practices: { id: string }[] } }>(
    page,
    "session.byId",
    { sessionId },
    "GET",
  );
  const practice = details.content.practices[0]!;

  // Phones: one joins through the form with a payload for a name, others over the API.
  const phoneNames = payloadsUpTo(40);
  const phoneContext = await browser.newContext({ viewport: { width: 375, height: 812 } });
  const phoneFound = guardContext(phoneContext);
  const phone = await phoneContext.newPage();
  await phone.goto(`/join/${session.joinCode}`);
  await phone.getByLabel("Your name").fill(phoneNames[0]!);
  await phone.getByRole("button", { name: "Join the session" }).click();
  await expect(phone.getByRole("heading", { name: `You're in, ${phoneNames[0]}` })).toBeVisible();
  await expectInert(phone, "phone, lobby");
  const otherPhones = [];
  for (const [i, displayName] of phoneNames.slice(1, 4).entries()) {
    const context = await browser.newContext();
    otherPhones.push({ context, found: guardContext(context) });
    await callApi(await context.newPage(), "participant.join", {
      code: session.joinCode,
      displayName,
      joinKey: `xss-name-${i}-${suffix}`,
    });
  }
  // The big screen's lobby counts people; the console lists them by name.
  await page.goto(`/present/${sessionId}`);
  await expect(page.getByText("4 people joined")).toBeVisible();
  await expectInert(page, "presenter, lobby");
  await page.goto(`/facilitate/${sessionId}`);
  await expect(page.getByText(phoneNames[3]!).first()).toBeVisible();
  await expectInert(page, "console, lobby");

  // Through a vote to an adopted practice, so that phones can propose actions under it.
  await adoptThroughOneVote(page, phone, {
    sessionId,
    practiceId: practice.id,
    submissionId: `ballot-${suffix}`,
  });

  // Action titles: one typed on the phone, more over its API, one reworded by the facilitator.
  const typed = xssPayloads[2]!;
  await phone.getByLabel("Propose an action").fill(typed);
  await phone.getByRole("button", { name: "Propose", exact: true }).click();
  await expect(phone.getByText(`Proposed: “${typed}”`)).toBeVisible();
  const actionTitles = xssPayloads.slice(5, 13);
  const actionIds = [];
  for (const title of actionTitles) {
    const proposal = await callApi<{ id: string }>(phone, "action.propose", {
      sessionId,
      practiceId: practice.id,
      title,
    });
    actionIds.push(proposal.id);
  }
  await expect(phone.getByText(actionTitles.at(-1)!).first()).toBeVisible();
  await expectInert(phone, "phone, actions");
  // Attached, not visible: the big screen clamps long titles and scrolls the list.
  await page.goto(`/present/${sessionId}`);
  await expect(page.getByText(actionTitles.at(-1)!).first()).toBeAttached();
  await expectInert(page, "presenter, actions");
  // The console shows each title in a field, and names its buttons after it (long ones cut).
  await page.goto(`/facilitate/${sessionId}`);
  await expect(page.getByRole("button", { name: `Keep ${actionTitles[0]}` })).toBeVisible();
  await expectInert(page, "console, actions");
  const reworded = xssPayloads[20]!;
  for (const [i, actionId] of actionIds.entries()) {
    await callApi(page, "action.update", {
      sessionId,
      actionId,
      patch: {
        status: "todo",
        ownerId: people[i % people.length]!.id,
        dueOn: "2031-03-14",
        ...(i === 0 ? { title: reworded } : {}),
      },
    });
  }
  // On the board, an owner's edit: a payload title and every payload in the details.
  const allPayloads = xssPayloads.join("\n");
  await callApi(page, "board.edit", {
    actionId: actionIds[1],
    title: xssPayloads[25],
    details: allPayloads.length <= 2000 ? allPayloads : allPayloads.slice(0, 2000),
    ownerId: me.id,
  });
  await callApi(page, "session.end", { sessionId });

  const shows: [string, string][] = [
    [`/sessions/${sessionId}/summary`, reworded],
    ["/teams", teamNames[2]!],
    [`/teams/${team.slug}`, teamNames[0]!],
    [`/teams/${team.slug}/board`, xssPayloads[25]!],
    [`/admin/users?q=xss-0-${suffix}`, personNames[0]!],
    // Searched by slug: the list pages by name, and other specs add teams that sort first.
    [`/admin/teams?q=${team.slug}`, personNames[2]!],
    ["/admin/audit", personNames[1]!],
    ["/home", teamNames[1]!],
  ];
  for (const [path, text] of shows) {
    await page.goto(path);
    await expect(page.getByText(text, { exact: false }).first(), path).toBeVisible();
    await expectInert(page, path);
  }
  // The card's details open on the board.
  await page.goto(`/teams/${team.slug}/board`);
  await page
    .getByRole("article", { name: xssPayloads[25] })
    .getByRole("button", { name: "Edit" })
    .click();
  await expect(page.getByRole("dialog")).toBeVisible();
  await expectInert(page, "board, card details");

  expect(facilitatorFound).toEqual(nothingFound);
  expect(phoneFound).toEqual(nothingFound);
  for (const other of otherPhones) {
    expect(other.found).toEqual(nothingFound);
    await other.context.close();
  }
  await phoneContext.close();
});
