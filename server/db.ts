import "server-only";

import { createDatabase, type DatabaseHandle } from "~/db";

import { env } from "./env";

/**
 * The app's one database handle per process, cached on globalThis: Next bundles instrumentation
 * and routes separately, and dev hot reloads re-run modules, yet the embedded database folder
 * must be opened exactly once.
 */
const key = Symbol.for("practica.database");
type GlobalWithDb = typeof globalThis & { [key]?: DatabaseHandle };

export function getDatabase(): DatabaseHandle {
  const g = globalThis as GlobalWithDb;
  g[key] ??= createDatabase({
    url: env.DATABASE_URL,
    dataDir: env.PGLITE_DIR,
    poolSize: env.DATABASE_POOL_SIZE,
  });
  return g[key];
}
