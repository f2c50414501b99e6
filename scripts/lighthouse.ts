// `npm run lighthouse`: Lighthouse (mobile preset, Debian's Chromium) on the two pages a room
// looks at — a joined phone's /join/CODE and the big screen's /present/ID — against the
// production build on a throwaway embedded database. Prints the scores, writes the reports to
// test-results/lighthouse/, and exits non-zero when a goal is missed (listing what to fix).
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";

import lighthouse, { type Flags, type Result } from "lighthouse";

import { createHttpClient } from "../tests/helpers/http-client";
import {
  joinAsPhone,
  launchChromium,
  requireProductionBuild,
  scratchFolder,
  setUpAdmin,
  startLiveSession,
  startOnEmbeddedDatabase,
} from "./live-app";

/** The goals of issue #9, as Lighthouse shows scores (0–100). */
const goals = { performance: 95, accessibility: 100, "best-practices": 95 } as const;
type CategoryId = keyof typeof goals;
const categoryIds = Object.keys(goals) as CategoryId[];
const reportDir = "test-results/lighthouse";

interface PageRun {
  name: string;
  label: string;
  /** Text the server-rendered page holds only when it is the page we mean to measure. */
  expectText: string;
  path: string;
  cookie: string;
}

/**
 * Refuses to measure the wrong page: a join form instead of the joined phone, or a sign-in
 * redirect instead of the presenter.
 */
async function checkPage(baseUrl: string, page: PageRun) {
  const response = await fetch(`${baseUrl}${page.path}`, {
    headers: { cookie: page.cookie },
    redirect: "manual",
  });
  const html = await response.text();
  if (response.status !== 200 || !html.includes(page.expectText)) {
    throw new Error(
      `${page.path} answered ${response.status} without "${page.expectText}": not the page to measure`,
    );
  }
}

async function audit(port: number, baseUrl: string, page: PageRun) {
  const flags: Flags = {
    port,
    output: ["json", "html"],
    logLevel: "error",
    onlyCategories: [...categoryIds],
    // Lighthouse resets storage (cookies included) before it loads the page; a header survives.
    extraHeaders: { Cookie: page.cookie },
  };
  const result = await lighthouse(`${baseUrl}${page.path}`, flags);
  if (!result) throw new Error(`Lighthouse returned nothing for ${page.path}`);
  return result;
}

/**
 * Several runs of one page, keeping the median by performance: on a busy machine one run can
 * be far off (Lighthouse's own advice for variance is the median of several runs).
 */
async function medianRun(port: number, baseUrl: string, page: PageRun, runs: number) {
  const results = [];
  for (let i = 0; i < runs; i++) results.push(await audit(port, baseUrl, page));
  results.sort((a, b) => score(a.lhr, "performance") - score(b.lhr, "performance"));
  const median = results[Math.floor((results.length - 1) / 2)]!;
  const [json, html] = median.report as string[];
  writeFileSync(path.join(reportDir, `${page.name}.json`), json!);
  writeFileSync(path.join(reportDir, `${page.name}.html`), html!);
  return { lhr: median.lhr, performanceScores: results.map((r) => score(r.lhr, "performance")) };
}

function score(lhr: Result, id: CategoryId) {
  const value = lhr.categories[id]?.score;
  return value === null || value === undefined ? 0 : Math.round(value * 100);
}

/** The audits of a category that cost points, heaviest first. */
function failingAudits(lhr: Result, id: CategoryId) {
  const refs = [...(lhr.categories[id]?.auditRefs ?? [])].sort((a, b) => b.weight - a.weight);
  return refs
    .map((ref) => lhr.audits[ref.id]!)
    .filter(
      (a) =>
        a.score !== null &&
        a.score < 1 &&
        (a.scoreDisplayMode === "binary" ||
          a.scoreDisplayMode === "numeric" ||
          a.scoreDisplayMode === "metricSavings"),
    );
}

const { values } = parseArgs({ options: { runs: { type: "string", default: "3" } } });
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error("--runs takes a whole number ≥ 1");

requireProductionBuild();
mkdirSync(reportDir, { recursive: true });
const scratch = scratchFolder("lighthouse");
const server = await startOnEmbeddedDatabase(scratch.pgliteDir);
let chromium: Awaited<ReturnType<typeof launchChromium>> | undefined;
let missed = false;
try {
  const adminJar = await setUpAdmin(server.url);
  const admin = createHttpClient(server.url, adminJar).client;
  const team = await admin.team.create.mutate({ name: "Platform team" });
  const live = await startLiveSession(server.url, adminJar, team.id);
  // A few people in the room, so the pages show what they show on the day.
  for (const name of ["Ana", "Ben", "Chen"]) await joinAsPhone(server.url, live.joinCode, name);
  const phone = await joinAsPhone(server.url, live.joinCode, "Dara");

  const pages: PageRun[] = [
    {
      name: "join",
      label: "/join/CODE (joined phone)",
      path: `/join/${live.joinCode}`,
      cookie: phone.jar.header(),
      // The phone's own name shows only once it has joined (the join form asks for it).
      expectText: "Dara",
    },
    {
      name: "present",
      label: "/present/ID (facilitator)",
      path: `/present/${live.sessionId}`,
      cookie: adminJar.header(),
      expectText: "Engineering practices, part 3",
    },
  ];
  chromium = await launchChromium(path.join(scratch.folder, "chromium"));
  const rows: Record<string, Record<string, number | string>> = {};
  const misses: string[] = [];
  for (const page of pages) {
    await checkPage(server.url, page);
    const { lhr, performanceScores } = await medianRun(chromium.port, server.url, page, runs);
    rows[page.label] = {
      ...Object.fromEntries(categoryIds.map((id) => [id, score(lhr, id)])),
      "performance of each run": performanceScores.join(" "),
      "CPU index": Math.round(lhr.environment.benchmarkIndex),
    };
    if (lhr.runWarnings.length > 0) {
      console.warn(`Lighthouse warnings on ${page.path}:\n  ${lhr.runWarnings.join("\n  ")}`);
    }
    for (const id of categoryIds) {
      if (score(lhr, id) >= goals[id]) continue;
      misses.push(`${page.path} ${id}: ${score(lhr, id)} (goal ${goals[id]})`);
      for (const a of failingAudits(lhr, id)) {
        misses.push(
          `  - ${a.id}: ${a.title} — score ${a.score}${a.displayValue ? `, ${a.displayValue}` : ""}`,
        );
      }
    }
  }
  console.table(rows);
  console.log(
    `Median of ${runs} run(s) by performance; its reports (JSON and HTML) are in ${reportDir}/. ` +
      "Lighthouse's CPU index falls when the machine is busy, and performance with it.",
  );
  if (misses.length > 0) {
    missed = true;
    console.error(`Goals missed (performance ≥ 95, accessibility 100, best practices ≥ 95):`);
    console.error(misses.join("\n"));
  } else {
    console.log("Every goal met.");
  }
  if (server.errorLines.length > 0) {
    console.warn(`The server wrote to stderr:\n${server.errorLines.join("\n")}`);
  }
} finally {
  await chromium?.close();
  await server.stop();
  scratch.dispose();
}
process.exit(missed ? 1 : 0);
