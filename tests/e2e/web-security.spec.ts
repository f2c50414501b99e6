import { expect, test, type APIResponse, type Page } from "@playwright/test";

import { technicalLeadershipSlug } from "../../db/seed/technical-leadership";
import { admin, callApi, signInAsAdmin } from "./support";

const evil = "https://evil.example";

/** The page policy's directives by name, e.g. policy["script-src"] = ["'self'", ...]. */
function directives(header: string | undefined) {
  expect(header, "Content-Security-Policy").toBeTruthy();
  return Object.fromEntries(
    header!.split(";").map((part) => {
      const [name, ...values] = part.trim().split(/\s+/);
      return [name!, values];
    }),
  );
}

function expectCommonHeaders(response: APIResponse, where: string) {
  const headers = response.headers();
  expect(headers["x-content-type-options"], where).toBe("nosniff");
  expect(headers["x-frame-options"], where).toBe("DENY");
  expect(headers["referrer-policy"], where).toMatch(
    /^(strict-origin-when-cross-origin|no-referrer)$/,
  );
  expect(headers["permissions-policy"], where).toContain("camera=()");
}

/** The directives a response that is no page (API, static file) must carry. */
function expectResourcePolicy(response: APIResponse, where: string) {
  expectCommonHeaders(response, where);
  const policy = directives(response.headers()["content-security-policy"]);
  expect(policy["default-src"], where).toEqual(["'none'"]);
  expect(policy["frame-ancestors"], where).toEqual(["'none'"]);
}

function nonceOf(response: APIResponse) {
  const policy = directives(response.headers()["content-security-policy"]);
  const nonce = policy["script-src"]?.find((v: string) => v.startsWith("'nonce-"));
  expect(nonce, "script-src nonce").toBeTruthy();
  return nonce!.slice("'nonce-".length, -1);
}

test("pages carry a nonce-based policy and the security headers; API and static files a closed one", async ({
  request,
}) => {
  const home = await request.get("/");
  expect(home.ok()).toBe(true);
  expectCommonHeaders(home, "/");
  expect(home.headers()["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  const policy = directives(home.headers()["content-security-policy"]);
  expect(policy["script-src"]).toEqual(["'self'", `'nonce-${nonceOf(home)}'`, "'strict-dynamic'"]);
  expect(policy["object-src"]).toEqual(["'none'"]);
  expect(policy["base-uri"]).toEqual(["'none'"]);
  expect(policy["frame-ancestors"]).toEqual(["'none'"]);
  expect(policy["form-action"]).toEqual(["'self'"]);

  // Join codes and invite tokens in the address don't travel in the Referer.
  for (const path of ["/join/ABCDEF", "/invite/not-a-real-token"]) {
    const response = await request.get(path);
    expectCommonHeaders(response, path);
    expect(response.headers()["referrer-policy"], path).toBe("no-referrer");
    expect(directives(response.headers()["content-security-policy"])["script-src"]).toContain(
      "'strict-dynamic'",
    );
  }

  expectResourcePolicy(await request.get("/api/health"), "/api/health");
  const trpc = await request.get(
    `/api/trpc/join.lookUp?input=${encodeURIComponent(JSON.stringify({ json: { code: "ABCDEF" } }))}`,
  );
  expectResourcePolicy(trpc, "/api/trpc");
  const script = /<script[^>]+src="(\/_next\/static\/[^"]+\.js)"/.exec(await home.text())?.[1];
  expect(script, "a static script on the home page").toBeTruthy();
  // Scripts are never documents: nosniff matters on them, the headers that govern pages don't.
  const asset = await request.get(script!);
  expect(asset.ok()).toBe(true);
  expect(asset.headers()["x-content-type-options"]).toBe("nosniff");
  for (const pageOnly of ["x-frame-options", "permissions-policy", "content-security-policy"]) {
    expect(asset.headers()[pageOnly], `${pageOnly} on ${script}`).toBeUndefined();
  }
  // Other static files (an SVG opened alone is a page) keep the closed policy.
  expectResourcePolicy(await request.get("/icon.svg"), "/icon.svg");
});

test("every script of a page carries that response's nonce, and the nonce changes per request", async ({
  request,
}) => {
  const nonces = new Set<string>();
  for (const path of ["/", "/sign-in", "/", "/join/ABCDEF"]) {
    const response = await request.get(path);
    const nonce = nonceOf(response);
    const scripts = (await response.text()).match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length, path).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag, path).toContain(`nonce="${nonce}"`);
    nonces.add(nonce);
  }
  expect(nonces.size).toBe(4);
});

