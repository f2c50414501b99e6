import AxeBuilder from "@axe-core/playwright";
import {
  expect,
  test,
  type APIRequestContext,
  type Browser,
  type BrowserContext,
  type Page,
} from "@playwright/test";

import { callApi, signInAsAdmin } from "./support";

/*
 * The big screen, read from the back of a room: at 1280×720 and 1920×1080, in every stage, with a
 * workshop at the content limits (50 practices, the longest titles, descriptions and prompts) and
 * a crowd's worth of long notes and actions, nothing scrolls, nothing is cut off mid-way, text is
 * large, and axe finds nothing in the light or the dark theme. Opened on a phone (375×667), it
 * still fits: smaller text, stacked, nothing cut off.
 */
test.describe.configure({ mode: "serial" });

const rooms = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
] as const;

/** Someone who opens the big screen on a phone, or in a narrow window. */
const phone = { width: 375, height: 667 } as const;

const settings = { votingMethod: "dots", dots: 3, maxDotsPerPractice: 2, anonymousNotes: false };

/** Words, not one long token: the limits of real text, which wraps. */
function prose(length: number, seed: string) {
  const words = `${seed} we review every change before it merges and keep the build green so that anyone can ship on a Friday without fear`;
  let text = "";
  while (text.length < length) text += `${words} `;
  return text.slice(0, length).trim();
}

async function post(request: APIRequestContext, path: string, json: unknown, meta?: unknown) {
  const response = await request.post(`/api/trpc/${path}`, { data: { json, meta } });
  const body = (await response.json()) as { result?: { data: { json: unknown } }; error?: unknown };
  if (!body.result) throw new Error(`${path} failed: ${JSON.stringify(body.error)}`);
  return body.result.data.json;
}

/** A published workshop at every limit of the editor. */
async function publishLargestWorkshop(page: Page) {
  const essay = await callApi<{ id: string }>(page, "adminContent.create", {
    title: `Presenter limits ${Date.now().toString(36)}`,
  });
  const { draftUpdatedAt, draft } = await callApi<{
    draftUpdatedAt: string;
    draft: { title: string };
  }>(page, "adminContent.byId", { essayId: essay.id }, "GET");
  const dates = { values: { expectedDraftUpdatedAt: ["Date"] } };
  await post(
    page.request,
    "adminContent.saveDraft",
    {
      essayId: essay.id,
      expectedDraftUpdatedAt: draftUpdatedAt,
      draft: {
        title: draft.title,
        markdown: prose(20_000, "Essay"),
        practices: Array.from({ length: 50 }, (_, i) => ({
          practiceId: null,
          title: prose(200, `Practice ${i + 1}:`),
          description: prose(2000, `Description ${i + 1}:`),
        })),
        prompts: Array.from({ length: 50 }, (_, i) => ({
          text: prose(1000, `Prompt ${i + 1}:`),
          practiceIndex: i % 25,
        })),
      },
    },
    dates,
  );
  const saved = await callApi<{ draftUpdatedAt: string }>(
    page,
    "adminContent.byId",
    { essayId: essay.id },
    "GET",
  );
  await post(
    page.request,
    "adminContent.publish",
    { essayId: essay.id, expectedDraftUpdatedAt: saved.draftUpdatedAt },
    dates,
  );
  return essay.id;
}

type Practice = { id: string; title: string };

interface Room {
  facilitator: Page;
  presenter: Page;
  sessionId: string;
  practices: Practice[];
  phones: BrowserContext[];
}

let room: Room;

async function goTo(stage: string) {
  await callApi(room.facilitator, "session.stage", {
    sessionId: room.sessionId,
    command: { type: "goto", stage },
  });
}

