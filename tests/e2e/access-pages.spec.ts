import { readdirSync } from "node:fs";
import path from "node:path";

import { expect, test, type APIResponse, type Page } from "@playwright/test";

import { arrangeWorld, callers, teamData, type Caller, type World } from "./access-pages-world";

/**
 * Every address of the app visited as every kind of caller: each sees the page, is sent to sign
 * in (a real redirect, before anything is streamed), or gets the 404 page — and no visit shows
 * anything of a team the caller may not see.
 */

type Outcome = "page" | "sign-in" | "not-found";
const P: Outcome = "page";
const S: Outcome = "sign-in";
const N: Outcome = "not-found";

// Columns follow `callers`: anonymous, guest of this session, guest of another session, member
// of this team, member of another, facilitator of this team, facilitator of another, admin.
// prettier-ignore
const expectations: Record<string, readonly [Outcome, Outcome, Outcome, Outcome, Outcome, Outcome, Outcome, Outcome]> = {
  //                                     anon guest guest' member member' facil. facil.' admin
  "/":                                  [P,   P,    P,     P,     P,      P,     P,      P],
  "/join/[code]":                       [P,   P,    P,     P,     P,      P,     P,      P],
  "/present/[id]":                      [S,   S,    S,     N,     N,      P,     N,      P],
  "/facilitate/[id]":                   [S,   S,    S,     N,     N,      P,     N,      P],
  "/sessions/[id]/summary":             [S,   S,    S,     P,     N,      P,     N,      P],
  "/sessions/[id]/summary/markdown":    [S,   S,    S,     P,     N,      P,     N,      P],
  "/teams":                             [S,   S,    S,     P,     P,      P,     P,      P],
  "/teams/[slug]":                      [S,   S,    S,     P,     N,      P,     N,      P],
  "/teams/[slug]/board":                [S,   S,    S,     P,     N,      P,     N,      P],
  "/teams/[slug]/board/actions.csv":    [S,   S,    S,     P,     N,      P,     N,      P],
  "/admin":                             [S,   S,    S,     N,     N,      N,     N,      P],
  "/admin/content":                     [S,   S,    S,     N,     N,      N,     N,      P],
  "/admin/content/[essayId]":           [S,   S,    S,     N,     N,      N,     N,      P],
  "/admin/content/[essayId]/history":   [S,   S,    S,     N,     N,      N,     N,      P],
  "/admin/users":                       [S,   S,    S,     N,     N,      N,     N,      P],
  "/admin/teams":                       [S,   S,    S,     N,     N,      N,     N,      P],
  "/admin/audit":                       [S,   S,    S,     N,     N,      N,     N,      P],
  "/setup":                             [N,   N,    N,     N,     N,      N,     N,      N],
  "/api/health":                        [P,   P,    P,     P,     P,      P,     P,      P],
  "/home":                              [S,   S,    S,     P,     P,      P,     P,      P],
  "/library":                           [P,   P,    P,     P,     P,      P,     P,      P],
  "/library/[slug]":                    [P,   P,    P,     P,     P,      P,     P,      P],
};

/** Pages left out of the matrix, and why. Any other page without a row fails the test. */
const notInMatrix: Record<string, string> = {
  "/sign-in": "sends a signed-in visitor on to /home; setup-and-sign-in.spec.ts covers it",
  "/invite/[token]": "its secret token is the access rule; teams.spec.ts and admin-users.spec.ts",
};

/** Which teams' data each caller may see. */
const visibleSides: Record<Caller, readonly ("here" | "elsewhere")[]> = {
  anonymous: [],
  guestHere: ["here"],
  guestElsewhere: ["elsewhere"],
  memberHere: ["here"],
  memberElsewhere: ["elsewhere"],
  facilitatorHere: ["here"],
  facilitatorElsewhere: ["elsewhere"],
  admin: ["here", "elsewhere"],
};

interface Visit {
  world: World;
  caller: Caller;
}

type Address =
  | {
      kind: "page";
      path: (world: World) => string;
      /** Asserts the page itself is shown: a heading or landmark only it has. */
      shows: (page: Page, visit: Visit) => Promise<void>;
      /** What the page shows to anyone who reaches it (e.g. the session title behind a code). */
      open?: (world: World) => string[];
    }
  | {
      kind: "file";
      path: (world: World) => string;
      /** Where sign-in leads back to, if not here (a download is no page to land on). */
      signInNext?: (world: World) => string;
      shows: (response: APIResponse, body: string, visit: Visit) => void;
    };

const heading = (page: Page, name: string | RegExp) =>
  expect(page.getByRole("heading", { level: 1, name, exact: true })).toBeVisible();

