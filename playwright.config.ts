import { readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { defineConfig, devices } from "@playwright/test";

import { chromiumLaunchOptions } from "./tests/helpers/chromium";

const prefix = "practica-e2e-";

/**
 * The web server still runs when global teardown does, so a run can't delete its own database.
 * Instead each run deletes those that earlier runs left behind (about 40 MB each), once they are
 * old enough that no other run can still be using them.
 */
function removeStaleDatabases() {
  const cutoff = Date.now() - 2 * 60 * 60 * 1000;
  for (const name of readdirSync(os.tmpdir())) {
    const started = Number(name.slice(prefix.length));
    if (name.startsWith(prefix) && Number.isFinite(started) && started < cutoff) {
      rmSync(path.join(os.tmpdir(), name), { recursive: true, force: true });
    }
  }
}

// Playwright evaluates this file in the runner and again in every worker. The database folder is
// chosen once, in the runner, and handed to the workers (and the web server) through the
// environment, so the whole run shares one fresh, empty install.
if (!process.env.E2E_PGLITE_DIR) removeStaleDatabases();
const pgliteDir = (process.env.E2E_PGLITE_DIR ??= path.join(os.tmpdir(), `${prefix}${Date.now()}`));

// E2E_PORT lets two copies of the repo run their suites side by side.
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${port}`;

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: "test-results/e2e.json" }]],
  outputDir: "test-results/e2e-artifacts",
  use: {
    baseURL,
    trace: "on-first-retry",
    // No browser downloads here: use the system Chromium.
    launchOptions: chromiumLaunchOptions,
  },
  projects: [
    // The fresh-install story runs first, alone: it is the one that sees /setup before anyone.
    {
      name: "install",
      testMatch: /setup-and-sign-in\.spec\.ts/,
      use: { ...devices["Desktop Chrome"] },
    },
    {
      name: "chromium",
      dependencies: ["install"],
      testIgnore: /setup-and-sign-in\.spec\.ts/,
      use: { ...devices["Desktop Chrome"] },
    },
  ],
  // Serves the existing production build; the test script runs `npm run build` beforehand.
  webServer: {
    command: "node scripts/start.mjs",
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      PORT: String(port),
      PGLITE_DIR: pgliteDir,
      // Always the embedded database, even if the shell points at a Postgres server.
      DATABASE_URL: "",
      AUTH_SECRET: "e2e-only-secret-not-for-production-0123456789",
      PUBLIC_URL: baseURL,
      NODE_ENV: "production",
    },
  },
});
