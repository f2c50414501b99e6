#!/usr/bin/env node
// Adds up the JSON reports of Vitest and Playwright into one closing line, and fails when any
// test failed or none ran at all.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const folder = process.argv[2] ?? "test-results";
let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of readdirSync(folder).filter((f) => f.endsWith(".json"))) {
  const report = JSON.parse(readFileSync(path.join(folder, file), "utf8"));
  if ("numPassedTests" in report) {
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    skipped += report.numPendingTests + report.numTodoTests;
  } else if (report.stats) {
    passed += report.stats.expected + report.stats.flaky;
    failed += report.stats.unexpected;
    skipped += report.stats.skipped;
  }
}
console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
if (failed > 0 || passed === 0) process.exit(1);
