import { chromium } from "@playwright/test";

import { chromiumLaunchOptions } from "../helpers/chromium";
import type { CookieJar } from "../helpers/http-client";

/**
 * The JavaScript a joined phone downloads for `/join/CODE` on a cold cache, compressed as it
 * travels: the sum of Chromium's encoded sizes (CDP `Network.loadingFinished`) of every Script
 * response, in KB.
 */
export async function measurePhoneJs(baseUrl: string, joinCode: string, jar: CookieJar) {
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    // A fresh context has an empty cache; it gets only the phone's participant cookie.
    const context = await browser.newContext({
      viewport: { width: 375, height: 812 },
      isMobile: true,
      hasTouch: true,
    });
    const url = new URL(baseUrl);
    await context.addCookies(
      jar
        .header()
        .split("; ")
        .filter(Boolean)
        .map((pair) => {
          const eq = pair.indexOf("=");
          return {
            name: pair.slice(0, eq),
            value: pair.slice(eq + 1),
            domain: url.hostname,
            path: "/",
          };
        }),
    );
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    const scripts = new Set<string>();
    let bytes = 0;
    cdp.on("Network.responseReceived", (event) => {
      if (event.type === "Script") scripts.add(event.requestId);
    });
    cdp.on("Network.loadingFinished", (event) => {
      if (scripts.has(event.requestId)) bytes += event.encodedDataLength;
    });
    await page.goto(`${baseUrl}/join/${joinCode}`, { waitUntil: "load" });
    // The page holds its live stream open, so "network idle" never comes; chunks a component
    // loads after hydration arrive within this pause.
    await page.waitForTimeout(1500);
    // The joined phone's page, not the join form: otherwise the figure would be the wrong page's.
    const heading = await page.getByRole("heading", { level: 1 }).first().textContent();
    if (!heading) throw new Error("The phone page showed no heading");
    if ((await page.getByRole("button", { name: "Join the session" }).count()) > 0) {
      throw new Error("Chromium saw the join form, not the joined phone's page");
    }
    return { kb: bytes / 1024, scripts: scripts.size };
  } finally {
    await browser.close();
  }
}