/** An earlier session of the team that kept many actions, still open: the review has them. */
async function holdEarlierSession(page: Page, teamId: string, essayId: string) {
  const session = await callApi<{ id: string }>(page, "session.create", {
    teamId,
    essayId,
    title: "Earlier session",
    settings,
  });
  const { content } = await callApi<{ content: { practices: Practice[] } }>(
    page,
    "session.byId",
    { sessionId: session.id },
    "GET",
  );
  await callApi(page, "session.stage", {
    sessionId: session.id,
    command: { type: "goto", stage: "results" },
  });
  for (const practice of content.practices.slice(0, 3)) {
    await callApi(page, "voting.adopt", {
      sessionId: session.id,
      practiceId: practice.id,
      adopted: true,
    });
  }
  await callApi(page, "session.stage", {
    sessionId: session.id,
    command: { type: "goto", stage: "actions" },
  });
  for (let i = 0; i < 24; i++) {
    await callApi(page, "action.create", {
      sessionId: session.id,
      practiceId: content.practices[i % 3]!.id,
      title: prose(200, `Earlier action ${i + 1}:`),
      dueOn: "2026-03-01",
    });
  }
  await callApi(page, "session.end", { sessionId: session.id });
}

async function joinPhones(browser: Browser, joinCode: string, sessionId: string) {
  const phones: BrowserContext[] = [];
  for (let i = 0; i < 10; i++) {
    const phone = await browser.newContext();
    await post(phone.request, "participant.join", {
      code: joinCode,
      displayName: prose(40, `Person ${i + 1}`),
      joinKey: `presenter-room-${sessionId}-${i}`,
    });
    phones.push(phone);
  }
  return phones;
}

test.beforeAll(async ({ browser }) => {
  test.setTimeout(180_000);
  const facilitatorContext = await browser.newContext({ viewport: rooms[0] });
  const facilitator = await facilitatorContext.newPage();
  await signInAsAdmin(facilitator);
  const essayId = await publishLargestWorkshop(facilitator);
  const team = await callApi<{ id: string }>(facilitator, "team.create", {
    name: `Back row ${Date.now().toString(36)}`,
  });
  await holdEarlierSession(facilitator, team.id, essayId);

  const session = await callApi<{ id: string; joinCode: string }>(facilitator, "session.create", {
    teamId: team.id,
    essayId,
    title: prose(120, "A session title at its longest"),
    settings,
  });
  const { content } = await callApi<{ content: { practices: Practice[] } }>(
    facilitator,
    "session.byId",
    { sessionId: session.id },
    "GET",
  );
  const phones = await joinPhones(browser, session.joinCode, session.id);
  const presenter = await facilitatorContext.newPage();
  await presenter.goto(`/present/${session.id}`);
  await expect(presenter.getByText("10 people joined")).toBeVisible();
  room = { facilitator, presenter, sessionId: session.id, practices: content.practices, phones };
});

test.afterAll(async () => {
  for (const phone of room.phones) await phone.close();
  await room.facilitator.context().close();
});

interface Fit {
  overflowY: number;
  overflowX: number;
  scrollers: string[];
  cutOff: string[];
  smallText: string[];
}

/**
 * What would make the screen unreadable from the room: the page scrolling, a box with its own
 * scrollbar, an element reaching outside a box that clips it (or the viewport), and text smaller
 * than `minFontPx`. Parts deliberately hidden (visibility: hidden) or clamped with an ellipsis are
 * designed that way and skipped; so is text only for screen readers.
 */
