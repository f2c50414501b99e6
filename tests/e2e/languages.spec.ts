import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";

import { technicalLeadershipSlug } from "../../db/seed/technical-leadership";
import {
  admin as adminAccount,
  callApi,
  newTeamSession,
  openDotRound,
  signInAsAdmin,
} from "./support";

/**
 * Practica speaks English and Spanish: the browser's language is the default, a person's pick
 * is remembered (a phone keeps it without an account), dates and numbers follow the language,
 * and a Spanish page shows no English words of the interface.
 */

type Tree = { [key: string]: string | Tree };
const messagesDir = path.join(import.meta.dirname, "../../server/i18n/messages");

function flatMessages(locale: string) {
  const flat = new Map<string, string>();
  const walk = (tree: Tree, prefix: string) => {
    for (const [key, value] of Object.entries(tree)) {
      if (typeof value === "string") flat.set(`${prefix}${key}`, value);
      else walk(value, `${prefix}${key}.`);
    }
  };
  for (const file of readdirSync(path.join(messagesDir, locale))) {
    walk(
      JSON.parse(readFileSync(path.join(messagesDir, locale, file), "utf8")) as Tree,
      `${file.replace(/\.json$/, "")}.`,
    );
  }
  return flat;
}

const english = flatMessages("en");
const spanish = flatMessages("es");

/** A message with its plain `{name}` arguments filled in (enough for the texts used here). */
function es(id: string, values: Record<string, string | number> = {}) {
  const text = spanish.get(id);
  if (text === undefined) throw new Error(`No Spanish message ${id}`);
  return text.replace(/\{(\w+)(?:, number)?\}/g, (_, name: string) => String(values[name]));
}

/*
 * English sentences of the interface that a Spanish page must not show: whole messages without
 * arguments, long enough to be unmistakable, that read differently in Spanish.
 */
