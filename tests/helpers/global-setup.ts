import type { PGlite } from "@electric-sql/pglite";
import type { TestProject } from "vitest/node";

import { createDatabase } from "~/db";

declare module "vitest" {
  export interface ProvidedContext {
    /** A migrated, empty PGlite data folder (tar), so each test file skips the migrations. */
    pgliteTemplateBase64: string;
  }
}

export default async function setup(project: TestProject) {
  const handle = createDatabase({});
  await handle.migrate();
  const client = (handle.db as unknown as { $client: PGlite }).$client;
  const dump = await client.dumpDataDir("none");
  project.provide("pgliteTemplateBase64", Buffer.from(await dump.arrayBuffer()).toString("base64"));
  await handle.close();
}
