import { randomBytes } from "node:crypto";

import { expect, test as base, type Browser, type Page } from "@playwright/test";
import postgres from "postgres";

import { createHttpClient } from "../helpers/http-client";
import { arrangeSession } from "../load/facilitator";
import { startFaultCluster, type FaultCluster } from "./cluster";

export const practices = {
  errors: "Reduce errors and mistakes",
  reviews: "Reviews and feedback",
  resilient: "Resilient, scalable solutions",
  coaching: "Coaching and skills",
};

/** Ports apart from the main Playwright run (3100) and the bench; FAULTS_PORT moves them all. */
const basePort = Number(process.env.FAULTS_PORT ?? 3400);
export const ports = {
  kill: basePort,
  busA: basePort + 1,
  busB: basePort + 2,
  offline: basePort + 3,
  tunnel: basePort + 4,
};

/** One cluster per worker (the suite runs in one): each test gets its own database on it. */
export const test = base.extend<object, { cluster: FaultCluster }>({
  cluster: [
    // (Playwright's `use` is named `provide` here: the React hooks lint rule owns that name.)
    async ({}, provide) => {
      const cluster = startFaultCluster();
      try {
        await provide(cluster);
      } finally {
        cluster.destroy();
      }
    },
    { scope: "worker", timeout: 60_000 },
  ],
});
export { expect };

/** What an app server needs for one fresh install on the cluster. */
export async function installOn(cluster: FaultCluster, name: string) {
  return {
    DATABASE_URL: await cluster.createDatabase(`faults_${name}_${Date.now().toString(36)}`),
    AUTH_SECRET: randomBytes(32).toString("base64url"),
  };
}

/** The facilitator over HTTP (tests/load/facilitator.ts), plus moving the stage from any instance. */
export async function facilitate(commandUrl: string) {
  const session = await arrangeSession(commandUrl, commandUrl);
  const { client } = createHttpClient(commandUrl, session.jar);
  return {
    ...session,
    goTo: (stage: "read" | "vote" | "actions" | "wrapup") =>
      client.session.stage.mutate({
        sessionId: session.sessionId,
        command: { type: "goto", stage },
      }),
  };
}

/** A phone: its own browser context (its own cookies), joined by code and name through the UI. */
export async function joinPhone(browser: Browser, baseURL: string, joinCode: string, name: string) {
  const context = await browser.newContext({
    baseURL,
    viewport: { width: 375, height: 812 },
    isMobile: true,
    hasTouch: true,
  });
  const phone = await context.newPage();
  await phone.goto(`/join/${joinCode}`);
  await phone.getByLabel("Your name").fill(name);
  await phone.getByRole("button", { name: "Join the session" }).click();
  await expect(phone.getByRole("heading", { name: `You're in, ${name}` })).toBeVisible();
  return phone;
}

/** Puts dots on practices (a title once per dot) and sends the ballot; true once acknowledged. */
export async function voteWithDots(phone: Page, dots: string[]) {
  await expect(phone.getByText("3 of 3 dots left")).toBeVisible();
  for (const title of dots) {
    await phone.getByRole("button", { name: `Put a dot on ${title}` }).click();
  }
  await phone.getByRole("button", { name: /Send my vote|Try again/ }).click();
  await expect(phone.getByText("Your vote is in.")).toBeVisible();
}

/** The dots each practice got from a set of acknowledged ballots. */
export function expectedTally(ballots: string[][]) {
  const tally = new Map<string, number>();
  for (const title of ballots.flat()) tally.set(title, (tally.get(title) ?? 0) + 1);
  return Object.fromEntries(tally);
}

/** What the database holds for a round: its ballots and the dots per practice title. */
export async function storedRound(databaseUrl: string, roundId: string) {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const [{ ballots }] = await sql<[{ ballots: number }]>`
      select count(*)::int as ballots from ballots where round_id = ${roundId}`;
    const rows = await sql<{ title: string; dots: number }[]>`
      select pv.title, sum(bm.points)::int as dots
      from ballot_marks bm
      join (select distinct practice_id, title from practice_versions) pv using (practice_id)
      where bm.round_id = ${roundId}
      group by pv.title`;
    return { ballots, tally: Object.fromEntries(rows.map((row) => [row.title, row.dots])) };
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** The status `/api/health` answers, or 0 when nothing answers at all. */
export async function healthStatus(url: string) {
  try {
    return (await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(5000) })).status;
  } catch {
    return 0;
  }
}

/** A row of a results chart, by practice title. */
export function resultRow(page: Page, title: string) {
  return page.getByRole("listitem").filter({ hasText: title }).first();
}
