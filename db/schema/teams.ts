import { index, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";

import { userRole, users } from "./auth";

export const teamRole = pgEnum("team_role", ["facilitator", "member"]);
export type TeamRole = (typeof teamRole.enumValues)[number];

export const teams = pgTable("teams", {
  id: uuid().primaryKey().defaultRandom(),
  /** Used in addresses: /teams/SLUG. */
  slug: text().notNull().unique(),
  name: text().notNull(),
  createdById: uuid().references(() => users.id, { onDelete: "set null" }),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export const teamMemberships = pgTable(
  "team_memberships",
  {
    teamId: uuid()
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: teamRole().notNull().default("member"),
    joinedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  // The primary key makes a double membership impossible; the index serves "my teams".
  (t) => [primaryKey({ columns: [t.teamId, t.userId] }), index().on(t.userId)],
);

/**
 * An invite link. Only a hash of the secret token is stored, so a database leak does not hand
 * out working links. With a team it adds the invitee to that team; without one (admin invites)
 * it only creates the account with `userRole`.
 */
export const invites = pgTable(
  "invites",
  {
    id: uuid().primaryKey().defaultRandom(),
    tokenHash: text().notNull().unique(),
    teamId: uuid().references(() => teams.id, { onDelete: "cascade" }),
    teamRole: teamRole().notNull().default("member"),
    userRole: userRole().notNull().default("member"),
    email: text(),
    createdById: uuid().references(() => users.id, { onDelete: "set null" }),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    revokedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.teamId)],
);

/** Who accepted an invite; an invite link may be used by several people until it expires. */
export const inviteAcceptances = pgTable(
  "invite_acceptances",
  {
    inviteId: uuid()
      .notNull()
      .references(() => invites.id, { onDelete: "cascade" }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    acceptedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.inviteId, t.userId] })],
);