const englishSentences = [...english]
  .filter(([id, text]) => !/[{<]/.test(text) && text.length >= 14 && spanish.get(id) !== text)
  .map(([id, text]) => ({ id, text }));
const messageKey = /\b(?:common|home|phone|present|facilitate|teams|admin|server)\.[a-z]\w*\.\w+/;

async function englishOn(page: Page, label: string) {
  const text = await page.locator("body").innerText();
  const found = englishSentences
    .filter((sentence) => text.includes(sentence.text))
    .map((sentence) => `[${label}] "${sentence.text}" (${sentence.id})`);
  const key = messageKey.exec(text);
  if (key) found.push(`[${label}] a message id shows: ${key[0]}`);
  return found;
}

async function spanishContext(browser: Browser, phone = false): Promise<BrowserContext> {
  return browser.newContext({
    locale: "es-ES",
    ...(phone ? { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true } : {}),
  });
}

test("the browser's language is the default; without a match it is English", async ({
  browser,
  request,
}) => {
  const spanishBrowser = await spanishContext(browser);
  const page = await spanishBrowser.newPage();
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await expect(
    page.getByRole("heading", { level: 1, name: es("home.landing.title") }),
  ).toBeVisible();
  await expect(page.getByRole("button", { name: "Español" })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
  await spanishBrowser.close();

  // Spanish as a second choice after an unsupported first one still wins over the default.
  // (Chromium sends its own Accept-Language for page loads, so this one goes over plain HTTP.)
  const frenchFirst = await request.get("/sign-in", {
    headers: { "Accept-Language": "fr-FR,fr;q=0.9,es;q=0.8" },
  });
  expect(await frenchFirst.text()).toMatch(/<html lang="es"/);

  const german = await browser.newContext({ locale: "de-DE" });
  const third = await german.newPage();
  await third.goto("/");
  await expect(third.locator("html")).toHaveAttribute("lang", "en");
  await expect(
    third.getByRole("heading", {
      level: 1,
      name: "Workshops on engineering practices, and the follow-through after them",
    }),
  ).toBeVisible();
  await german.close();
});

test("a phone picks Spanish mid-session and keeps it; live updates arrive in Spanish", async ({
  browser,
  page: admin,
}) => {
  await signInAsAdmin(admin);
  const session = await newTeamSession(admin, { team: "Idiomas", title: "Taller de idiomas" });
  const phones = await browser.newContext({
    locale: "en-GB",
    viewport: { width: 375, height: 812 },
    isMobile: true,
  });
  const phone = await phones.newPage();
  await phone.goto(`/join/${session.joinCode}`);
  await phone.getByLabel("Your name").fill("Lucía");
  await phone.getByRole("button", { name: "Join the session" }).click();
  await expect(phone.getByRole("heading", { name: "You're in, Lucía" })).toBeVisible();

  await phone.getByRole("button", { name: "Español" }).click();
  await expect(
    phone.getByRole("heading", { name: es("phone.session.lobbyTitle", { name: "Lucía" }) }),
  ).toBeVisible();
  await expect(phone.locator("html")).toHaveAttribute("lang", "es");

  // The next stage arrives over the live stream, already in Spanish.
  await callApi(admin, "session.stage", {
    sessionId: session.id,
    command: { type: "goto", stage: "vote" },
  });
  await openDotRound(admin, session.id);
  await expect(phone.getByText("Te quedan 3 de 3 puntos")).toBeVisible();
  await expect(phone.getByRole("button", { name: es("phone.ballot.send") })).toBeVisible();

  // Remembered on this phone: a reload (or coming back tomorrow) is still in Spanish.
  await phone.reload();
  await expect(phone.locator("html")).toHaveAttribute("lang", "es");
  await expect(phone.getByText("Te quedan 3 de 3 puntos")).toBeVisible();
  const cookie = (await phones.cookies()).find((c) => c.name === "practica_locale");
  expect(cookie?.value).toBe("es");
  expect(cookie!.expires - Date.now() / 1000).toBeGreaterThan(300 * 24 * 3600);

  // And back to English.
  await phone.getByRole("button", { name: "English" }).click();
  await expect(phone.getByText("3 of 3 dots left")).toBeVisible();
  await expect(phone.locator("html")).toHaveAttribute("lang", "en");
  await phones.close();
});

test("dates and numbers follow the language", async ({ browser, page: admin }) => {
  await signInAsAdmin(admin);
  const session = await newTeamSession(admin, { team: "Idiomas", title: "Fechas y números" });
  const practice = session.practices[0]!;
  const sessionId = session.id;

  const phones = await spanishContext(browser, true);
  const phone = await phones.newPage();
  await phone.goto(`/join/${session.joinCode}`);
  await phone.getByLabel(es("phone.join.nameLabel")).fill("Lucía");
  await phone.getByRole("button", { name: es("phone.join.submit") }).click();
  await expect(
    phone.getByRole("heading", { name: es("phone.session.lobbyTitle", { name: "Lucía" }) }),
  ).toBeVisible();

  // A maturity round: averages are decimals, "4.0" in English and "4,0" in Spanish.
  await callApi(admin, "session.stage", { sessionId, command: { type: "goto", stage: "vote" } });
  const { roundId } = await callApi<{ roundId: string }>(admin, "voting.open", {
    sessionId,
    method: "maturity",
  });
  await callApi(phone, "voting.cast", {
    sessionId,
    roundId,
    submissionId: `idiomas-${Date.now()}`,
    // Every practice must be rated; the first gets 4 for today, the rest 3.
    marks: session.practices.map((p, index) => ({
      practiceId: p.id,
      points: index === 0 ? 4 : 3,
      importance: 5,
    })),
  });
  await callApi(admin, "voting.close", { sessionId, roundId });
  await callApi(admin, "voting.reveal", { sessionId, roundId });
  await expect(
    phone.getByRole("heading", { name: es("phone.voting.resultsTitle", { round: 1 }) }),
  ).toBeVisible();
  const results = phone.getByRole("main");
  await expect(results).toContainText("4,0");
  await expect(results).not.toContainText("4.0");

  // A due date on the board: "Jan 14, 2031" in English, "14 ene 2031" in Spanish.
  await callApi(admin, "voting.adopt", { sessionId, practiceId: practice.id, adopted: true });
  await callApi(admin, "session.stage", {
    sessionId,
    command: { type: "goto", stage: "actions" },
  });
  const me = await callApi<{ id: string }>(admin, "account.me", undefined, "GET");
  const proposal = await callApi<{ id: string }>(phone, "action.propose", {
    sessionId,
    practiceId: practice.id,
    title: "Revisar los diseños en pareja",
  });
  await callApi(admin, "action.update", {
    sessionId,
    actionId: proposal.id,
    patch: { status: "todo", ownerId: me.id, dueOn: "2031-01-14" },
  });
  const card = (page: Page) =>
    page.getByRole("article").filter({ hasText: "Revisar los diseños en pareja" });
  await admin.goto(`/teams/${session.team.slug}/board`);
  await expect(card(admin)).toContainText("Jan 14, 2031");

  const spanishAdmin = await spanishContext(browser);
  const board = await spanishAdmin.newPage();
  await board.goto("/sign-in");
  await board
    .getByRole("main")
    .getByLabel(es("common.accountForms.email"))
    .fill(adminAccount.email);
  await board
    .getByRole("main")
    .getByLabel(es("common.accountForms.password"))
    .fill(adminAccount.password);
  await board
    .getByRole("main")
    .getByRole("button", { name: es("common.signIn") })
    .click();
  await expect(board.getByRole("heading", { level: 1 })).toContainText(adminAccount.name);
  await board.goto(`/teams/${session.team.slug}/board`);
  await expect(card(board)).toContainText("14 ene 2031");
  await spanishAdmin.close();
  await phones.close();
});

test("Spanish pages show no English words of the interface", async ({ browser, page: admin }) => {
  test.setTimeout(240_000);
  await signInAsAdmin(admin);
  // The admin reads Spanish from here on: the language is a cookie, like a picked one.
  await admin
    .context()
    .addCookies([{ name: "practica_locale", value: "es", url: new URL(admin.url()).origin }]);
  const session = await newTeamSession(admin, { team: "Idiomas", title: "Taller en español" });
  const { id: sessionId, practices } = session;
  const practice = practices[0]!;
  const found: string[] = [];
  const visit = async (page: Page, address: string, label = address) => {
    await page.goto(address);
    await expect(page.locator("main")).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "es");
    found.push(...(await englishOn(page, label)));
  };
  const stage = async (to: string) => {
    await callApi(admin, "session.stage", { sessionId, command: { type: "goto", stage: to } });
    await expect(phone.getByRole("heading", { level: 1 })).toContainText(
      es(`common.stages.${to}.name`),
    );
  };

  const visitors = await spanishContext(browser);
  const visitor = await visitors.newPage();
  for (const address of ["/", "/sign-in", "/library", `/library/${technicalLeadershipSlug}`]) {
    await visit(visitor, address);
  }
  await visit(visitor, "/no-such-page", "not found");
  await visit(visitor, `/invite/${"x".repeat(43)}`, "invite (unknown link)");

  const phones = await spanishContext(browser, true);
  const phone = await phones.newPage();
  await visit(phone, `/join/${session.joinCode}`, "join form");
  await phone.getByLabel(es("phone.join.nameLabel")).fill("Lucía");
  await phone.getByRole("button", { name: es("phone.join.submit") }).click();
  await expect(
    phone.getByRole("heading", { name: es("phone.session.lobbyTitle", { name: "Lucía" }) }),
  ).toBeVisible();
  found.push(...(await englishOn(phone, "phone · lobby")));
  await visit(admin, `/facilitate/${sessionId}`, "console · lobby");
  await visit(admin, `/present/${sessionId}`, "presenter · lobby");

  await stage("read");
  found.push(...(await englishOn(phone, "phone · read")));
  await stage("discuss");
  await callApi(phone, "participant.addNote", {
    sessionId,
    practiceId: practice.id,
    body: "Ya revisamos los diseños, pero solo los grandes.",
  });
  await expect(phone.getByText("Ya revisamos los diseños")).toBeVisible();
  found.push(...(await englishOn(phone, "phone · discuss")));
  await visit(admin, `/facilitate/${sessionId}`, "console · discuss");
  await visit(admin, `/present/${sessionId}`, "presenter · discuss");

  await stage("vote");
  const { roundId } = await openDotRound(admin, sessionId);
  await expect(phone.getByText("Te quedan 3 de 3 puntos")).toBeVisible();
  found.push(...(await englishOn(phone, "phone · ballot")));
  await phone
    .getByRole("button", { name: es("phone.marks.putDot", { practice: practice.title }) })
    .click();
  await phone.getByRole("button", { name: es("phone.ballot.send") }).click();
  await visit(admin, `/facilitate/${sessionId}`, "console · voting");
  await visit(admin, `/present/${sessionId}`, "presenter · voting");
  await callApi(admin, "voting.close", { sessionId, roundId });
  await callApi(admin, "voting.reveal", { sessionId, roundId });
  await callApi(admin, "voting.adopt", { sessionId, practiceId: practice.id, adopted: true });
  await expect(phone.getByRole("heading", { level: 1 })).toContainText(
    es("common.stages.results.name"),
  );
  found.push(...(await englishOn(phone, "phone · results")));
  await visit(admin, `/facilitate/${sessionId}`, "console · results");
  await visit(admin, `/present/${sessionId}`, "presenter · results");

  await stage("actions");
  const me = await callApi<{ id: string }>(admin, "account.me", undefined, "GET");
  for (const [index, status] of (["todo", "doing", "done", "dropped"] as const).entries()) {
    const proposal = await callApi<{ id: string }>(phone, "action.propose", {
      sessionId,
      practiceId: practice.id,
      title: `Acción ${index + 1}`,
    });
    await callApi(admin, "action.update", {
      sessionId,
      actionId: proposal.id,
      patch: { status: "todo", ownerId: me.id, dueOn: `2031-0${index + 1}-14` },
    });
    if (status !== "todo") await callApi(admin, "board.move", { actionId: proposal.id, status });
  }
  found.push(...(await englishOn(phone, "phone · actions")));
  await visit(admin, `/facilitate/${sessionId}`, "console · actions");
  await visit(admin, `/present/${sessionId}`, "presenter · actions");

  await stage("wrapup");
  found.push(...(await englishOn(phone, "phone · wrap-up")));
  await visit(admin, `/facilitate/${sessionId}`, "console · wrap-up");
  await visit(admin, `/present/${sessionId}`, "presenter · wrap-up");
  await callApi(admin, "session.end", { sessionId });

  for (const address of [
    "/home",
    "/teams",
    `/teams/${session.team.slug}`,
    `/teams/${session.team.slug}/board`,
    `/sessions/${sessionId}/summary`,
    "/admin",
    "/admin/content",
    `/admin/content/${session.essayId}`,
    `/admin/content/${session.essayId}/history`,
    "/admin/users",
    "/admin/teams",
    "/admin/audit",
  ]) {
    await visit(admin, address);
  }

  const invite = await callApi<{ path: string }>(admin, "team.createInvite", {
    teamId: session.team.id,
  });
  await visit(visitor, invite.path, "invite");

  await visitors.close();
  await phones.close();
  expect(englishSentences.length).toBeGreaterThan(300);
  expect(found).toEqual([]);
});
