// `npm run screenshots`: a full-page PNG of every page, as the person who sees it, on a phone
// (375×812) and a desktop (1440×900), in the light and the dark theme, with the demo team's data
// (`npm run demo`) and a live session with phones in it. Saved to screenshots/ (git-ignored) as
// <page>-<phone|desktop>-<light|dark>.png, for people to look at: nothing here asserts.
// `-- --locale es` takes them in Spanish, into screenshots/es/.
import { randomUUID } from "node:crypto";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";

import { chromium, type BrowserContext } from "@playwright/test";

import { demoPassword, demoPeople, demoTeamSlug } from "../server/demo/demo-team";
import { chromiumLaunchOptions } from "../tests/helpers/chromium";
import { type CookieJar, createHttpClient } from "../tests/helpers/http-client";
import {
  joinAsPhone,
  requireProductionBuild,
  scratchFolder,
  seedDemo,
  setUpAdmin,
  signIn,
  startLiveSession,
  startOnEmbeddedDatabase,
} from "./live-app";

const { locale } = parseArgs({ options: { locale: { type: "string", default: "en" } } }).values;
if (locale !== "en" && locale !== "es") throw new Error(`--locale is en or es, not ${locale}`);
const outDir = locale === "en" ? "screenshots" : path.join("screenshots", locale);
const devices = {
  phone: { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true },
  desktop: { viewport: { width: 1440, height: 900 }, isMobile: false, hasTouch: false },
} as const;
const themes = ["light", "dark"] as const;
type Who = "visitor" | "phone" | "facilitator" | "member" | "admin";
interface Shot {
  name: string;
  path: string;
  who: Who;
}