async function measureFit(page: Page, minFontPx: number): Promise<Fit> {
  return page.evaluate((minFont) => {
    const root = document.documentElement;
    const name = (el: Element) =>
      `${el.tagName.toLowerCase()} "${(el.textContent ?? "").trim().slice(0, 40)}"`;
    const srOnly = (el: Element) => {
      for (let a: Element | null = el; a; a = a.parentElement) {
        if (getComputedStyle(a).clip === "rect(0px, 0px, 0px, 0px)") return true;
      }
      return false;
    };
    const clamped = (el: Element) => {
      for (let a = el.parentElement; a; a = a.parentElement) {
        const style = getComputedStyle(a);
        if (style.webkitLineClamp !== "none" || style.textOverflow === "ellipsis") return true;
      }
      return false;
    };
    const screen = document.querySelector("[data-presenter]");
    const all = screen ? Array.from(screen.querySelectorAll("*")) : [];
    const shown = all.filter((el) => {
      const rect = el.getBoundingClientRect();
      return (
        rect.width > 0 &&
        rect.height > 0 &&
        getComputedStyle(el).visibility === "visible" &&
        !srOnly(el)
      );
    });
    const scrollers = all
      .filter((el) => {
        const style = getComputedStyle(el);
        const scrolls = (overflow: string) => overflow === "auto" || overflow === "scroll";
        return (
          (scrolls(style.overflowY) && el.scrollHeight > el.clientHeight) ||
          (scrolls(style.overflowX) && el.scrollWidth > el.clientWidth)
        );
      })
      .map(name);
    const cutOff = shown
      .filter((el) => {
        if (clamped(el)) return false;
        const rect = el.getBoundingClientRect();
        const boxes: DOMRect[] = [new DOMRect(0, 0, innerWidth, innerHeight)];
        for (let a = el.parentElement; a && a !== root; a = a.parentElement) {
          const style = getComputedStyle(a);
          if (style.overflowX !== "visible" || style.overflowY !== "visible") {
            boxes.push(a.getBoundingClientRect());
          }
        }
        return boxes.some(
          (box) =>
            rect.left < box.left - 1 ||
            rect.top < box.top - 1 ||
            rect.right > box.right + 1 ||
            rect.bottom > box.bottom + 1,
        );
      })
      .map(name);
    const smallText = shown
      .filter((el) =>
        Array.from(el.childNodes).some(
          (node) => node.nodeType === Node.TEXT_NODE && node.textContent?.trim(),
        ),
      )
      .filter((el) => parseFloat(getComputedStyle(el).fontSize) < minFont)
      .map((el) => `${name(el)} at ${getComputedStyle(el).fontSize}`);
    return {
      overflowY: root.scrollHeight - innerHeight,
      overflowX: root.scrollWidth - innerWidth,
      scrollers,
      cutOff,
      smallText,
    };
  }, minFontPx);
}

/**
 * Checks the screen as it is now at both room sizes and on a phone. With PRESENTER_SHOTS=<folder>,
 * it also saves a screenshot of each (`shot` names it), for looking at the big screen without a
 * projector.
 */
async function expectFitsTheRoom(shot: string) {
  const { presenter } = room;
  for (const size of [...rooms, phone]) {
    await presenter.setViewportSize(size);
    // Lists that count what fits measure again after a resize: wait until nothing is cut off.
    const minFont = size.width === 1920 ? 24 : 0;
    await expect
      .poll(async () => (await measureFit(presenter, minFont)).cutOff, { message: shot })
      .toEqual([]);
    if (process.env.PRESENTER_SHOTS) {
      await presenter.screenshot({
        path: `${process.env.PRESENTER_SHOTS}/${shot}-${size.width}.png`,
      });
    }
    // 24 px is the smallest text on a 1080p projector; a 720p screen scales everything down.
    const fit = await measureFit(presenter, minFont);
    const where = `${shot} at ${size.width}×${size.height}`;
    expect(fit.overflowY, `${where}: the page scrolls down`).toBeLessThanOrEqual(0);
    expect(fit.overflowX, `${where}: the page scrolls sideways`).toBeLessThanOrEqual(0);
    expect(
      { scrollers: fit.scrollers, cutOff: fit.cutOff, smallText: fit.smallText },
      where,
    ).toEqual({
      scrollers: [],
      cutOff: [],
      smallText: [],
    });
  }
}

/** axe in the light and the dark theme (the system's, as a projector laptop would have it). */
async function expectAccessibleInBothThemes(label: string) {
  const { presenter } = room;
  for (const colorScheme of ["light", "dark"] as const) {
    await presenter.emulateMedia({ colorScheme });
    const { violations } = await new AxeBuilder({ page: presenter })
      .withTags(["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"])
      .analyze();
    expect(
      violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
      `${label} in the ${colorScheme} theme`,
    ).toEqual([]);
  }
  await presenter.emulateMedia({ colorScheme: null });
}

