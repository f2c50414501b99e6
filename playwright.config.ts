import os from "node:os";
import path from "node:path";

import { defineConfig, devices } from "@playwright/test";

// Playwright evaluates this file in the runner and again in every worker. The database folder is
// chosen once, in the runner, and handed to the workers (and the web server) through the
// environment, so the whole run shares one fresh, empty install.
const pgliteDir = (process.env.E2E_PGLITE_DIR ??= path.join(
  os.tmpdir(),
  `practica-e2e-${Date.now()}`,
));

const port = 3100;
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
    launchOptions: {
      // No browser downloads here: use the system Chromium.
      executablePath: "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
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
