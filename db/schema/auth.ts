import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** Global role of an account. Team-level rights come from team_memberships. */
export const userRole = pgEnum("user_role", ["admin", "facilitator", "member"]);
export type UserRole = (typeof userRole.enumValues)[number];

export const users = pgTable(
  "users",
  {
    id: uuid().primaryKey().defaultRandom(),
    /** Stored lower-cased so that the unique index is case-insensitive in effect. */
    email: text().notNull().unique(),
    name: text().notNull(),
    /** scrypt hash in PHC-like form; null for accounts that only sign in through OAuth or email links. */
    passwordHash: text(),
    role: userRole().notNull().default("member"),
    /** A deactivated account can't sign in; its history stays. */
    deactivatedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.role)],
);

/**
 * One row per sign-in. The session cookie (a JWT) names its row; signing out or deactivation
 * ends the row, and a token whose row is ended or gone is refused, so a copied cookie stops
 * working at sign-out rather than when the token expires.
 */
export const accountSessions = pgTable(
  "account_sessions",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index().on(t.userId)],
);

/**
 * One row per install-wide fact that must be decided exactly once (e.g. "setup is done").
 * The primary key makes the first writer win atomically, on PGlite and on a real server.
 */
export const installFlags = pgTable("install_flags", {
  key: text().primaryKey(),
  setAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/**
 * Fixed-window counters for rate limits, kept in Postgres so that every app instance shares them.
 * Updated with one atomic upsert per hit; never read-modify-write.
 */
export const rateLimits = pgTable(
  "rate_limits",
  {
    key: text().primaryKey(),
    hits: integer().notNull(),
    windowEndsAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index().on(t.windowEndsAt)],
);

/** Every admin change (content, users, teams), with who and when. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: uuid().primaryKey().defaultRandom(),
    actorId: uuid().references(() => users.id, { onDelete: "set null" }),
    action: text().notNull(),
    targetType: text().notNull(),
    targetId: text(),
    details: jsonb()
      .$type<Record<string, unknown>>()
      .notNull()
      .default(sql`'{}'::jsonb`),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.createdAt), index().on(t.targetType, t.targetId)],
);