test("the lobby: code and QR code fill the screen, the QR at least half its height", async () => {
  const { presenter } = room;
  await expectFitsTheRoom("lobby");
  // Who has joined, newest first: the names that fit, and how many more.
  for (const size of [...rooms, phone]) {
    await presenter.setViewportSize(size);
    const names = presenter.getByRole("list", { name: "Who has joined" }).getByRole("listitem");
    await expect(names.first()).toHaveText(/^Person 10 /);
    // The screen fits the names after each resize; ask again until it has settled.
    await expect
      .poll(
        async () => {
          const shown = await names.evaluateAll(
            (items) =>
              items.filter((item) => getComputedStyle(item).visibility === "visible").length,
          );
          if (shown === 0) return "no names shown";
          if (shown === 10) return "ok";
          return (await presenter.getByText(`+ ${10 - shown} more`).isVisible())
            ? "ok"
            : `${shown} shown without "+ ${10 - shown} more"`;
        },
        { message: `names at ${size.width}×${size.height}` },
      )
      .toBe("ok");
  }
  for (const size of rooms) {
    await presenter.setViewportSize(size);
    const qr = await presenter
      .getByRole("img", { name: /QR code for/ })
      .locator("svg")
      .boundingBox();
    expect(qr!.height).toBeGreaterThanOrEqual(size.height * 0.5);
    expect(qr!.width).toBeGreaterThanOrEqual(size.height * 0.5);
  }
  await expectAccessibleInBothThemes("lobby");
});

test("the review: two dozen long open actions show as many as fit and count the rest", async () => {
  await goTo("review");
  const { presenter } = room;
  await expect(presenter.getByRole("heading", { name: "Since last time" })).toBeVisible();
  await expectFitsTheRoom("review");
  await expect(presenter.getByText(/^\+ \d+ more actions on the facilitator/)).toBeVisible();
  await expectAccessibleInBothThemes("review");
});

test("the read stage: the overview and every practice slide fit, longest texts included", async () => {
  await goTo("read");
  const { presenter, practices } = room;
  await expect(presenter.getByText("Read", { exact: true })).toBeVisible();
  await expectFitsTheRoom("read-overview");
  await expect(presenter.getByText(/^and \d+ more, one by one/)).toBeVisible();
  await expectAccessibleInBothThemes("read overview");
  for (let i = 1; i <= practices.length; i++) {
    await presenter.keyboard.press("ArrowRight");
    await expect(presenter.getByText(`Practice ${i} of ${practices.length}`)).toBeVisible();
    await expectFitsTheRoom(`read-practice-${i}`);
  }
  await expectAccessibleInBothThemes("read practice slide");
});

test("the discuss stage: dozens of long notes fit in the overview and up close", async () => {
  await goTo("discuss");
  const { presenter, practices, phones, sessionId } = room;
  // Ten phones write four long notes each, on a few practices and the essay as a whole.
  for (const [p, phone] of phones.entries()) {
    for (let n = 0; n < 4; n++) {
      await post(phone.request, "participant.addNote", {
        sessionId,
        practiceId: n === 3 ? null : practices[(p + n) % 6]!.id,
        body: prose(500, `Note ${p + 1}.${n + 1}:`),
      });
    }
  }
  await expect(presenter.getByText("40 notes", { exact: false })).toBeVisible();
  await expectFitsTheRoom("discuss-overview");
  // Fitting isn't showing nothing: the cards show notes, and count those they can't.
  for (const size of rooms) {
    await presenter.setViewportSize(size);
    await expect(presenter.getByText(/^Note \d+\.\d+:/).first()).toBeVisible();
    await expect(presenter.getByText(/^\+ \d+ more$/).first()).toBeVisible();
  }
  await expectAccessibleInBothThemes("discuss overview");
  for (let i = 1; i <= 7; i++) {
    await presenter.keyboard.press("ArrowRight");
    await expectFitsTheRoom(`discuss-focus-${i}`);
  }
  await presenter.keyboard.press("End");
  await expect(presenter.getByRole("heading", { name: "The essay as a whole" })).toBeVisible();
  await expectFitsTheRoom("discuss-focus-general");
  await expectAccessibleInBothThemes("discuss focus");
});

let roundId: string;