test("a mutation from another origin is refused with 403 and changes nothing; from ours it works", async ({
  page,
  baseURL,
}) => {
  await signInAsAdmin(page);
  const teamNames = async () =>
    (await callApi<{ name: string }[]>(page, "team.list", undefined, "GET")).map((t) => t.name);
  const name = `CSRF ${Date.now().toString(36)}`;
  const create = (headers: Record<string, string>) =>
    page.request.post("/api/trpc/team.create", { data: { json: { name } }, headers });

  const forgeries: Record<string, string>[] = [
    { origin: evil, "sec-fetch-site": "cross-site" },
    // What a plain <form enctype="text/plain"> on another site could send.
    { origin: evil, "content-type": "text/plain" },
    { origin: "null" },
    // Another port on our host is another origin.
    { origin: baseURL!.replace(/:\d+$/, ":1") },
    // A browser that says cross-site but sends no Origin.
    { "sec-fetch-site": "cross-site" },
  ];
  for (const headers of forgeries) {
    const refused = await create(headers);
    expect(refused.status(), JSON.stringify(headers)).toBe(403);
  }
  expect(await teamNames()).not.toContain(name);

  // Reads that a browser says another site made are refused too.
  const crossSiteRead = await page.request.get("/api/trpc/team.list", {
    headers: { "sec-fetch-site": "cross-site", origin: evil },
  });
  expect(crossSiteRead.status()).toBe(403);

  // Auth.js's own POSTs: a forged sign-out is refused and the session stays.
  const signOut = await page.request.post("/api/auth/signout", {
    form: { csrfToken: "forged" },
    headers: { origin: evil },
    maxRedirects: 0,
  });
  expect(signOut.status()).toBe(403);
  expect((await callApi<{ email: string }>(page, "account.me", undefined, "GET")).email).toBe(
    admin.email,
  );

  const allowed = await create({ origin: baseURL!, "sec-fetch-site": "same-origin" });
  expect(allowed.status()).toBe(200);
  expect(await teamNames()).toContain(name);
});

function cookieAttributes(header: string) {
  return header
    .split(";")
    .slice(1)
    .map((part) => part.trim().toLowerCase());
}

test("session and participant cookies are httpOnly and SameSite=Lax, and Secure behind https", async ({
  page,
  browser,
  playwright,
  baseURL,
}) => {
  // Signing in through the form: the server action's answer sets the session cookie.
  const signInAnswer = page.waitForResponse(
    (r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/sign-in",
  );
  await signInAsAdmin(page);
  const sessionCookie = (await (await signInAnswer).headerValues("set-cookie"))
    .flatMap((h) => h.split("\n"))
    .find((h) => h.startsWith("authjs.session-token="));
  expect(sessionCookie, "Set-Cookie of the session").toBeTruthy();
  expect(cookieAttributes(sessionCookie!)).toEqual(
    expect.arrayContaining(["httponly", "samesite=lax", "path=/"]),
  );
  // Plain http here (browsers drop Secure cookies on http except on localhost).
  expect(cookieAttributes(sessionCookie!)).not.toContain("secure");

  // Behind an https proxy (X-Forwarded-Proto), Auth.js switches to __Secure- cookies.
  const api = await playwright.request.newContext({ baseURL });
  const https = { "x-forwarded-proto": "https" };
  const csrf = await api.get("/api/auth/csrf", { headers: https });
  const csrfCookie = csrf.headersArray().find((h) => h.name.toLowerCase() === "set-cookie")?.value;
  expect(csrfCookie).toMatch(/^__Host-authjs\.csrf-token=/);
  expect(cookieAttributes(csrfCookie!)).toEqual(
    expect.arrayContaining(["httponly", "secure", "samesite=lax"]),
  );
  const signedIn = await api.post("/api/auth/callback/credentials", {
    headers: { ...https, cookie: csrfCookie!.split(";")[0]! },
    form: {
      csrfToken: ((await csrf.json()) as { csrfToken: string }).csrfToken,
      email: admin.email,
      password: admin.password,
    },
    maxRedirects: 0,
  });
  const secureSession = signedIn
    .headersArray()
    .filter((h) => h.name.toLowerCase() === "set-cookie")
    .map((h) => h.value)
    .find((v) => v.startsWith("__Secure-authjs.session-token="));
  expect(secureSession, "Set-Cookie of the session behind https").toBeTruthy();
  expect(cookieAttributes(secureSession!)).toEqual(
    expect.arrayContaining(["httponly", "secure", "samesite=lax", "path=/"]),
  );
  await api.dispose();

  // A phone joining by code gets its participant cookie.
  const { session } = await liveSession(page);
  const phoneContext = await browser.newContext();
  const phone = await phoneContext.newPage();
  await phone.goto(`/join/${session.joinCode}`);
  const joinAnswer = phone.waitForResponse((r) => r.url().includes("participant.join"));
  await phone.getByLabel("Your name").fill("Cookie Tester");
  await phone.getByRole("button", { name: "Join the session" }).click();
  const participantCookie = (await (await joinAnswer).headerValues("set-cookie"))
    .flatMap((h) => h.split("\n"))
    .find((h) => h.startsWith("practica_p_"));
  expect(participantCookie, "Set-Cookie of the participant").toBeTruthy();
  expect(cookieAttributes(participantCookie!)).toEqual(
    expect.arrayContaining(["httponly", "samesite=lax", "path=/"]),
  );
  expect(cookieAttributes(participantCookie!)).not.toContain("secure");
  const stored = (await phoneContext.cookies()).find((c) => c.name.startsWith("practica_p_"));
  expect(stored).toMatchObject({ httpOnly: true, sameSite: "Lax" });
  await phoneContext.close();
});

/** A team with a live session on the seeded workshop, arranged over the API. */
async function liveSession(page: Page) {
  const team = await callApi<{ id: string; slug: string }>(page, "team.create", {
    name: `Headers ${Date.now().toString(36)}`,
  });
  const essays = await callApi<{ id: string; slug: string }[]>(
    page,
    "content.list",
    undefined,
    "GET",
  );
  const essay = essays.find((e) => e.slug === technicalLeadershipSlug)!;
  const session = await callApi<{ id: string; joinCode: string }>(page, "session.create", {
    teamId: team.id,
    essayId: essay.id,
    title: "Policy check",
    settings: {},
  });
  return { team, essay, session };
}

/** Collects every CSP violation a page reports, from the console and from the DOM event. */
async function watchPolicyViolations(page: Page, into: string[]) {
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text()))
      into.push(`${page.url()}: ${message.text()}`);
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      console.error(
        `Content Security Policy violation: ${event.violatedDirective} ${event.blockedURI}`,
      );
    });
  });
}