const addresses: Record<keyof typeof expectations, Address> = {
  "/": {
    kind: "page",
    path: () => "/",
    shows: (page) =>
      heading(page, "Workshops on engineering practices, and the follow-through after them"),
  },
  "/join/[code]": {
    kind: "page",
    path: ({ here }) => `/join/${here.joinCode}`,
    // The code is the key: whoever has it may see which session it opens.
    open: ({ here }) => [here.sessionTitle],
    shows: async (page, { world, caller }) => {
      if (caller === "guestHere") {
        // Already in: the phone follows the session, now at its actions stage.
        await heading(page, "Actions");
        await expect(page.getByText(world.here.actionTitle)).toBeVisible();
      } else {
        await heading(page, world.here.sessionTitle);
        await expect(page.getByRole("button", { name: "Join the session" })).toBeVisible();
      }
    },
  },
  "/present/[id]": {
    kind: "page",
    path: ({ here }) => `/present/${here.sessionId}`,
    shows: async (page, { world }) => {
      await heading(page, world.here.sessionTitle);
      await expect(page.getByText("Facilitator console")).toHaveCount(0);
    },
  },
  "/facilitate/[id]": {
    kind: "page",
    path: ({ here }) => `/facilitate/${here.sessionId}`,
    shows: async (page, { world }) => {
      await expect(page.getByText("Facilitator console")).toBeVisible();
      await heading(page, world.here.sessionTitle);
    },
  },
  "/sessions/[id]/summary": {
    kind: "page",
    path: ({ here }) => `/sessions/${here.sessionId}/summary`,
    shows: async (page, { world }) => {
      await heading(page, world.here.sessionTitle);
      await expect(page.getByRole("link", { name: "Download Markdown" })).toBeVisible();
    },
  },
  "/sessions/[id]/summary/markdown": {
    kind: "file",
    path: ({ here }) => `/sessions/${here.sessionId}/summary/markdown`,
    signInNext: ({ here }) => `/sessions/${here.sessionId}/summary`,
    shows: (response, body, { world }) => {
      expect(response.headers()["content-type"]).toContain("text/markdown");
      expect(body.startsWith(`# ${world.here.sessionTitle}\n`)).toBe(true);
    },
  },
  "/teams": {
    kind: "page",
    path: () => "/teams",
    shows: async (page, { world, caller }) => {
      await heading(page, "Teams");
      for (const side of visibleSides[caller]) {
        await expect(page.getByRole("link", { name: world[side].teamName })).toBeVisible();
      }
    },
  },
  "/teams/[slug]": {
    kind: "page",
    path: ({ here }) => `/teams/${here.teamSlug}`,
    shows: (page, { world }) => heading(page, world.here.teamName),
  },
  "/teams/[slug]/board": {
    kind: "page",
    path: ({ here }) => `/teams/${here.teamSlug}/board`,
    shows: async (page, { world }) => {
      await heading(page, "Action board");
      await expect(page.getByRole("article", { name: world.here.actionTitle })).toBeVisible();
    },
  },
  "/teams/[slug]/board/actions.csv": {
    kind: "file",
    path: ({ here }) => `/teams/${here.teamSlug}/board/actions.csv`,
    signInNext: ({ here }) => `/teams/${here.teamSlug}/board`,
    shows: (response, body, { world }) => {
      expect(response.headers()["content-type"]).toContain("text/csv");
      expect(body).toContain(world.here.actionTitle);
    },
  },
  "/admin": { kind: "page", path: () => "/admin", shows: (page) => heading(page, "Admin") },
  "/admin/content": {
    kind: "page",
    path: () => "/admin/content",
    shows: (page) => heading(page, "Content library"),
  },
  "/admin/content/[essayId]": {
    kind: "page",
    path: ({ essay }) => `/admin/content/${essay.id}`,
    shows: (page) =>
      expect(
        page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", {
          name: "Content library",
        }),
      ).toBeVisible(),
  },
  "/admin/content/[essayId]/history": {
    kind: "page",
    path: ({ essay }) => `/admin/content/${essay.id}/history`,
    shows: (page) => heading(page, "Version history"),
  },
  "/admin/users": {
    kind: "page",
    path: () => "/admin/users",
    shows: (page) => heading(page, "Users"),
  },
  "/admin/teams": {
    kind: "page",
    path: () => "/admin/teams",
    shows: async (page) => {
      await heading(page, "Teams");
      await expect(page.getByRole("searchbox", { name: "Search teams by name" })).toBeVisible();
    },
  },
  "/admin/audit": {
    kind: "page",
    path: () => "/admin/audit",
    shows: (page) => heading(page, "Audit log"),
  },
  "/setup": {
    kind: "page",
    path: () => "/setup",
    shows: (page) => heading(page, "Set up Practica"),
  },
  "/api/health": {
    kind: "file",
    path: () => "/api/health",
    shows: (response, body) => {
      expect(response.headers()["content-type"]).toContain("application/json");
      expect(JSON.parse(body)).toEqual({ ok: true });
    },
  },
  "/home": {
    kind: "page",
    path: () => "/home",
    shows: (page, { world, caller }) => heading(page, `Hello, ${world.accountNames[caller]}`),
  },
  "/library": { kind: "page", path: () => "/library", shows: (page) => heading(page, "Library") },
  "/library/[slug]": {
    kind: "page",
    path: ({ essay }) => `/library/${essay.slug}`,
    shows: (page, { world }) => heading(page, world.essay.title),
  },
};

