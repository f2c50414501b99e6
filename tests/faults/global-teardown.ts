import { readOutcomes } from "./ledger";

/** One closing line with what the fault tests counted; every number comes from a passed test. */
export default function globalTeardown() {
  const outcomes = readOutcomes();
  const sum = (key: "acknowledgedBefore" | "foundAfter" | "acknowledged" | "tallied") =>
    outcomes.reduce((total, outcome) => total + outcome[key], 0);
  const lost =
    sum("acknowledged") - sum("tallied") + (sum("acknowledgedBefore") - sum("foundAfter"));
  console.log(
    `\nFaults survived: ${outcomes.length} (${outcomes.map((o) => o.fault).join("; ")}); ` +
      `ballots acknowledged before a fault: ${sum("acknowledgedBefore")}, found after it: ${sum("foundAfter")}; ` +
      `acknowledged in all: ${sum("acknowledged")}, in the final tallies: ${sum("tallied")}; lost: ${lost}`,
  );
}