/** The page loaded and Next's inline bootstrap script ran (it is the one a bad nonce blocks). */
async function expectScriptsRan(page: Page, path: string) {
  await page.waitForLoadState("load");
  const bootstrapped = await page.evaluate(() =>
    Array.isArray((window as unknown as { __next_f?: unknown }).__next_f),
  );
  expect(bootstrapped, path).toBe(true);
}

test("the main pages load without any Content-Security-Policy violation", async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000);
  const violations: string[] = [];
  await watchPolicyViolations(page, violations);

  for (const path of ["/", "/sign-in", "/join/ABCDEF"]) {
    await page.goto(path);
    await expectScriptsRan(page, path);
  }

  await signInAsAdmin(page);
  const { team, essay, session } = await liveSession(page);
  const phoneContext = await browser.newContext({ viewport: { width: 375, height: 812 } });
  const phone = await phoneContext.newPage();
  await watchPolicyViolations(phone, violations);
  await phone.goto(`/join/${session.joinCode}`);
  await phone.getByLabel("Your name").fill("Policy Phone");
  await phone.getByRole("button", { name: "Join the session" }).click();
  await expect(phone.getByRole("heading", { name: "You're in, Policy Phone" })).toBeVisible();
  await expectScriptsRan(phone, "phone");

  for (const path of [
    "/home",
    `/present/${session.id}`,
    `/facilitate/${session.id}`,
    "/admin/content",
    `/admin/content/${essay.id}`,
    "/admin/users",
    "/teams",
    `/teams/${team.slug}`,
    `/teams/${team.slug}/board`,
    `/sessions/${session.id}/summary`,
  ]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
    await expectScriptsRan(page, path);
  }
  // The join QR code is drawn on the presenter's lobby: it must survive the policy.
  await page.goto(`/present/${session.id}`);
  const qr = page.getByRole("img", { name: /^QR code for / });
  await expect(qr.locator("svg path").first()).toBeAttached();
  expect((await qr.locator("svg").boundingBox())?.width).toBeGreaterThan(100);

  expect(violations).toEqual([]);
  await phoneContext.close();
});

test("an address that can't be decoded shows the not-found page with 404, not a bare 500", async ({
  page,
  request,
}) => {
  for (const address of ["/join/%FF", "/teams/%E0%A4%A/board", "/sessions/%C0/summary"]) {
    const response = await request.get(address);
    expect(response.status(), address).toBe(404);
    expect(response.headers()["content-security-policy"], address).toContain("'nonce-");
    await page.goto(address);
    await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  }
});
