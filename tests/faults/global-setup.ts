import { existsSync } from "node:fs";

import { clearOutcomes } from "./ledger";

export default function globalSetup() {
  if (!existsSync(".next/BUILD_ID")) {
    throw new Error("The fault tests serve the production build: run `npm run build` first.");
  }
  clearOutcomes();
}
