import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";

import { technicalLeadershipSlug } from "../../db/seed/technical-leadership";
import { callApi, newTeamSession, openDotRound, signInAsAdmin } from "./support";

/**
 * Every page of the app, in the light and the dark theme, passes axe's WCAG 2.2 AA rules with
 * zero violations. The theme follows the system unless someone picked one, so emulating the
 * colour scheme reaches both themes of every page.
 */

const wcagTags = ["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"];
const themes = ["light", "dark"] as const;

interface Finding {
  page: string;
  theme: string;
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

/** Scans what is on screen now in both themes and returns every violation, described. */
async function scan(page: Page, label: string): Promise<Finding[]> {
  const findings: Finding[] = [];
  for (const theme of themes) {
    await page.emulateMedia({ colorScheme: theme });
    expect(await page.evaluate(() => matchMedia("(prefers-color-scheme: dark)").matches)).toBe(
      theme === "dark",
    );
    // Buttons fade between colours: scan the colours they settle on, not a frame mid-way.
    await page.evaluate(() =>
      Promise.all(
        document
          .getAnimations()
          .filter((animation) => animation instanceof CSSTransition)
          .map((animation) => animation.finished.catch(() => undefined)),
      ),
    );
    const results = await new AxeBuilder({ page }).withTags(wcagTags).analyze();
    for (const violation of results.violations) {
      findings.push({
        page: label,
        theme,
        rule: violation.id,
        impact: violation.impact ?? "unknown",
        help: violation.help,
        targets: violation.nodes.map((node) => node.target.join(" ")),
      });
    }
  }
  await page.emulateMedia({ colorScheme: null });
  return findings;
}

function describe(findings: Finding[]) {
  return findings
    .map(
      (f) =>
        `[${f.page} · ${f.theme}] ${f.rule} (${f.impact}): ${f.help}\n    ${f.targets.join("\n    ")}`,
    )
    .join("\n");
}

async function phoneContext(browser: Browser) {
  return browser.newContext({
    viewport: { width: 375, height: 812 },
    isMobile: true,
    hasTouch: true,
  });
}

interface Arranged {
  team: { id: string; slug: string };
  sessionId: string;
  joinCode: string;
  essayId: string;
  practices: { id: string; title: string }[];
  phone: Page;
  phones: BrowserContext;
}

/** A team with a live session in the lobby and a phone that joined it. */
async function arrange(admin: Page, browser: Browser): Promise<Arranged> {
  const { team, essayId, ...session } = await newTeamSession(admin, {
    team: "Axe",
    title: "Axe workshop",
  });
  const phones = await phoneContext(browser);
  const phone = await phones.newPage();
  await phone.goto(`/join/${session.joinCode}`);
  await phone.getByLabel("Your name").fill("Lin");
  await phone.getByRole("button", { name: "Join the session" }).click();
  await expect(phone.getByRole("heading", { name: "You're in, Lin" })).toBeVisible();
  return {
    team,
    sessionId: session.id,
    joinCode: session.joinCode,
    essayId,
    practices: session.practices,
    phone,
    phones,
  };
}

test("every page has no WCAG 2.2 AA violations in the light and the dark theme", async ({
  browser,
  page: admin,
}) => {
  test.setTimeout(300_000);
  await signInAsAdmin(admin);
  const world = await arrange(admin, browser);
  const { sessionId, phone } = world;
  const findings: Finding[] = [];
  const visit = async (page: Page, path: string, label = path) => {
    await page.goto(path);
    await expect(page.locator("main")).toBeVisible();
    findings.push(...(await scan(page, label)));
  };
  const stage = (to: string) =>
    callApi(admin, "session.stage", { sessionId, command: { type: "goto", stage: to } });

  // Anyone.
  const anonymous = await browser.newContext();
  const visitor = await anonymous.newPage();
  await visit(visitor, "/", "home");
  await visit(visitor, "/sign-in", "sign-in");
  await visit(visitor, "/library", "library");
  await visit(visitor, `/library/${technicalLeadershipSlug}`, "library essay");
  await visit(visitor, "/setup", "setup (past: not found)");
  await visit(visitor, "/no-such-page", "not found");
  await visit(visitor, `/invite/${"x".repeat(43)}`, "invite (unknown link)");
  const newcomer = await (await phoneContext(browser)).newPage();
  await visit(newcomer, `/join/${world.joinCode}`, "join (not joined)");

  // A live session, stage by stage, on the phone and in the console.
  findings.push(...(await scan(phone, "phone · lobby")));
  await visit(admin, `/facilitate/${sessionId}`, "console · lobby");
  await visit(admin, `/present/${sessionId}`, "presenter · lobby");

  await stage("read");
  await expect(phone.getByRole("heading", { level: 1, name: /Read/ })).toBeVisible();
  findings.push(...(await scan(phone, "phone · read")));

  await stage("discuss");
  await expect(phone.getByRole("heading", { level: 1, name: /Discuss/ })).toBeVisible();
  findings.push(...(await scan(phone, "phone · discuss")));
  await visit(admin, `/facilitate/${sessionId}`, "console · discuss");

  await stage("vote");
  await expect(phone.getByRole("heading", { name: "Voting opens soon" })).toBeVisible();
  findings.push(...(await scan(phone, "phone · vote, before the round")));
  const practice = world.practices[0]!;
  const { roundId } = await openDotRound(admin, sessionId);
  await expect(phone.getByText("3 of 3 dots left")).toBeVisible();
  findings.push(...(await scan(phone, "phone · ballot")));
  await phone.getByRole("button", { name: `Put a dot on ${practice.title}` }).click();
  await phone.getByRole("button", { name: "Send my vote" }).click();
  await expect(phone.getByText("Your vote is in.")).toBeVisible();
  findings.push(...(await scan(phone, "phone · voted")));
  await visit(admin, `/facilitate/${sessionId}`, "console · vote open");

  await callApi(admin, "voting.close", { sessionId, roundId });
  await callApi(admin, "voting.reveal", { sessionId, roundId });
  await callApi(admin, "voting.adopt", { sessionId, practiceId: practice.id, adopted: true });
  // Revealing the results moves the session to the results stage.
  await expect(phone.getByRole("heading", { name: /Results of round 1/ })).toBeVisible();
  findings.push(...(await scan(phone, "phone · results")));
  await visit(admin, `/facilitate/${sessionId}`, "console · results");

  await stage("actions");
  const me = await callApi<{ id: string }>(admin, "account.me", undefined, "GET");
  for (const [index, status] of (["todo", "doing", "done", "dropped"] as const).entries()) {
    const proposal = await callApi<{ id: string }>(phone, "action.propose", {
      sessionId,
      practiceId: practice.id,
      title: `Axe action ${index + 1}`,
    });
    await callApi(admin, "action.update", {
      sessionId,
      actionId: proposal.id,
      patch: { status: "todo", ownerId: me.id, dueOn: `2031-0${index + 1}-14` },
    });
    if (status !== "todo") await callApi(admin, "board.move", { actionId: proposal.id, status });
  }
  await callApi(phone, "action.propose", {
    sessionId,
    practiceId: practice.id,
    title: "An action still proposed",
  });
  await expect(phone.getByRole("heading", { level: 1, name: /Actions/ })).toBeVisible();
  findings.push(...(await scan(phone, "phone · actions")));
  await visit(admin, `/facilitate/${sessionId}`, "console · actions");

  await stage("wrapup");
  await expect(phone.getByRole("heading", { level: 1, name: /Wrap-up/ })).toBeVisible();
  findings.push(...(await scan(phone, "phone · wrap-up")));
  await visit(admin, `/facilitate/${sessionId}`, "console · wrap-up");
  await visit(admin, `/present/${sessionId}`, "presenter · wrap-up");
  await callApi(admin, "session.end", { sessionId });

  // Following through, signed in.
  await visit(admin, "/home", "home (signed in)");
  await visit(admin, "/teams", "teams");
  await visit(admin, `/teams/${world.team.slug}`, "team dashboard");
  await visit(admin, `/teams/${world.team.slug}/board`, "board");
  await visit(admin, `/sessions/${sessionId}/summary`, "session summary");

  // The team's next session starts by reviewing the actions still open.
  const next = await callApi<{ id: string; joinCode: string }>(admin, "session.create", {
    teamId: world.team.id,
    essayId: world.essayId,
    title: "Axe follow-up",
    settings: {},
  });
  await newcomer.goto(`/join/${next.joinCode}`);
  await newcomer.getByLabel("Your name").fill("Sam");
  await newcomer.getByRole("button", { name: "Join the session" }).click();
  await expect(newcomer.getByRole("heading", { name: "You're in, Sam" })).toBeVisible();
  await callApi(admin, "session.stage", {
    sessionId: next.id,
    command: { type: "goto", stage: "review" },
  });
  await expect(newcomer.getByRole("heading", { level: 1, name: "Review" })).toBeVisible();
  findings.push(...(await scan(newcomer, "phone · review")));
  await visit(admin, `/facilitate/${next.id}`, "console · review");

  // Admin.
  await visit(admin, "/admin", "admin");
  await visit(admin, "/admin/content", "admin · content");
  await visit(admin, `/admin/content/${world.essayId}`, "admin · editor");
  await visit(admin, `/admin/content/${world.essayId}/history`, "admin · history");
  await visit(admin, "/admin/users", "admin · users");
  await visit(admin, "/admin/teams", "admin · teams");
  await visit(admin, "/admin/audit", "admin · audit");

  // A team invite, opened by someone signed out.
  const invite = await callApi<{ path: string }>(admin, "team.createInvite", {
    teamId: world.team.id,
  });
  await visit(visitor, invite.path, "invite");

  await anonymous.close();
  await world.phones.close();
  expect(findings, describe(findings)).toEqual([]);
});
