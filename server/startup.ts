import "server-only";

import { seedContent } from "~/db/seed";

import { getDatabase } from "./db";

export async function prepareDatabase() {
  const handle = getDatabase();
  await handle.migrate();
  const { seeded } = await seedContent(handle.db);
  console.log(
    `[practica] database ready (${handle.kind})${seeded ? ", default workshop seeded" : ""}`,
  );
}
