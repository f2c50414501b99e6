import { defineConfig, devices } from "@playwright/test";

import { chromiumLaunchOptions } from "./tests/helpers/chromium";

/**
 * The fault tests: slower than the e2e suite, so a project of their own. They serve the existing
 * production build (`npm run build` first) on a real PostgreSQL 15 cluster they start
 * themselves, and start, kill and restart the app servers and the database on their own ports
 * (FAULTS_PORT, 3400 and up), apart from the main run's 3100. One worker: the faults are
 * machine-wide (a database restart hits every server on the cluster).
 */
export default defineConfig({
  testDir: "tests/faults",
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  workers: 1,
  retries: 0,
  timeout: 150_000,
  expect: { timeout: 15_000 },
  globalSetup: "./tests/faults/global-setup.ts",
  globalTeardown: "./tests/faults/global-teardown.ts",
  reporter: [["list"], ["json", { outputFile: "test-results/faults.json" }]],
  outputDir: "test-results/faults-artifacts",
  use: {
    ...devices["Desktop Chrome"],
    trace: "retain-on-failure",
    launchOptions: chromiumLaunchOptions,
  },
});
