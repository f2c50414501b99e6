import { createEnv } from "@t3-oss/env-nextjs";
import { z } from "zod";

/** The validated environment. Nothing else in the app reads process.env. */
export const env = createEnv({
  server: {
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    /** A real PostgreSQL server; without it the embedded PGlite is used. */
    DATABASE_URL: z.url().optional(),
    /** Where the embedded database lives. */
    PGLITE_DIR: z.string().min(1).default(".data/pglite"),
    /** Signs session tokens and participant cookies; `npm start` creates one if unset. */
    AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters"),
    /** The address people reach the app on; used for QR codes and invite links. */
    // Stored without a trailing slash: links are built as PUBLIC_URL + "/path".
    PUBLIC_URL: z
      .url()
      .default("http://localhost:3000")
      .transform((url) => url.replace(/\/+$/, "")),
    /** Connections per app process to a real Postgres server. */
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
    /**
     * Joins per minute from one client address into one session (a room behind one Wi-Fi
     * address shares it). Raise it for bigger rooms behind one address; the bench raises it
     * because all its phones come from localhost.
     */
    RATE_LIMIT_JOINS_PER_MINUTE: z.coerce.number().int().min(1).default(300),
  },
  client: {},
  experimental__runtimeEnv: {},
  emptyStringAsUndefined: true,
  // `next build` evaluates server modules without the runtime secrets; they are checked at start.
  skipValidation: process.env.SKIP_ENV_VALIDATION === "1",
});