test("the vote stage: the turnout fits", async () => {
  await goTo("vote");
  const { presenter, practices, phones, sessionId } = room;
  ({ roundId } = await callApi<{ roundId: string }>(room.facilitator, "voting.open", {
    sessionId,
    method: "dots",
    dots: 20,
    maxDotsPerPractice: 1,
    practiceIds: null,
  }));
  // Every practice gets dots, so the results rank all fifty.
  for (const [p, phone] of phones.entries()) {
    await post(phone.request, "voting.cast", {
      sessionId,
      roundId,
      submissionId: `presenter-room-${p}`,
      marks: practices
        .filter((_, i) => (i + p) % 5 !== 0)
        .slice(0, 20)
        .map((practice) => ({ practiceId: practice.id, points: 1 })),
    });
  }
  await expect(presenter.getByText("10 of 10 voted")).toBeVisible();
  await expectFitsTheRoom("vote");
  await expectAccessibleInBothThemes("vote");
});

test("the results stage: fifty ranked practices fit, the rest counted", async () => {
  const { presenter, practices, sessionId } = room;
  await callApi(room.facilitator, "voting.reveal", { sessionId, roundId });
  await expect(presenter.getByRole("heading", { name: /Results of round 1/ })).toBeVisible();
  for (const practice of practices.slice(0, 4)) {
    await callApi(room.facilitator, "voting.adopt", {
      sessionId,
      practiceId: practice.id,
      adopted: true,
    });
  }
  await expectFitsTheRoom("results");
  await expect(presenter.getByText(/^\+ \d+ more practices on your phones/)).toBeVisible();
  await expect(presenter.getByText("Adopted").first()).toBeVisible();
  await expectAccessibleInBothThemes("results");
});

const proposed: string[] = [];

test("the actions stage: many long proposals under four practices fit", async () => {
  await goTo("actions");
  const { presenter, practices, phones, sessionId } = room;
  for (const [p, phone] of phones.entries()) {
    for (let n = 0; n < 3; n++) {
      const action = (await post(phone.request, "action.propose", {
        sessionId,
        practiceId: practices[(p + n) % 4]!.id,
        title: prose(200, `Action ${p + 1}.${n + 1}:`),
      })) as { id: string };
      proposed.push(action.id);
    }
  }
  await expect(presenter.getByText(/30 proposed/)).toBeVisible();
  await expectFitsTheRoom("actions");
  await expectAccessibleInBothThemes("actions");
});

test("the wrap-up and the ended session fit", async () => {
  const { presenter, sessionId } = room;
  // The facilitator keeps half the proposals: the wrap-up shows them under their practices.
  for (const actionId of proposed.filter((_, i) => i % 2 === 0)) {
    await callApi(room.facilitator, "action.update", {
      sessionId,
      actionId,
      patch: { status: "todo", dueOn: "2026-12-24" },
    });
  }
  await goTo("wrapup");
  await expect(presenter.getByRole("heading", { name: "Thank you!" })).toBeVisible();
  await expectFitsTheRoom("wrapup");
  await expectAccessibleInBothThemes("wrap-up");
  await callApi(room.facilitator, "session.end", { sessionId });
  await expect(presenter.getByRole("heading", { name: "This session has ended" })).toBeVisible();
  await expectFitsTheRoom("ended");
});

test("the Full screen button and the F key put the page in fullscreen and back", async () => {
  const { presenter } = room;
  const isFullscreen = () => presenter.evaluate(() => document.fullscreenElement !== null);
  await presenter.getByRole("button", { name: "Full screen" }).click();
  await expect.poll(isFullscreen).toBe(true);
  const leave = presenter.getByRole("button", { name: "Leave full screen" });
  await expect(leave).toBeVisible();
  await leave.press("Enter");
  await expect.poll(isFullscreen).toBe(false);
  await presenter.keyboard.press("f");
  await expect.poll(isFullscreen).toBe(true);
  await presenter.keyboard.press("f");
  await expect.poll(isFullscreen).toBe(false);
  await expect(presenter.getByRole("button", { name: "Full screen" })).toBeVisible();
});
