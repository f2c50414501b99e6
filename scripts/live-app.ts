// Shared by `npm run lighthouse` and `npm run screenshots`: the production build on a throwaway
// embedded database, driven over HTTP the way a facilitator's browser and a phone drive it.
import { spawn } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

import type { SessionStage } from "../db/schema/stage-list";
import { technicalLeadershipSlug } from "../db/seed/technical-leadership";
import { chromiumLaunchOptions } from "../tests/helpers/chromium";
import { startAppServer, type AppServer } from "../tests/helpers/app-server";
import { CookieJar, createHttpClient } from "../tests/helpers/http-client";

export function requireProductionBuild() {
  if (!existsSync(".next/BUILD_ID")) {
    console.error("No production build here: run `npm run build` first, then run this again.");
    process.exit(2);
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** A folder for one run's embedded database (and browser profile), removed by `dispose`. */
export function scratchFolder(name: string) {
  const folder = mkdtempSync(path.join(tmpdir(), `practica-${name}-`));
  return {
    folder,
    pgliteDir: path.join(folder, "pglite"),
    dispose: () => rmSync(folder, { recursive: true, force: true }),
  };
}

/**
 * The production server on the embedded database in `pgliteDir`. DATABASE_URL is blanked so that
 * a developer's real database is never touched.
 */
export async function startOnEmbeddedDatabase(pgliteDir: string): Promise<AppServer> {
  return startAppServer({
    port: await freePort(),
    env: {
      DATABASE_URL: "",
      PGLITE_DIR: pgliteDir,
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      // Lighthouse and the screenshots reload pages many times from one address.
      RATE_LIMIT_JOINS_PER_MINUTE: "10000",
    },
  });
}

/** Seeds the demo team into the (not yet opened) embedded database, as `npm run demo` does. */
export function seedDemo(pgliteDir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ["--conditions=react-server", "--import", "tsx", "scripts/demo.ts"],
      {
        env: { ...process.env, DATABASE_URL: "", PGLITE_DIR: pgliteDir },
        stdio: ["ignore", "inherit", "inherit"],
      },
    );
    child.once("error", reject);
    child.once("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`npm run demo exited with ${code}`)),
    );
  });
}

/** Signs in through Auth.js's credentials endpoint, as the sign-in form does. */
export async function signIn(baseUrl: string, email: string, password: string) {
  const jar = new CookieJar();
  const csrf = (await (await jar.fetch(`${baseUrl}/api/auth/csrf`)).json()) as {
    csrfToken: string;
  };
  const response = await jar.fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken: csrf.csrfToken, email, password, callbackUrl: "/" }),
  });
  if (!jar.header().includes("session-token")) {
    throw new Error(`Signing in as ${email} failed (${response.status})`);
  }
  return jar;
}

export const scriptAdmin = {
  name: "Ada Admin",
  email: "ada@example.test",
  password: randomBytes(18).toString("base64url"),
};

/** Creates the first admin through the setup procedure and signs in as them. */
export async function setUpAdmin(baseUrl: string) {
  await createHttpClient(baseUrl).client.setup.createAdmin.mutate(scriptAdmin);
  return signIn(baseUrl, scriptAdmin.email, scriptAdmin.password);
}

/** A live session of the seeded workshop for `teamId`, run by the signed-in `jar`. */
export async function startLiveSession(baseUrl: string, jar: CookieJar, teamId: string) {
  const { client } = createHttpClient(baseUrl, jar);
  const essay = (await client.content.list.query()).find((e) => e.slug === technicalLeadershipSlug);
  if (!essay) throw new Error("The seeded workshop is missing");
  const session = await client.session.create.mutate({
    teamId,
    essayId: essay.id,
    title: "Engineering practices, part 3",
    settings: {},
  });
  const sessionId = session.id;
  return {
    sessionId,
    joinCode: session.joinCode,
    client,
    goTo: (stage: SessionStage) =>
      client.session.stage.mutate({ sessionId, command: { type: "goto", stage } }),
  };
}

/** Joins the session as a phone with `displayName`; returns the phone's cookie jar. */
export async function joinAsPhone(baseUrl: string, code: string, displayName: string) {
  const phone = createHttpClient(baseUrl);
  await phone.client.participant.join.mutate({ code, displayName, joinKey: randomUUID() });
  return phone;
}

/**
 * Debian's Chromium, headless, with a DevTools port for Lighthouse. The port is chosen by
 * Chromium (port 0) and read back from the profile, so two runs never race for one.
 */
export async function launchChromium(profileDir: string) {
  const child = spawn(
    chromiumLaunchOptions.executablePath,
    [
      ...chromiumLaunchOptions.args,
      "--headless=new",
      "--remote-debugging-port=0",
      `--user-data-dir=${profileDir}`,
      "about:blank",
    ],
    { stdio: "ignore" },
  );
  const portFile = path.join(profileDir, "DevToolsActivePort");
  const deadline = Date.now() + 30_000;
  while (!existsSync(portFile) || !readFileSync(portFile, "utf8").includes("\n")) {
    if (child.exitCode !== null) throw new Error("Chromium exited before it opened DevTools");
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error("Chromium did not open its DevTools port in time");
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const port = Number(readFileSync(portFile, "utf8").split("\n")[0]);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    port,
    async close() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      const hard = setTimeout(() => child.kill("SIGKILL"), 5_000);
      await exited;
      clearTimeout(hard);
    },
  };
}