/** The address of every page.tsx under app/, as a route pattern ("/teams/[slug]/board"). */
function pageRoutes(dir = "app", route = ""): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isFile()) return entry.name === "page.tsx" ? [route || "/"] : [];
    if (!entry.isDirectory() || entry.name.startsWith("_")) return [];
    // Route groups "(name)" add nothing to the address.
    const segment = /^\(.*\)$/.test(entry.name) ? "" : `/${entry.name}`;
    return pageRoutes(path.join(dir, entry.name), route + segment);
  });
}

/**
 * Fails the visit if the HTML holds any name of a team the caller may not see, except what the
 * page shows to anyone who reaches it and what the caller typed in the address (an id, a slug).
 */
function expectNoForeignData(
  html: string,
  where: string,
  { world, caller }: Visit,
  url: string,
  open: string[],
) {
  const foreign = (["here", "elsewhere"] as const)
    .filter((side) => !visibleSides[caller].includes(side))
    .flatMap((side) => teamData(world[side]))
    .filter((name) => !open.includes(name) && !url.includes(name));
  const leaked = foreign.filter((name) => html.includes(name));
  expect.soft(leaked, `${where}: another team's data in the page`).toEqual([]);
}

/** The `next` of a redirect to /sign-in, or what the answer was instead. */
function signInReturn(response: APIResponse) {
  const location = response.headers().location;
  if (!location) return `no redirect (${response.status()})`;
  const target = new URL(location, "http://app.invalid");
  return target.pathname === "/sign-in" ? target.searchParams.get("next") : location;
}

let checked = 0;

async function check(route: string, visit: Visit) {
  const address = addresses[route]!;
  const expected = expectations[route]![callers.indexOf(visit.caller)]!;
  const context = visit.world.contexts[visit.caller];
  const url = address.path(visit.world);
  const where = `${url} as ${visit.caller} (expected ${expected})`;
  const open = address.kind === "page" ? (address.open?.(visit.world) ?? []) : [];

  // The first answer, before any redirect is followed: its status is what decides.
  const first = await context.request.get(url, { maxRedirects: 0 });
  const body = await first.text();
  expectNoForeignData(body, where, visit, url, open);

  if (expected === "sign-in") {
    // Pages redirect with Next's 307; route handlers answer a download with 303 (see other).
    expect.soft(first.status(), where).toBe(address.kind === "page" ? 307 : 303);
    const next = (address.kind === "file" && address.signInNext?.(visit.world)) || url;
    expect.soft(signInReturn(first), `${where}: leads to sign-in and back`).toBe(next);
  } else if (address.kind === "file") {
    expect.soft(first.status(), where).toBe(expected === "page" ? 200 : 404);
    if (expected === "page" && first.status() === 200) address.shows(first, body, visit);
  } else {
    expect.soft(first.status(), where).toBe(expected === "page" ? 200 : 404);
    const page = await context.newPage();
    try {
      const response = await page.goto(url);
      expect
        .soft(response?.status(), `${where}, in the browser`)
        .toBe(expected === "page" ? 200 : 404);
      expect.soft(new URL(page.url()).pathname, `${where}: stays on the address`).toBe(url);
      if (expected === "page") await address.shows(page, visit);
      else await heading(page, "Page not found");
      expectNoForeignData(await page.content(), `${where}, in the browser`, visit, url, open);
    } finally {
      await page.close();
    }
  }
  checked += 1;
}

let world: World;

test.beforeAll(async ({ browser }, testInfo) => {
  testInfo.setTimeout(180_000);
  world = await arrangeWorld(browser);
});

test.afterAll(async () => {
  // The closing note counts what the matrix checked.
  console.log(
    `Pages access matrix: ${checked} visits checked (${Object.keys(expectations).length} addresses × ${callers.length} callers).`,
  );
  for (const context of Object.values(world?.contexts ?? {})) await context.close();
});

test("every page of the app has a row in the access matrix", () => {
  const rows = Object.keys(expectations);
  const uncovered = pageRoutes().filter(
    (route) => !rows.includes(route) && !(route in notInMatrix),
  );
  expect(uncovered, "pages with no expectations").toEqual([]);
  expect(Object.keys(addresses).sort()).toEqual([...rows].sort());
});

test("signed out, the sign-in redirect of a layout-checked page leads back to the address asked for, query included", async () => {
  const anonymous = world.contexts.anonymous;
  for (const url of [
    `/teams/${world.here.teamSlug}/board?session=${world.here.sessionId}`,
    "/admin/users?q=quokka",
    `/admin/content/${world.essay.id}/history`,
  ]) {
    const first = await anonymous.request.get(url, { maxRedirects: 0 });
    expect(first.status(), url).toBe(307);
    expect(signInReturn(first), url).toBe(url);
  }
});

for (const caller of callers) {
  test(`every address, visited as ${caller}, shows the page, asks to sign in or is not found — never another team's data`, async () => {
    test.setTimeout(180_000);
    for (const route of Object.keys(expectations)) {
      await test.step(route, () => check(route, { world, caller }));
    }
  });
}
