import { appendFileSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";

/**
 * What each fault test counted, one JSON line per finished test, so the run can close with one
 * summary line (global-teardown.ts). Outside the JSON reports the test summary adds up.
 */
const ledgerFile = path.resolve("test-results/faults-ledger.jsonl");

export interface FaultOutcome {
  fault: string;
  /** Ballots the phones saw acknowledged ("Your vote is in.") before the fault. */
  acknowledgedBefore: number;
  /** Of those, the ones the database still held after the fault. */
  foundAfter: number;
  /** Ballots acknowledged in all, and the ones in the final tally. */
  acknowledged: number;
  tallied: number;
}

export function recordOutcome(outcome: FaultOutcome) {
  mkdirSync(path.dirname(ledgerFile), { recursive: true });
  appendFileSync(ledgerFile, `${JSON.stringify(outcome)}\n`);
}

export function readOutcomes(): FaultOutcome[] {
  try {
    return readFileSync(ledgerFile, "utf8")
      .split("\n")
      .filter(Boolean)
      .map((line) => JSON.parse(line) as FaultOutcome);
  } catch {
    return [];
  }
}

export function clearOutcomes() {
  rmSync(ledgerFile, { force: true });
}
