import "server-only";

import { sql } from "drizzle-orm";

import { getDatabase } from "./db";

/** True when the database answers a trivial query within two seconds. */
export async function checkDatabase(): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), 2000);
  });
  try {
    const probe = getDatabase()
      .db.execute(sql`select 1`)
      .then(() => true)
      .catch(() => false);
    return await Promise.race([probe, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