requireProductionBuild();
mkdirSync(outDir, { recursive: true });
const scratch = scratchFolder("screenshots");
console.log("Seeding the demo team…");
await seedDemo(scratch.pgliteDir);
const server = await startOnEmbeddedDatabase(scratch.pgliteDir);
const browser = await chromium.launch(chromiumLaunchOptions);
let saved = 0;
try {
  const base = server.url;
  const [grace, linus] = demoPeople;
  // The demo creates its people directly, so setup is still open: picture it before using it.
  const setupShot: Shot = { name: "setup", path: "/setup", who: "visitor" };
  const jars: Partial<Record<Who, CookieJar>> = {};
  const contexts = new Map<string, BrowserContext>();

  async function contextFor(who: Who, device: keyof typeof devices, theme: string) {
    const key = `${who}-${device}-${theme}`;
    let context = contexts.get(key);
    if (!context) {
      context = await browser.newContext({ ...devices[device], colorScheme: theme as "light" });
      const cookies = [
        `practica_theme=${theme}`,
        `practica_locale=${locale}`,
        ...(jars[who]?.header().split("; ") ?? []),
      ];
      await context.addCookies(
        cookies.filter(Boolean).map((pair) => {
          const eq = pair.indexOf("=");
          return { name: pair.slice(0, eq), value: pair.slice(eq + 1), url: base };
        }),
      );
      contexts.set(key, context);
    }
    return context;
  }

  async function take(shots: Shot[]) {
    for (const shot of shots) {
      for (const device of Object.keys(devices) as (keyof typeof devices)[]) {
        for (const theme of themes) {
          const page = await (await contextFor(shot.who, device, theme)).newPage();
          const response = await page.goto(`${base}${shot.path}`, { waitUntil: "load" });
          // Live pages keep an event stream open, so "network idle" never comes: give the
          // stream and the fonts a moment instead.
          await page.evaluate(() => document.fonts.ready);
          await page.waitForTimeout(800);
          const file = `${shot.name}-${device}-${theme}.png`;
          await page.screenshot({ path: path.join(outDir, file), fullPage: true });
          // Sideways scrolling is easy to miss in a picture: say so.
          const overflow = await page.evaluate(
            () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
          );
          await page.close();
          saved++;
          if (device === "phone" && theme === "light") {
            console.log(`${shot.name}: ${shot.path} → ${response?.status() ?? "?"}`);
          }
          if (overflow > 0) console.log(`  ${file}: scrolls sideways by ${overflow} px`);
        }
      }
    }
  }

  await take([setupShot]);
  jars.admin = await setUpAdmin(base);
  jars.facilitator = await signIn(base, grace.email, demoPassword);
  jars.member = await signIn(base, linus.email, demoPassword);
  const facilitator = createHttpClient(base, jars.facilitator).client;
  const admin = createHttpClient(base, jars.admin).client;

  const team = (await facilitator.team.list.query()).find((t) => t.slug === demoTeamSlug);
  if (!team) throw new Error("The demo team is missing");
  const [pastSession] = await facilitator.session.listForTeam.query({ teamId: team.id });
  if (!pastSession) throw new Error("The demo team has no sessions");
  const invite = await facilitator.team.createInvite.mutate({ teamId: team.id });
  const [essay] = await admin.adminContent.list.query();
  if (!essay) throw new Error("The content library is empty");

  await take([
    { name: "home", path: "/", who: "visitor" },
    { name: "sign-in", path: "/sign-in", who: "visitor" },
    { name: "not-found", path: "/no-such-page", who: "visitor" },
    // A broken percent-escape in an address is the one server error a visitor can cause safely.
    { name: "error-bad-address", path: "/join/%FF", who: "visitor" },
    { name: "join-unknown-code", path: "/join/ZZZZZZ", who: "visitor" },
    { name: "teams-signed-out", path: "/teams", who: "visitor" },
    { name: "invite", path: invite.path, who: "visitor" },
    { name: "invite-unknown", path: "/invite/not-a-real-token", who: "visitor" },
    { name: "library", path: "/library", who: "member" },
    { name: "library-essay", path: `/library/${essay.slug}`, who: "member" },
    { name: "home-signed-in", path: "/home", who: "member" },
    { name: "teams", path: "/teams", who: "member" },
    { name: "team-dashboard", path: `/teams/${demoTeamSlug}`, who: "member" },
    { name: "team-board", path: `/teams/${demoTeamSlug}/board`, who: "member" },
    { name: "team-dashboard-facilitator", path: `/teams/${demoTeamSlug}`, who: "facilitator" },
    { name: "summary", path: `/sessions/${pastSession.id}/summary`, who: "member" },
    { name: "admin-as-member", path: "/admin", who: "member" },
    { name: "admin", path: "/admin", who: "admin" },
    { name: "admin-content", path: "/admin/content", who: "admin" },
    { name: "admin-content-editor", path: `/admin/content/${essay.id}`, who: "admin" },
    { name: "admin-content-history", path: `/admin/content/${essay.id}/history`, who: "admin" },
    { name: "admin-users", path: "/admin/users", who: "admin" },
    { name: "admin-teams", path: "/admin/teams", who: "admin" },
    { name: "admin-audit", path: "/admin/audit", who: "admin" },
  ]);

  // A third workshop, live, with people in the room; "Dara" is the phone in the pictures.
  const live = await startLiveSession(base, jars.facilitator, team.id);
  const guests = [];
  for (const name of ["Ana", "Ben", "Chen", "Eli"]) {
    guests.push((await joinAsPhone(base, live.joinCode, name)).client);
  }
  await take([{ name: "join-before", path: `/join/${live.joinCode}`, who: "visitor" }]);
  jars.phone = (await joinAsPhone(base, live.joinCode, "Dara")).jar;
  const livePages = (stage: string): Shot[] => [
    { name: `join-${stage}`, path: `/join/${live.joinCode}`, who: "phone" },
    { name: `present-${stage}`, path: `/present/${live.sessionId}`, who: "facilitator" },
    { name: `facilitate-${stage}`, path: `/facilitate/${live.sessionId}`, who: "facilitator" },
  ];
  await take(livePages("lobby"));
  await live.goTo("review");
  await take(livePages("review"));
  await live.goTo("read");
  await take(livePages("read"));

  await live.goTo("vote");
  const { roundId } = await live.client.voting.open.mutate({
    sessionId: live.sessionId,
    method: "dots",
    dots: 3,
    maxDotsPerPractice: 2,
    practiceIds: null,
  });
  const { content } = await live.client.session.byId.query({ sessionId: live.sessionId });
  const practiceIds = content.practices.map((p) => p.id);
  for (const [g, guest] of guests.entries()) {
    await guest.voting.cast.mutate({
      sessionId: live.sessionId,
      roundId,
      submissionId: randomUUID(),
      marks: [
        { practiceId: practiceIds[g % practiceIds.length]!, points: 2, importance: null },
        { practiceId: practiceIds[(g + 2) % practiceIds.length]!, points: 1, importance: null },
      ],
    });
  }
  await take(livePages("vote"));
  // Revealing moves the session on to the results stage by itself.
  await live.client.voting.reveal.mutate({ sessionId: live.sessionId, roundId });
  await take(livePages("results"));

  console.log(`Saved ${saved} screenshots in ${outDir}/`);
  if (server.errorLines.length > 0) {
    console.warn(`The server wrote to stderr:\n${server.errorLines.join("\n")}`);
  }
} finally {
  await browser.close();
  await server.stop();
  scratch.dispose();
}
