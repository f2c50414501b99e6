import "server-only";

import { env } from "../env";
import type { EventBus } from "./bus";
import { createInProcessBus } from "./in-process-bus";
import { createPostgresBus } from "./postgres-bus";

const key = Symbol.for("practica.eventBus");
type GlobalWithBus = typeof globalThis & { [key]?: EventBus };

/** The process's event bus: LISTEN/NOTIFY on a real server, in memory on the embedded database. */
export function getEventBus(): EventBus {
  const g = globalThis as GlobalWithBus;
  g[key] ??= env.DATABASE_URL ? createPostgresBus(env.DATABASE_URL) : createInProcessBus();
  return g[key];
}
