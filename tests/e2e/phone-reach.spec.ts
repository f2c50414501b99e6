import { expect, test, type Page } from "@playwright/test";

import { callApi, newTeamSession, openDotRound, openPhone, signInAsAdmin } from "./support";

/**
 * A participant on a small phone (320 px wide) goes through a whole session. At every stage:
 * no horizontal scrolling; every control is at least 44 × 44 px, so a thumb hits it; and with
 * the text at 200 % the page still reflows: no horizontal scrolling and no text cut off.
 */

const thumb = 44;

interface Finding {
  stage: string;
  problem: string;
}

/** Controls smaller than a thumb. A checkbox or radio counts by its label, which takes taps too. */
async function smallTargets(page: Page) {
  return page.evaluate((minimum) => {
    const controls = document.querySelectorAll<HTMLElement>(
      'main a, main button, main input:not([type="hidden"]), main select, main textarea, main summary, main [role="button"], main [tabindex="0"]',
    );
    const small: string[] = [];
    for (const control of controls) {
      const style = getComputedStyle(control);
      if (style.visibility === "hidden" || control.closest("[aria-hidden=true], .sr-only"))
        continue;
      // A link inside a sentence is exempt (WCAG 2.5.8): its size is the text's.
      if (control.tagName === "A" && control.closest("p, li, .prose")) continue;
      const target = control.matches("input[type=checkbox], input[type=radio]")
        ? (control.closest("label") ?? control)
        : control;
      const box = target.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      if (box.width < minimum - 0.5 || box.height < minimum - 0.5) {
        const name =
          control.getAttribute("aria-label") ??
          control.textContent?.trim().slice(0, 40) ??
          control.tagName;
        small.push(
          `${control.tagName.toLowerCase()} "${name}" is ${Math.round(box.width)}×${Math.round(box.height)}`,
        );
      }
    }
    return small;
  }, thumb);
}

/** How far the page scrolls sideways, and the innermost elements that stick out. */
async function horizontalOverflow(page: Page) {
  return page.evaluate(() => {
    const root = document.documentElement;
    const overflow = root.scrollWidth - root.clientWidth;
    if (overflow <= 0) return "";
    const sticksOut = (element: Element) =>
      element.getBoundingClientRect().right > root.clientWidth + 0.5;
    const outside = [...document.querySelectorAll("body *")].filter(
      (element) => sticksOut(element) && ![...element.children].some(sticksOut),
    );
    const named = outside
      .slice(0, 3)
      .map((e) => `<${e.tagName.toLowerCase()}> "${e.textContent?.trim().slice(0, 30)}"`);
    return `scrolls sideways by ${overflow} px (${named.join(", ")})`;
  });
}

/** Elements that hide overflowing text: their content is wider or taller than their box. */
async function clippedText(page: Page) {
  return page.evaluate(() => {
    const clipped: string[] = [];
    for (const element of document.querySelectorAll<HTMLElement>("body *")) {
      if (element.closest(".sr-only, [aria-hidden=true], svg, canvas")) continue;
      const style = getComputedStyle(element);
      // A clamped description ends in "…" at any text size and is shown whole on the read
      // stage: a deliberate summary, not text that zooming cut off.
      if (style.webkitLineClamp !== "none" && style.webkitLineClamp !== "") continue;
      const hidesX = style.overflowX === "hidden" || style.overflowX === "clip";
      const hidesY = style.overflowY === "hidden" || style.overflowY === "clip";
      if (!hidesX && !hidesY) continue;
      if (!element.textContent?.trim()) continue;
      const cutX = hidesX && element.scrollWidth > element.clientWidth + 1;
      const cutY = hidesY && element.scrollHeight > element.clientHeight + 1;
      if (cutX || cutY) clipped.push(`"${element.textContent.trim().slice(0, 40)}" is cut off`);
    }
    return clipped;
  });
}

async function check(page: Page, stage: string, findings: Finding[]) {
  const note = (problem: string) => findings.push({ stage, problem });
  const overflow = await horizontalOverflow(page);
  if (overflow) note(overflow);
  for (const problem of await smallTargets(page)) note(problem);

  // Text zoom as a phone's accessibility setting does it: every rem doubles.
  await page.evaluate(() => (document.documentElement.style.fontSize = "200%"));
  const zoomedOverflow = await horizontalOverflow(page);
  if (zoomedOverflow) note(`at 200 % text, ${zoomedOverflow}`);
  for (const problem of await clippedText(page)) note(`at 200 % text, ${problem}`);
  await page.evaluate(() => (document.documentElement.style.fontSize = ""));
}

test("a participant's pages fit a 320 px phone with thumb-sized controls, and reflow at 200 % text", async ({
  browser,
  page: admin,
}) => {
  test.setTimeout(180_000);
  await signInAsAdmin(admin);
  const findings: Finding[] = [];
  const session = await newTeamSession(admin, {
    team: "Reach",
    title: "A workshop with a rather long title, to see it wrap on a small phone",
  });
  const sessionId = session.id;
  const stage = (to: string) =>
    callApi(admin, "session.stage", { sessionId, command: { type: "goto", stage: to } });

  const phone = await openPhone(browser, { width: 320, height: 640 });
  await phone.goto("/");
  await check(phone, "home", findings);
  await phone.goto(`/join/${session.joinCode}`);
  await expect(phone.getByLabel("Your name")).toBeVisible();
  await check(phone, "join form", findings);
  await phone.getByLabel("Your name").fill("Maximiliana Wolfeschlegelsteinhausen");
  await phone.getByRole("button", { name: "Join the session" }).click();
  await expect(phone.getByRole("heading", { name: /You're in/ })).toBeVisible();
  await check(phone, "lobby", findings);

  await stage("read");
  await expect(phone.getByRole("heading", { level: 1, name: /Read/ })).toBeVisible();
  await check(phone, "read", findings);

  await stage("discuss");
  await expect(phone.getByRole("heading", { level: 1, name: /Discuss/ })).toBeVisible();
  const practice = session.practices[0]!;
  await callApi(phone, "participant.addNote", {
    sessionId,
    practiceId: practice.id,
    body: "We already review each other's designs, but only for the big changes.",
  });
  await check(phone, "discuss", findings);

  await stage("vote");
  const { roundId } = await openDotRound(admin, sessionId);
  await expect(phone.getByText("3 of 3 dots left")).toBeVisible();
  await check(phone, "ballot", findings);
  await phone.getByRole("button", { name: `Put a dot on ${practice.title}` }).click();
  await phone.getByRole("button", { name: "Send my vote" }).click();
  await expect(phone.getByText("Your vote is in.")).toBeVisible();
  await check(phone, "voted", findings);

  await callApi(admin, "voting.close", { sessionId, roundId });
  await callApi(admin, "voting.reveal", { sessionId, roundId });
  await callApi(admin, "voting.adopt", { sessionId, practiceId: practice.id, adopted: true });
  await expect(phone.getByRole("heading", { name: /Results of round 1/ })).toBeVisible();
  await check(phone, "results", findings);

  await stage("actions");
  await expect(phone.getByRole("heading", { level: 1, name: /Actions/ })).toBeVisible();
  await callApi(phone, "action.propose", {
    sessionId,
    practiceId: practice.id,
    title: "Pair on every design review for the next month",
  });
  await check(phone, "actions", findings);

  await stage("wrapup");
  await expect(phone.getByRole("heading", { level: 1, name: /Wrap-up/ })).toBeVisible();
  await check(phone, "wrap-up", findings);

  await phone.context().close();
  expect(findings.map((f) => `[${f.stage}] ${f.problem}`)).toEqual([]);
});
